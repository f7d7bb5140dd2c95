package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.NoViolationFound;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", description = "核查一个案件，输出处理意见与规则执行记录。")
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CASE.json", description = "案件事实文件（格式见 reader/src/main/resources/tianping/schema/case.schema.json）")
    Path caseFile;

    @Option(names = "--json", description = "输出 JSON（缺省输出中文文本）")
    boolean json;

    @Option(names = "--history-from-store", description = "以决定记录（--log）中该企业在本案决定日期之前的决定补入违法历史（history.findings，注明 fromRecord），"
            + "递进执法据此计数；补入后的案件即所记录、所重放的案件")
    boolean historyFromStore;

    @Mixin
    RuleSetOption rules;

    @Mixin
    LogOption log;

    @Mixin
    DataRootOption dataRoot;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!CaseSource.readable(caseFile, err)) return ExitCode.CASE_REJECTED;
        RuleSet ruleSet = rules.load();
        String name = caseFile.toString();
        try {
            var reader = new CaseReader(ruleSet.law().book());
            var c = historyFromStore ? withHistory(reader, name) : reader.read(caseFile);
            Decision d = new Decider(ruleSet).decide(name, c);
            try (var decisions = log.open(ruleSet, err)) {
                if (decisions != null) decisions.append(c, d, name, Json.bytes(d));
            }
            out.print(json ? Json.PRETTY.writeValueAsString(d) + "\n" : DecisionText.render(d, ruleSet.origin()));
            out.flush();
            return ExitCode.OK;
        } catch (NoViolationFound e) {
            if (json) {
                out.print(Json.PRETTY.writeValueAsString(BatchCommand.noViolation(name, null, e)) + "\n");
            } else {
                out.println(name + "：未发现违法事实，不作处理意见");
                e.errors().forEach(r -> out.println("  " + r.path() + "：" + r.message()));
            }
            out.flush();
            return ExitCode.OK;
        } catch (CaseRejected e) {
            e.errors().forEach(err::println);
            err.flush();
            return ExitCode.CASE_REJECTED;
        }
    }

    /** The case with the enterprise's earlier decisions from the log filled into its history, then read. */
    private tianping.read.CaseFile withHistory(CaseReader reader, String name) throws Exception {
        if (log.off) throw new tianping.batch.UsageException("--history-from-store 读取决定记录，不能与 --no-log 同用");
        var tree = CaseReader.parse(name, java.nio.file.Files.readAllBytes(caseFile));
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.path("enterprise").path("uscc").isTextual()) {
            tianping.audit.HistoryFromStore.fill(o, tianping.audit.StoredRecords.ofEnterprise(log.dir, o.path("enterprise").path("uscc").asText()));
        }
        return reader.read(name, tree, caseFile.toAbsolutePath().getParent());
    }
}
