package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.DecisionLog;
import tianping.batch.OutFile;
import tianping.batch.PowerBatch;
import tianping.engine.Decider;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code power-batch}: its options, then {@link PowerBatch}. */
@Command(name = "power-batch", description = {
        "用电监控批量核查：一个省一天的全部读数 → 各企业异常时段 → 违法事实 → 处理意见。",
        "读数可按任意顺序（平台按采样时刻导出）；每个读数直接归入其企业的采样网格，内存只与测点数成正比。"})
final class PowerBatchCommand implements Callable<Integer> {

    @Option(names = "--enterprises", required = true, paramLabel = "ENTERPRISES.jsonl",
            description = "企业名录：每行一个案件骨架（caseId、decisionDate、enterprise、history，及不含 readings 的 power 节）")
    Path enterprises;

    @Option(names = "--readings", required = true, paramLabel = "READINGS.csv", description = "全省当日读数 enterprise,channel,timestamp,kW")
    Path readings;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "核查的自然日（各企业 power.period 须为该日）")
    LocalDate date;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "结果（JSON Lines）：名录中每家企业一行，status 为 decided（含 decision 与规则执行记录）、clean、clues（只有线索）"
                    + "或 rejected（含 errors）；名录外企业的读数为 unregistered，无法读取的行为 feed_error；已存在且有内容时不覆盖（见 --overwrite）")
    Path out;

    @Option(names = "--overwrite", description = "覆盖已存在的结果文件")
    boolean overwrite;

    @Option(names = "--threads", paramLabel = "N", description = "并行线程数（缺省为 CPU 核数）")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    RuleSetOption rules;

    @Mixin
    LogOption log;

    @Mixin
    DataRootOption dataRoot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!CaseSource.readable(enterprises, err) || !CaseSource.readable(readings, err)) return ExitCode.CASE_REJECTED;
        OutFile.check(out, List.of(enterprises, readings), log.off ? null : log.dir.resolve(DecisionLog.FILE),
                overwrite ? OutFile.Mode.OVERWRITE : OutFile.Mode.FRESH);
        RuleSet ruleSet = rules.load();
        PowerBatch.Report r;
        try (DecisionLog decisions = log.open(ruleSet, err)) {
            r = new PowerBatch(new Decider(ruleSet)).run(new PowerBatch.Options(enterprises, readings, date, out, threads, decisions), err);
        }
        err.printf("企业名录 %,d 家、读数 %,d 行：%s%n", r.enterprises(), r.rows(), r.statuses());
        r.summary().print(err, r.seconds(), out);
        return r.summary().exitCode();
    }
}
