package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.LogRecord;
import tianping.audit.StoredRecords;
import tianping.cli.Json;
import tianping.document.DocumentException;
import tianping.document.DocumentFormat;
import tianping.document.DocumentKind;
import tianping.document.Documents;
import tianping.document.Draft;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.NoViolationFound;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tianping document CASE.json --kind 处罚 --out X.docx}: decides the case as {@code check} does (without
 * recording it: a draft is not a decision) or takes a decision already recorded ({@code --from-log SEQ|caseId}),
 * and writes the 决定书 draft in the format its extension names. It runs from the service's jar, so POI never
 * joins {@code check}'s class path.
 */
@Command(name = "document", description = "由决定制作决定书草稿（DOCX 或 HTML，格式由 --out 的扩展名决定）。")
final class DocumentCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CASE.json", arity = "0..1", description = "案件事实文件（与 --from-log 二选一）")
    Path caseFile;

    @Option(names = "--kind", required = true, paramLabel = "不予处罚|告知|处罚|责令改正",
            description = "文书种类：不予处罚（不予行政处罚决定书）、告知（行政处罚事先（听证）告知书）、处罚（行政处罚决定书）、责令改正（责令改正违法行为决定书）")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "X.docx|X.html", description = "输出文件；扩展名 .docx 或 .html 决定格式")
    Path out;

    @Option(names = "--from-log", paramLabel = "SEQ|caseId", description = "用决定记录中已有的决定（序号，或案件编号的最后一条），不重新决定")
    String fromLog;

    @Option(names = "--log", paramLabel = "DIR", description = "--from-log 读取的决定记录目录（缺省 .tianping）")
    Path logDir = Path.of(".tianping");

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "规则目录；缺省用内置规则集")
    Path rulesDir;

    @Option(names = "--overwrite", description = "--out 已存在时覆盖")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DocumentKind k;
        DocumentFormat format;
        try {
            k = DocumentKind.of(kind);
            format = DocumentFormat.ofFile(out.getFileName().toString());
        } catch (DocumentException e) {
            err.println("用法错误：" + e.getMessage());
            return 2;
        }
        if ((caseFile == null) == (fromLog == null)) {
            err.println("用法错误：请给出案件文件，或用 --from-log 指明决定记录中的决定（二者只能有一个）");
            return 2;
        }
        if (Files.exists(out) && !overwrite) {
            err.println("用法错误：" + out + "：已存在（覆盖须明示 --overwrite）");
            return 2;
        }
        if (out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            err.println("用法错误：" + out + "：所在目录不存在");
            return 2;
        }
        JsonNode caseTree, decision;
        if (fromLog != null) {
            if (!Files.isDirectory(logDir)) {
                err.println("用法错误：" + logDir + "：决定记录目录不存在");
                return 2;
            }
            LogRecord.Fields f = StoredRecords.find(logDir, fromLog).orElse(null);
            if (f == null) {
                err.println(logDir.resolve(tianping.audit.DecisionLog.FILE) + "：没有" + (StoredRecords.isSeq(fromLog) ? "序号为 " + fromLog + " 的决定记录" : "案件 " + fromLog + " 的决定记录"));
                return 1;
            }
            caseTree = Documents.tree(f.caseJson());
            decision = Documents.tree(f.decision());
        } else {
            if (!Files.isRegularFile(caseFile)) {
                err.println("用法错误：" + caseFile + "：不存在或不是文件");
                return 2;
            }
            RuleSet ruleSet = rulesDir == null ? RuleSet.bundled() : RuleSet.fromDirectory(rulesDir);
            try {
                CaseFile c = new CaseReader(ruleSet.law().book()).read(caseFile);
                Decision d = new Decider(ruleSet).decide(caseFile.toString(), c);
                caseTree = Documents.tree(c.canonicalInput().getBytes(StandardCharsets.UTF_8));
                decision = Documents.tree(Json.bytes(d));
            } catch (NoViolationFound e) {
                err.println(caseFile + "：未发现违法事实，没有可制作文书的决定");
                e.errors().forEach(r -> err.println("  " + r.path() + "：" + r.message()));
                return 1;
            } catch (CaseRejected e) {
                e.errors().forEach(err::println);
                return 1;
            }
        }
        Draft draft;
        try {
            draft = Documents.draft(k, caseTree, decision);
        } catch (DocumentException e) {
            err.println("文书无法制作：" + e.getMessage());
            return 2;
        }
        Files.write(out, Documents.write(draft, format));
        err.println("已写出 " + out + "（" + draft.title() + "草稿，" + format.extension().toUpperCase() + "；" + draft.blanks()
                + " 处空白待执法人员填写，标为 ＿＿＿＿〔标注〕）");
        return 0;
    }
}
