package tianping.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tianping.cli.ExitCode;
import tianping.cli.Json;
import tianping.cli.Main;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Issue 11 §2: what a user sees. The real {@code batch} command over N mixed cases (every fixture kind: the
 * legal cases, online-monitoring and power cases with their raw data; distinct case ids; the decision log on),
 * run in a fresh JVM exactly as the launcher runs it, against the same command run in this JVM after warm-up
 * runs (the warm figure). Reported: cases per second of both and fresh/warm; both runs' output must be equal.
 */
@Command(name = "batch", description = {"batch 全流程：N 个混合案件（全部示例类型，含原始数据案件；案件编号各不相同；记录决定），",
        "新 JVM 中经启动器运行，与本 JVM 预热后运行同一命令对比，报告件/秒与新/热比值（目标 ≥ 10,000 件/秒、≥ 0.5）。"})
final class BatchBench implements Callable<Integer> {

    @Option(names = "--cases", paramLabel = "N", description = "案件数（缺省 30000）")
    int cases = 30_000;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "示例目录（缺省 fixtures）：其下所有带 caseId 的 .json 为案件")
    Path fixtures = Path.of("fixtures");

    @Option(names = "--dir", paramLabel = "DIR", description = "生成的输入与输出所在目录（缺省 .tianping/bench-batch）")
    Path dir = Path.of(".tianping", "bench-batch");

    @Option(names = "--fresh-runs", paramLabel = "N", description = "新 JVM 运行次数（取中位数，缺省 3）")
    int freshRuns = 3;

    @Option(names = "--warmup", paramLabel = "N", description = "本 JVM 内计时前的预热运行次数（缺省 3）")
    int warmup = 3;

    @Option(names = "--variant", paramLabel = "NAME=OPTS", description = {"新 JVM 的 JVM 选项（经 TIANPING_JAVA_OPTS 交给启动器，只用于新 JVM），",
            "可重复：各变体轮流运行、各取中位数，与缺省（不加选项）在同一次运行中对比；例如 --variant C1=-XX:TieredStopAtLevel=1"})
    List<String> variants = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "传给 batch 的 --threads（缺省不传：batch 的缺省为 CPU 核数）")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String launcher = System.getProperty("tianping.launcher");
        if (launcher == null) {
            spec.commandLine().getErr().println("请经 ./tianping bench batch 运行，以便按启动器的方式启动新 JVM");
            return ExitCode.USAGE;
        }
        Files.createDirectories(dir);
        Path input = dir.resolve("cases.jsonl");
        int kinds = write(input);
        out.printf("天平 bench batch：%,d 个案件（%d 个示例轮换，案件编号各不相同，%,d 字节），记录决定，%s，%d 核%n", cases, kinds,
                Files.size(input), tianping.engine.EngineVersion.FULL, Runtime.getRuntime().availableProcessors());
        out.flush();

        List<String> names = new ArrayList<>(List.of("缺省"));
        List<String> opts = new ArrayList<>(List.of(""));
        for (String v : variants) {
            int eq = v.indexOf('=');
            names.add(eq < 0 ? v : v.substring(0, eq));
            opts.add(eq < 0 ? v : v.substring(eq + 1));
        }
        double[][] fresh = new double[names.size()][freshRuns];
        for (int i = 0; i < freshRuns; i++) {
            for (int v = 0; v < names.size(); v++) fresh[v][i] = child(launcher, input, opts.get(v));
        }
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (int i = 0; i < warmup; i++) inProcess(input, quiet);
        double warm = inProcess(input, quiet);

        byte[] a = Files.readAllBytes(dir.resolve("fresh.out.jsonl"));
        byte[] b = Files.readAllBytes(dir.resolve("warm.out.jsonl"));
        double median = median(fresh[0]);
        out.printf("热态（本 JVM 预热 %d 次后同一命令，含规则集加载）：%.2f 秒，%,.0f 件/秒%n", warmup, warm, cases / warm);
        for (int v = 0; v < names.size(); v++) {
            double m = median(fresh[v]);
            out.printf("新 JVM %s%s（经启动器，含 JVM 启动与规则集加载；%d 次中位数）：%.2f 秒，%,.0f 件/秒，新/热 = %.2f%s（各次 %s 秒）%n",
                    names.get(v), opts.get(v).isEmpty() ? "" : "「" + opts.get(v) + "」", freshRuns, m, cases / m, warm / m,
                    v == 0 ? "" : String.format("，用时为缺省的 %.2f", m / median),
                    Arrays.toString(Arrays.stream(fresh[v]).map(s -> Math.round(s * 100) / 100.0).toArray()));
        }
        out.printf("缺省：新/热 = %.2f（目标 ≥ 0.5）；新 JVM 目标 ≥ 10,000 件/秒：%s；新 JVM 与热态的结果文件%s%n", warm / median,
                cases / median >= 10_000 ? "达到" : "未达到", Arrays.equals(a, b) ? "逐字节相同" : "不同！");
        out.flush();
        return Arrays.equals(a, b) ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }

    /** Seconds of one run of batch in a fresh JVM through the launcher, with {@code opts} as TIANPING_JAVA_OPTS. */
    private double child(String launcher, Path input, String opts) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(args(input, "fresh"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("fresh.err").toFile());
        if (opts.isEmpty()) pb.environment().remove("TIANPING_JAVA_OPTS");
        else pb.environment().put("TIANPING_JAVA_OPTS", opts);
        long t = System.nanoTime();
        int code = pb.start().waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        if (code > ExitCode.CASE_REJECTED) throw new IllegalStateException("新 JVM 的 batch 退出码 " + code + "，见 " + dir.resolve("fresh.err"));
        return s;
    }

    /** The batch command line of a run: its own --out and a fresh decision log, the fixtures as the data root. */
    private List<String> args(Path input, String run) throws IOException {
        Path log = dir.resolve(run + ".log");
        delete(log);
        List<String> a = new ArrayList<>(List.of("batch", input.toString(), "--out", dir.resolve(run + ".out.jsonl").toString(),
                "--overwrite", "--log", log.toString(), "--data-root", fixtures.toString()));
        if (threads != null) a.addAll(List.of("--threads", threads.toString()));
        return a;
    }

    private double inProcess(Path input, PrintWriter quiet) throws IOException {
        String[] a = args(input, "warm").toArray(String[]::new);
        long t = System.nanoTime();
        int code = Main.run(a, quiet, quiet);
        double s = (System.nanoTime() - t) / 1e9;
        if (code > ExitCode.CASE_REJECTED) throw new IllegalStateException("本 JVM 的 batch 退出码 " + code);
        return s;
    }

    /**
     * The input: every fixture case in turn, each with its own case id, as one JSON Lines file beside which the
     * cases' raw data are named relative to it (so they resolve inside the --data-root, the fixtures folder).
     * Returns how many fixture cases there are.
     */
    private int write(Path input) throws IOException {
        List<ObjectNode> templates = new ArrayList<>();
        Path base = input.toAbsolutePath().getParent();
        try (Stream<Path> walk = Files.walk(fixtures)) {
            for (Path p : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json") && tianping.batch.CaseEntries.isCaseName(f)).sorted().toList()) {
                JsonNode tree = Json.MAPPER.readTree(p.toFile());
                if (!(tree instanceof ObjectNode o) || !o.path("caseId").isTextual()) continue; // readings.json beside a power case
                Path folder = p.toAbsolutePath().getParent();
                relocate(o.path("monitoring").path("data"), folder, base);
                relocate(o.path("power").path("readings"), folder, base);
                templates.add(o);
            }
        }
        if (templates.isEmpty()) throw new IOException(fixtures + " 中没有案件");
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
            for (int i = 0; i < cases; i++) {
                ObjectNode c = templates.get(i % templates.size()).deepCopy();
                c.put("caseId", c.get("caseId").asText() + "-" + i);
                os.write(Json.MAPPER.writeValueAsBytes(c));
                os.write('\n');
            }
        }
        return templates.size();
    }

    private static void relocate(JsonNode names, Path folder, Path base) {
        if (!(names instanceof ArrayNode a)) return;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isTextual()) a.set(i, base.relativize(folder.resolve(a.get(i).asText()).normalize()).toString());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
