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
            var c = new CaseReader(ruleSet.law().book()).read(caseFile);
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
}
