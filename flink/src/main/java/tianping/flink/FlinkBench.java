package tianping.flink;

import org.apache.flink.api.common.JobStatus;
import tianping.batch.CaseBatchSteps;
import tianping.batch.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.power.province.ProvinceGenerator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tianping bench flink}: on one province-day (power-generate's, shared with {@code bench power} when it is
 * already there), power-batch and the job at parallelism 1 and 2 in the same run, readings per second each, the
 * job's lines checked equal to the batch's, and the time from the arrival of the reading that completes a P1
 * episode to its alert. The job's times include submitting it and loading the rule set in each task, not
 * starting the MiniCluster.
 */
final class FlinkBench {

    private FlinkBench() {
    }

    static int run(Map<String, String> o, PrintStream err) throws Exception {
        int enterprises = Integer.parseInt(o.getOrDefault("enterprises", "7056"));
        int channels = Integer.parseInt(o.getOrDefault("channels", "60414"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "1"));
        LocalDate date = LocalDate.of(2024, 11, 20);
        Path data = Path.of(o.getOrDefault("dir", ".tianping/bench-power/" + enterprises + "x" + channels));
        if (!Files.exists(data.resolve(ProvinceGenerator.READINGS))) {
            err.printf("生成数据 %s ……%n", data);
            new ProvinceGenerator(new ProvinceGenerator.Spec(enterprises, channels, date, 20240619L, 10)).write(data);
        }
        Path register = data.resolve(ProvinceGenerator.ENTERPRISES);
        Path readings = data.resolve(ProvinceGenerator.READINGS);
        long rows = 0;
        try (var lines = Files.lines(readings)) {
            rows = lines.count() - 1;
        }
        Path work = Files.createDirectories(Path.of(".tianping/bench-flink"));
        err.printf("数据：%s（%,d 行读数，%,d 字节）；JVM 最大堆 %d MB；CPU %d 核%n", data, rows, Files.size(readings),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        Decider decider = new Decider(RuleSet.bundled());
        Path batchOut = work.resolve("batch.jsonl");
        for (int i = 0; i < warmup; i++) PowerBatchSteps.batch(decider, register, readings, date, batchOut, 2, null);
        double batch = PowerBatchSteps.batch(decider, register, readings, date, batchOut, 2, null);
        List<String> expected = sorted(Files.readAllLines(batchOut));
        err.printf("power-batch（2 线程）：%.2f 秒，%,.0f 行/秒%n", batch, rows / batch);

        int code = 0;
        try (LocalCluster cluster = new LocalCluster(1, 2)) {
            for (int p : new int[]{1, 2}) {
                Path out = work.resolve("job-p" + p);
                JobConfig c = new JobConfig(register.toString(), readings.toString(), date, out.toString(), null, p, 0, 10_000,
                        out.toAbsolutePath().resolveSibling(out.getFileName() + "-checkpoints").toUri().toString(), null, null, null, 0);
                LocalCluster.Run run = cluster.run(c);
                if (run.status() != JobStatus.FINISHED) {
                    err.println("作业失败：" + run.failure());
                    return 4;
                }
                List<String> got = new ArrayList<>();
                long alerts = 0;
                for (int i = 0; i < p; i++) {
                    got.addAll(Files.readAllLines(out.resolve("lines-" + i + ".jsonl")));
                    alerts += Files.readAllLines(out.resolve("alerts-" + i + ".jsonl")).size();
                }
                boolean same = sorted(got).equals(expected);
                if (!same) code = 4;
                long sum = number(run.accumulators().get(EnterpriseDay.LATENCY_SUM));
                long n = number(run.accumulators().get(EnterpriseDay.LATENCY_COUNT));
                long max = number(run.accumulators().get(EnterpriseDay.LATENCY_MAX));
                err.printf("Flink 作业，并行度 %d：%.2f 秒，%,.0f 行/秒（power-batch 的 %.2f 倍用时）；检查点 %d 个；结果与 power-batch %s；"
                                + "提醒 %,d 条，读数到达至提醒平均 %d 毫秒、最长 %d 毫秒%n",
                        p, run.seconds(), rows / run.seconds(), run.seconds() / batch, run.completedCheckpoints(),
                        same ? "逐行一致" : "不一致", alerts, n == 0 ? 0 : sum / n, max);
            }
            int outlets = Integer.parseInt(o.getOrDefault("hj212-outlets", "100"));
            if (outlets > 0 && hj212(cluster, decider, outlets, Integer.parseInt(o.getOrDefault("hj212-days", "1")), work, err) != 0) code = 4;
        }
        return code;
    }

    /**
     * HJ 212 in the same run: a feed of minute packets ({@link Hj212Fixture}), batch over its cases (each case's
     * packets as its data file) against the HJ 212 job at parallelism 1 and 2, packets per second each, the job's
     * lines for the cases checked equal to batch's.
     */
    private static int hj212(LocalCluster cluster, Decider decider, int outlets, int days, Path work, PrintStream err) throws Exception {
        Path dir = work.resolve("hj212-" + outlets + "x" + days);
        Hj212Fixture.Written w = Hj212Fixture.write(dir, new Hj212Fixture.Spec(outlets, days, LocalDate.of(2024, 3, 1), 20240301L));
        Hj212Fixture.split(dir, java.util.Set.of());
        Path cases = dir.resolve(Hj212Fixture.CASES);
        Path packets = dir.resolve(Hj212Fixture.PACKETS);
        err.printf("HJ 212：%,d 个案件、%,d 个数据包（%,d 字节，%d 日分钟数据）%n", outlets, w.packets(), Files.size(packets), days);
        Path batchOut = work.resolve("hj212-batch.jsonl");
        Files.deleteIfExists(batchOut);
        CaseBatchSteps.batch(decider, cases, batchOut, 2);
        Files.delete(batchOut);
        double batch = CaseBatchSteps.batch(decider, cases, batchOut, 2);
        List<String> expected = sorted(Files.readAllLines(batchOut));
        err.printf("batch（2 线程，每个案件读自己的数据文件）：%.2f 秒，%,.0f 包/秒%n", batch, w.packets() / batch);
        int code = 0;
        for (int p : new int[]{1, 2}) {
            Path out = work.resolve("hj212-job-p" + p);
            Hj212Config c = new Hj212Config(cases.toString(), packets.toString(), out.toString(), null, p, 15, 10_000,
                    out.toAbsolutePath().resolveSibling(out.getFileName() + "-checkpoints").toUri().toString(), null, null, null, null, 0);
            LocalCluster.Run run = cluster.run(c);
            if (run.status() != JobStatus.FINISHED) {
                err.println("作业失败：" + run.failure());
                return 4;
            }
            List<String> got = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                for (String l : Files.readAllLines(out.resolve("lines-" + i + ".jsonl"))) if (l.contains("\"source\":\"" + cases + ":")) got.add(l);
            }
            boolean same = sorted(got).equals(expected);
            if (!same) code = 4;
            err.printf("HJ 212 作业，并行度 %d：%.2f 秒，%,.0f 包/秒（batch 的 %.2f 倍用时）；检查点 %d 个；案件结果与 batch %s%n",
                    p, run.seconds(), w.packets() / run.seconds(), run.seconds() / batch, run.completedCheckpoints(), same ? "逐行一致" : "不一致");
        }
        return code;
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }
}
