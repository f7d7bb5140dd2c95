package tianping.bench;

import tianping.cli.ExitCode;
import tianping.cli.Json;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.batch.PowerBatch;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.power.province.GroundTruth;
import tianping.power.province.ProvinceGenerator;
import tianping.power.readings.Channel;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.ReadingVisitor;
import tianping.power.readings.ReadingsCsv;
import tianping.power.readings.SeriesBuilder;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "power", description = {
        "用电监控一省一日基准：同一次运行、同一份合成数据上测 (a) 只读取解析读数的下限，(b) 朴素基线（每个读数作为事实插入",
        "每家企业一个 Drools 会话），(c) tianping power-batch 全流程（解析、推导、决策、写出带执行记录的处理意见），",
        "每项先完整运行 --warmup 次预热，(a) 与 (c) 再交替计时 --pairs 对；报告用时与比值（c/a 取各对的中位数；目标 c ≤ 2×a，b ≥ 5×c），并以植入的标准答案核对 (c) 的结果。"})
final class PowerBench implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "合成数据目录（缺省 .tianping/bench-power；已存在则复用）")
    Path dir = Path.of(".tianping", "bench-power");

    @Option(names = "--enterprises", paramLabel = "N", description = "企业数（缺省 7056）")
    int enterprises = 7056;

    @Option(names = "--channels", paramLabel = "N", description = "测点数（缺省 60414）")
    int channels = 60414;

    @Option(names = "--threads", paramLabel = "N", description = "(c) 的并行线程数（缺省为 CPU 核数）")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--warmup", paramLabel = "N", description = "每项计时前的预热运行次数（缺省 2；JIT 要几千次决策才编译好规则的执行路径）")
    int warmup = 2;

    int pairs = 5;

    @Option(names = "--pairs", paramLabel = "N", description = "(a) 与 (c) 交替计时的对数，取 c/a 的中位数（缺省 5）")
    void pairs(int n) {
        if (n < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--pairs 应为正整数，实际为 " + n);
        pairs = n;
    }

    @Spec
    CommandSpec spec;

    private static final LocalDate DATE = LocalDate.of(2024, 11, 20);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dir.resolve(enterprises + "x" + channels);
        if (!Files.exists(data.resolve(ProvinceGenerator.TRUTH))) {
            long g = System.nanoTime();
            var s = new ProvinceGenerator(new ProvinceGenerator.Spec(enterprises, channels, DATE, 20240619L, 10)).write(data);
            out.printf("生成合成数据：%,d 家企业、%,d 个测点、%,d 行读数、%,d 个植入异常（%.1f 秒，不计入比较）%n",
                    s.enterprises(), s.channels(), s.readings(), s.anomalies(), (System.nanoTime() - g) / 1e9);
        }
        Path readings = data.resolve(ProvinceGenerator.READINGS);
        Path register = data.resolve(ProvinceGenerator.ENTERPRISES);
        out.printf("数据：%s（读数文件 %,d 字节）；JVM 最大堆 %,d MB；线程 %d%n", data, Files.size(readings),
                Runtime.getRuntime().maxMemory() >> 20, threads);
        RuleSet ruleSet = RuleSet.bundled();
        KieBase naive = naiveKieBase();
        out.flush();

        Path result = data.resolve("decisions.jsonl");
        PowerBatch batch = new PowerBatch(new Decider(ruleSet));
        PowerBatch.Options options = new PowerBatch.Options(register, readings, DATE, result, threads, null);
        for (int i = 0; i < warmup; i++) parseOnly(readings);
        for (int i = 0; i < warmup; i++) batch.run(options, new PrintWriter(PrintWriter.nullWriter()));
        // (a) and (c) timed in turns: this machine's speed drifts by more than the ratio's margin within a minute, so a
        // ratio of two runs minutes apart says more about the drift than about the work; the median pair is reported
        List<Pair> timed = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            Timing<Long> a = time(() -> parseOnly(readings));
            Timing<PowerBatch.Report> c = time(() -> batch.run(options, new PrintWriter(PrintWriter.nullWriter())));
            timed.add(new Pair(a, c));
            out.printf("第 %d 对：(a) %.2f 秒，(c) %.2f 秒（入网格 %.2f，推导与决策 %.2f），c/a = %.2f%n", k + 1, a.seconds(), c.seconds(),
                    c.result().feedSeconds(), c.result().seconds() - c.result().feedSeconds(), c.seconds() / a.seconds());
            out.flush();
        }
        List<Pair> byRatio = new ArrayList<>(timed);
        byRatio.sort(java.util.Comparator.comparingDouble(Pair::ratio));
        Pair median = byRatio.get(byRatio.size() / 2);
        Timing<Long> ta = median.a();
        Timing<PowerBatch.Report> tc = median.c();
        PowerBatch.Report s = tc.result();
        long rows = ta.result();
        double a = ta.seconds();
        double c = tc.seconds();
        out.printf("以下为 c/a 居中的一对（第 %d 对）：%n", timed.indexOf(median) + 1);
        out.printf("(a) 只解析：%,d 行 %.2f 秒（%,.0f 行/秒），进程 CPU %.2f 秒，堆峰值 %,d MB%n", rows, a, rows / a, ta.cpu(), ta.peakHeap() >> 20);
        out.printf("(c) tianping power-batch 全流程：%.2f 秒（其中读名录与读数入网格 %.2f 秒，推导与决策 %.2f 秒），%s，结果 %,d 字节，堆峰值 %,d MB%n",
                c, s.feedSeconds(), s.seconds() - s.feedSeconds(), s.statuses(), Files.size(result), tc.peakHeap() >> 20);
        // c ≤ 2a on two cores needs (c)'s CPU ≤ 2 × 2a, whatever the overlap: the CPU says how far the work itself is
        out.printf("    进程 CPU %.2f 秒（含 GC 线程与 JIT 编译 %.2f 秒），即 %.1f 核；c ≤ 2a 在 %d 核上至少要 CPU ≤ %.2f 秒%n",
                tc.cpu(), tc.jit(), tc.cpu() / c, Runtime.getRuntime().availableProcessors(), 2 * a * Runtime.getRuntime().availableProcessors());
        out.flush();

        for (int i = 0; i < warmup; i++) naive(naive, batch, options);
        Timing<Long> tb = time(() -> naive(naive, batch, options));
        long flagged = tb.result();
        double b = tb.seconds();
        long peakB = tb.peakHeap();
        out.printf("(b) 朴素基线（每个读数插入 Drools 会话，以规则逐时段连成异常时段）：%.2f 秒，找到 P1–P4 异常时段 %,d 个（(c) 为 %,d 个），堆峰值 %,d MB%n",
                b, flagged, episodesP1toP4(result), peakB >> 20);

        double ca = median.ratio();
        double bc = b / c;
        out.printf("比值：c/a = %.2f（%d 对交替计时的中位数，范围 %.2f–%.2f；目标 ≤ 2）%s；b/c = %.1f（目标 ≥ 5）%s%n", ca, pairs,
                byRatio.get(0).ratio(), byRatio.get(byRatio.size() - 1).ratio(), ca <= 2 ? " 达标" : " 未达标",
                bc, bc >= 5 ? " 达标" : " 未达标");
        GroundTruth.Report truth = GroundTruth.check(data.resolve(ProvinceGenerator.TRUTH), result);
        out.printf("标准答案：植入异常 %d 个，发现 %d 个；企业 %,d 家，状态相符 %,d 家；正常企业 %,d 家，误报 %d 家%s%n",
                truth.planted(), truth.found(), truth.enterprises(), truth.statusMatches(), truth.cleanEnterprises(),
                truth.falseOnClean(), truth.passed() ? "：通过" : "：未通过");
        truth.problems().forEach(p -> out.println("  " + p));
        out.flush();
        return truth.passed() ? ExitCode.OK : ExitCode.CASE_REJECTED;
    }

    /** (a): read and parse every row, keep nothing but a checksum (so the work cannot be skipped). */
    private static long parseOnly(Path readings) throws IOException {
        long[] acc = new long[2];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(readings), 1 << 16)) {
            ReadingsCsv.parse(in, new ReadingVisitor() {
                @Override
                public void reading(String enterprise, String channel, long minute, double kw, long line) {
                    acc[0]++;
                    acc[1] += enterprise.hashCode() ^ channel.hashCode() ^ minute ^ Double.doubleToRawLongBits(kw);
                }

                @Override
                public void malformed(long line, String message) {
                    acc[0]++;
                }
            });
        }
        if (acc[1] == 42) System.out.print("");
        return acc[0];
    }

    /**
     * (b): the same feed onto the same grids, then per enterprise a fresh session with every reading inserted as a
     * fact and naive-power.drl's rules fired (P1–P4 as episodes). It does less than (c) (no gaps, 报备, ratio
     * baseline, P5–P8, decisions or output), so the ratio it gives is a lower bound.
     */
    private static long naive(KieBase kieBase, PowerBatch batch, PowerBatch.Options options) throws IOException, InterruptedException {
        List<SeriesBuilder> builders = batch.grids(options);
        AtomicLong flagged = new AtomicLong();
        for (int i = 0; i < builders.size(); i++) {
            EnterpriseSeries series = builders.get(i).build();
            builders.set(i, null);
            KieSession session = kieBase.newKieSession();
            try {
                session.setGlobal("flagged", flagged);
                for (int c = 0; c < series.channels().size(); c++) {
                    Channel ch = series.channel(c);
                    for (int s = 0; s < series.grid().slots(); s++) {
                        if (series.has(c, s)) {
                            session.insert(new NaiveReading(ch.id(), ch.role().label(), s, series.kw(c, s), ch.ratedKw(), ch.serves()));
                        }
                    }
                }
                session.fireAllRules();
            } finally {
                session.dispose();
            }
        }
        return flagged.get();
    }

    /** P1–P4 episodes in (c)'s output, reported or not, to set beside what (b) found. */
    private static long episodesP1toP4(Path result) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                for (var e : Json.MAPPER.readTree(line).path("episodes")) {
                    if (e.path("kind").asText().matches("P[1-4]")) n++;
                }
            }
        }
        return n;
    }

    private static KieBase naiveKieBase() throws IOException {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("tianping", "bench-naive-power", "1");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        try (InputStream in = PowerBench.class.getResourceAsStream("/tianping/bench/naive-power.drl")) {
            kfs.write("src/main/resources/tianping/bench/naive-power.drl", in.readAllBytes());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) throw new IllegalStateException("朴素基线规则编译失败：" + errors);
        return ks.newKieContainer(id).getKieBase();
    }

    /** One timed run: wall and process CPU seconds, JIT compilation seconds, heap peak, and what the run returned. */
    private record Timing<T>(double seconds, double cpu, double jit, long peakHeap, T result) {
    }

    /** (a) and (c) timed one straight after the other. */
    private record Pair(Timing<Long> a, Timing<PowerBatch.Report> c) {
        double ratio() {
            return c.seconds() / a.seconds();
        }
    }

    @FunctionalInterface
    private interface Run<T> {
        T run() throws Exception;
    }

    private static <T> Timing<T> time(Run<T> run) throws Exception {
        resetPeaks();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        T result = run.run();
        double seconds = seconds(t0);
        return new Timing<>(seconds, (cpuNanos() - cpu0) / 1e9,
                (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3, peakHeap(), result);
    }

    /** CPU time of the whole process (every thread: the run's, the JIT's, the collector's). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
