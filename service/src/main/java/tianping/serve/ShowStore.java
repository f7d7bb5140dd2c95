package tianping.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tianping.audit.LogRecord;
import tianping.audit.StoredRecords;
import tianping.cli.StoredDecisionText;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tianping show --store URL SEQ|caseId}: a decision of the PostgreSQL store as check's Chinese text. */
@Command(name = "show", description = "以 check 的中文文本显示决定库中的一条决定（序号，或案件编号的最后一条）。")
final class ShowStore implements Callable<Integer> {

    @Parameters(paramLabel = "SEQ|caseId")
    String id;

    @picocli.CommandLine.Mixin
    StoreCommands.StoreOption store;

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR", description = "规则目录；缺省用内置规则集（用于写出规则集的来源）")
    Path rulesDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = store.out();
        PrintWriter err = store.err();
        try (PgStore s = store.open()) {
            byte[] line = DocumentRoutes.recordOf(s, id).orElse(null);
            LogRecord.Fields f = line == null ? null : LogRecord.of(line).fields();
            if (f == null || f.decision() == null) {
                err.println("决定库中没有" + (StoredRecords.isSeq(id) ? "序号为 " + id + " 的决定记录" : "案件 " + id + " 的决定记录"));
                return 1;
            }
            out.print(StoredDecisionText.render(f.decision(), rulesDir == null ? RuleSet.bundled() : RuleSet.fromDirectory(rulesDir)));
            out.flush();
            return 0;
        }
    }
}
