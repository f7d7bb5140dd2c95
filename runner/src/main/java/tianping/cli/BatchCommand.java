package tianping.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.batch.CaseBatch;
import tianping.batch.OutFile;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.read.CaseReader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code batch}: its options, then {@link CaseBatch}. */
@Command(name = "batch", description = "批量核查：目录（*.json、*.jsonl）或 JSON Lines 文件，每个案件输出一行结果。")
final class BatchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", description = "案件目录，或 .jsonl 文件（每行一个案件），或单个 .json 文件")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "结果文件（JSON Lines）：每个输入案件一行，status 为 decided（含 decision）、no_violation（原始数据未显示违法，含数据所示）或 rejected（含 errors），顺序同输入；已存在且有内容时不覆盖（见 --resume、--overwrite）")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "并行线程数（缺省为 CPU 核数）")
    int threads = Runtime.getRuntime().availableProcessors();

    @ArgGroup(exclusive = true)
    Existing existing = new Existing();

    /** What to do with an existing --out. */
    static final class Existing {
        @Option(names = "--resume", description = "续跑被中断（包括被强行终止）的批量核查：保留已写出的结果，已记入决定记录的决定不重新作出，其余案件继续核查")
        boolean resume;

        @Option(names = "--overwrite", description = "覆盖已存在的结果文件")
        boolean overwrite;
    }

    @Mixin
    RuleSetOption rules;

    @Mixin
    LogOption log;

    @Mixin
    DataRootOption dataRoot;

    @Spec
    CommandSpec spec;

    /** A case whose data show no violation, as batch writes it (check --json prints the same). */
    static tianping.batch.OutputLine noViolation(String source, String caseId, tianping.read.NoViolationFound e) {
        return tianping.batch.OutputLine.noViolation(source, caseId,
                e.errors().stream().map(tianping.batch.BatchError::of).toList());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!java.nio.file.Files.exists(input)) {
            err.println(input + ": 文件不存在或不可读");
            return ExitCode.CASE_REJECTED;
        }
        RuleSet ruleSet = rules.load();
        OutFile.Mode mode = existing.resume ? OutFile.Mode.RESUME : existing.overwrite ? OutFile.Mode.OVERWRITE : OutFile.Mode.FRESH;
        CaseBatch.Log decisions = new CaseBatch.Log() {
            @Override
            public Path dir() {
                return log.off ? null : log.dir;
            }

            @Override
            public tianping.audit.DecisionLog open() throws java.io.IOException {
                return log.open(ruleSet, err);
            }
        };
        return new CaseBatch(new CaseReader(ruleSet.law().book()), new Decider(ruleSet))
                .run(new CaseBatch.Options(input, out, threads, mode), decisions, err).exitCode();
    }
}
