package tianping.bench;

import tianping.cli.ExitCode;
import tianping.cli.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.read.CaseFile;
import tianping.read.CaseReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Issue 2's figures. Cold: wall time of `./tianping check` in fresh JVMs against `./tianping --version` (the
 * same launcher and JVM, no rules) in the same run. Warm: decisions per second on one thread over the bundled
 * fixtures, from JSON bytes to JSON out, against parsing the same bytes as the floor.
 */
@Command(name = "decide", description = "冷启动 check 用时（对比同一启动器的 --version）与单线程热态决策吞吐（对比仅解析 JSON）。")
final class DecideBench implements Callable<Integer> {

    @Option(names = "--fixtures", description = "案件目录（缺省 fixtures/cases）")
    Path fixtures = Path.of("fixtures", "cases");

    @Option(names = "--cold-runs", description = "冷启动次数（取中位数）")
    int coldRuns = 7;

    @Option(names = "--seconds", description = "每项热态测量的秒数（另加同样长的预热）")
    double seconds = 5;

    int rounds = 5;

    @Option(names = "--rounds", paramLabel = "N", description = "热态各项交替计时的轮数，取中位数（缺省 5）")
    void rounds(int n) {
        if (n < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounds 应为正整数，实际为 " + n);
        rounds = n;
    }

    @Spec
    CommandSpec spec;

    private record Workload(String name, byte[] json) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Workload> cases = load();
        out.printf("天平 bench decide：%d 个内置案件，%s，%d 核%n", cases.size(), tianping.engine.EngineVersion.FULL,
                Runtime.getRuntime().availableProcessors());
        cold(out, cases.get(0).name());
        warm(out, cases);
        out.flush();
        return ExitCode.OK;
    }

    private List<Workload> load() throws IOException {
        try (Stream<Path> walk = Files.walk(fixtures)) {
            List<Workload> list = new ArrayList<>();
            for (Path p : walk.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".decision.json")).sorted().toList()) {
                list.add(new Workload(p.toString(), Files.readAllBytes(p)));
            }
            if (list.isEmpty()) throw new IOException(fixtures + " 中没有案件");
            return list;
        }
    }

    private void cold(PrintWriter out, String caseFile) throws Exception {
        String launcher = System.getProperty("tianping.launcher");
        if (launcher == null) {
            out.println("冷启动：跳过（请经 ./tianping bench decide 运行，以便按启动器的方式启动新 JVM）");
            return;
        }
        spawn(launcher, "check", caseFile);
        double[] check = new double[coldRuns];
        double[] version = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            version[i] = spawn(launcher, "--version");
            check[i] = spawn(launcher, "check", caseFile);
        }
        double c = median(check);
        double v = median(version);
        out.printf("冷启动 check（新 JVM，%d 次中位数）：%.0f 毫秒；基线 --version：%.0f 毫秒；比值 %.2f；目标 ≤ 1000 毫秒%n",
                coldRuns, c, v, c / v);
    }

    private static double spawn(String... command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (code != 0) throw new IllegalStateException(String.join(" ", command) + " 退出码 " + code);
        return ms;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private void warm(PrintWriter out, List<Workload> cases) throws Exception {
        RuleSet ruleSet = RuleSet.bundled();
        CaseReader reader = new CaseReader(ruleSet.law().book());
        Decider decider = new Decider(ruleSet);
        List<CaseFile> read = new ArrayList<>();
        for (Workload w : cases) read.add(reader.read(w.name(), w.json()));

        Op parseOnly = i -> CaseReader.parse("", cases.get(i % cases.size()).json()).size();
        Op reading = i -> reader.read("", cases.get(i % cases.size()).json()).findings().size();
        Op deciding = i -> decider.decide("", read.get(i % read.size())).trace().size();
        Op endToEnd = i -> {
            Workload w = cases.get(i % cases.size());
            return Json.bytes(decider.decide(w.name(), reader.read(w.name(), w.json()))).length;
        };
        Op[] ops = {parseOnly, reading, deciding, endToEnd};
        for (Op op : ops) measure(op, 1, seconds);
        // measured in turns, a slice of each per round: this machine's speed drifts within seconds (power/README.md,
        // 2026-12-03), so each rate is the median of its slices and the ratio the median of the rounds' ratios
        double[][] rates = new double[ops.length][rounds];
        double[][] bytes = new double[ops.length][rounds];
        double[] ratios = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            for (int j = 0; j < ops.length; j++) {
                double[] r = run(ops[j], 1, seconds / rounds);
                rates[j][k] = r[0];
                bytes[j][k] = r[1];
            }
            ratios[k] = rates[0][k] / rates[3][k];
        }
        double parallel = rate(endToEnd, Runtime.getRuntime().availableProcessors());
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        out.printf("热态单线程（每项预热 %.0f 秒，再交替计时 %d 轮、每轮每项 %.1f 秒，取中位数）：%n", seconds, rounds, seconds / rounds);
        out.printf("  基线 仅解析 JSON：              %,10.0f 件/秒，每件分配 %,7.1f KB%n", median(rates[0]), median(bytes[0]) / 1024);
        out.printf("  读取（解析+结构校验+推导事实）：%,10.0f 件/秒，每件分配 %,7.1f KB%n", median(rates[1]), median(bytes[1]) / 1024);
        out.printf("  决策（Drools 规则与执行记录）： %,10.0f 件/秒，每件分配 %,7.1f KB%n", median(rates[2]), median(bytes[2]) / 1024);
        out.printf("  端到端（读取+决策+写出 JSON）： %,10.0f 件/秒，每件分配 %,7.1f KB（目标 ≥ 20,000 件/秒/核；为基线的 1/%.1f，各轮 1/%.1f–1/%.1f）%n",
                median(rates[3]), median(bytes[3]) / 1024, median(ratios), sorted[0], sorted[rounds - 1]);
        out.printf("  端到端 %d 线程合计：            %,10.0f 件/秒%n", Runtime.getRuntime().availableProcessors(), parallel);
    }

    @FunctionalInterface
    private interface Op {
        int run(int i) throws Exception;
    }

    /** Operations per second on {@code threads} threads: warm up, then count completed operations for a fixed time. */
    private double rate(Op op, int threads) throws Exception {
        measure(op, threads, seconds);
        return measure(op, threads, seconds);
    }

    /** Operations per second on {@code threads} threads for {@code seconds}. */
    private static double measure(Op op, int threads, double seconds) throws Exception {
        return run(op, threads, seconds)[0];
    }

    /**
     * Runs {@code op} on {@code threads} threads for {@code seconds}: operations per second, and bytes allocated per
     * operation (the threads' own allocation, which does not depend on how fast the machine is at the moment).
     */
    private static double[] run(Op op, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            futures.add(pool.submit(() -> {
                long n = 0;
                long sink = 0;
                long allocated = mx.getCurrentThreadAllocatedBytes();
                while (System.nanoTime() < end) {
                    for (int k = 0; k < 64; k++) sink += op.run((int) (offset + n++));
                }
                return new long[]{n, sink, mx.getCurrentThreadAllocatedBytes() - allocated};
            }));
        }
        long total = 0;
        long bytes = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            total += r[0];
            bytes += r[2];
        }
        pool.shutdown();
        return new double[]{total / ((System.nanoTime() - start) / 1e9), (double) bytes / total};
    }
}
