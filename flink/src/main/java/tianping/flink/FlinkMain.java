package tianping.flink;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Flink job's entry point, in its own shaded jar (the CLI never loads Flink):
 * {@code local} runs the job in a MiniCluster on this machine, {@code run} is what {@code flink run} submits to a
 * real cluster (Kafka topics, checkpoints to a shared file system), {@code bench} measures it against power-batch.
 * Exit codes as the CLI's: 0 ok, 1 input rejected (some enterprise rejected, unregistered readings, unreadable
 * rows, late readings), 2 usage, 4 internal.
 */
public final class FlinkMain {

    static final String USAGE = """
            用法：
              tianping flink local --readings READINGS.csv --register ENTERPRISES.jsonl --date YYYY-MM-DD --out DIR
                                   [--parallelism 2] [--lateness 15] [--checkpoint-ms 2000] [--rules DIR]
              flink run tianping-flink.jar run --kafka HOST:PORT --readings-topic T --register-topic T --date YYYY-MM-DD
                                   --out DIR --checkpoint-dir URI [--parallelism N] [--lateness 15] [--checkpoint-ms 60000]
                                   [--rules DIR] [--readings-name NAME --register-name NAME]
              tianping flink local --packets PACKETS.hj212 --cases CASES.jsonl --out DIR
                                   [--parallelism 2] [--lateness 15] [--checkpoint-ms 2000] [--rules DIR] [--work DIR]
              flink run tianping-flink.jar run --kafka HOST:PORT --packets-topic T --cases-topic T --out DIR
                                   --checkpoint-dir URI [--parallelism N] [--lateness 15] [--checkpoint-ms 60000]
                                   [--rules DIR] [--work DIR] [--packets-name NAME --cases-name NAME]
              tianping bench flink [--dir DIR] [--enterprises 7056 --channels 60414] [--warmup 1] [--hj212-outlets 100 --hj212-days 1]
            """;

    private FlinkMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            err.print(USAGE);
            System.exit(2);
        }
        Map<String, String> o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = switch (args[0]) {
                case "local" -> local(o, err);
                case "run" -> cluster(o);
                case "bench" -> FlinkBench.run(o, err);
                default -> {
                    err.println("未知子命令：" + args[0]);
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("参数有误：" + args[i]);
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) throw new IllegalArgumentException("缺少 --" + name);
        return v;
    }

    static JobConfig fileJob(Map<String, String> o, String out) {
        Path readings = Path.of(need(o, "readings"));
        Path register = Path.of(need(o, "register"));
        if (!Files.isReadable(readings) || !Files.isReadable(register)) {
            throw new IllegalArgumentException((Files.isReadable(readings) ? register : readings) + "：不存在或不可读");
        }
        return new JobConfig(register.toString(), readings.toString(), LocalDate.parse(need(o, "date")), out, o.get("rules"),
                Integer.parseInt(o.getOrDefault("parallelism", "2")), Integer.parseInt(o.getOrDefault("lateness", "15")),
                Long.parseLong(o.getOrDefault("checkpoint-ms", "2000")), Path.of(out).toAbsolutePath().resolveSibling(
                        Path.of(out).getFileName() + "-checkpoints").toUri().toString(), null, null, null, 0);
    }

    private static int local(Map<String, String> o, PrintStream err) throws Exception {
        if (o.containsKey("packets") || o.containsKey("cases")) return hj212Local(o, err);
        String out = need(o, "out");
        JobConfig c = fileJob(o, out);
        err.printf("在本机 MiniCluster 上运行（并行度 %d，允许迟到 %d 分钟，检查点每 %d 毫秒）……%n", c.parallelism(), c.latenessMinutes(), c.checkpointMillis());
        return runLocal(c.parallelism(), cluster -> cluster.run(c), Path.of(out), err);
    }

    /** HJ 212 packets and a register of monitoring cases, files, on a local MiniCluster. */
    private static int hj212Local(Map<String, String> o, PrintStream err) throws Exception {
        String out = need(o, "out");
        Path packets = Path.of(need(o, "packets"));
        Path cases = Path.of(need(o, "cases"));
        if (!Files.isReadable(packets) || !Files.isReadable(cases)) {
            throw new IllegalArgumentException((Files.isReadable(packets) ? cases : packets) + "：不存在或不可读");
        }
        Hj212Config c = new Hj212Config(cases.toString(), packets.toString(), out, o.get("rules"),
                Integer.parseInt(o.getOrDefault("parallelism", "2")), Integer.parseInt(o.getOrDefault("lateness", "15")),
                Long.parseLong(o.getOrDefault("checkpoint-ms", "2000")), Path.of(out).toAbsolutePath().resolveSibling(
                        Path.of(out).getFileName() + "-checkpoints").toUri().toString(), null, null, null, o.get("work"), 0);
        err.printf("在本机 MiniCluster 上运行 HJ 212 作业（并行度 %d，允许迟到 %d 分钟，检查点每 %d 毫秒）……%n", c.parallelism(), c.latenessMinutes(), c.checkpointMillis());
        return runLocal(c.parallelism(), cluster -> cluster.run(c), Path.of(out), err);
    }

    /** What either job needs of a local MiniCluster: one run, and what it wrote (exit 4 if the job failed). */
    private interface LocalJob {
        LocalCluster.Run run(LocalCluster cluster) throws Exception;
    }

    private static int runLocal(int parallelism, LocalJob job, Path out, PrintStream err) throws Exception {
        LocalCluster.Run run;
        try (LocalCluster cluster = new LocalCluster(1, parallelism)) {
            run = job.run(cluster);
        }
        if (run.status() != JobStatus.FINISHED) {
            err.println("作业失败：" + run.failure());
            return 4;
        }
        return report(out, parallelism, run.seconds(), err);
    }

    /** What a local run wrote, and its exit code (1 when anything was rejected, unregistered, unreadable or late). */
    private static int report(Path outDir, int partitions, double seconds, PrintStream err) throws java.io.IOException {
        String out = outDir.toString();
        Summary s = Summary.of(outDir, partitions);
        err.printf("共 %,d 行结果 %s，提醒 %,d 条；用时 %.2f 秒。结果见 %s（lines-*.jsonl、alerts-*.jsonl、log-*/）%n",
                s.lines, s.statuses, s.alerts, seconds, out);
        for (int i = 0; i < partitions; i++) {
            err.printf("决定记录 %s：链头 %s（tianping log verify --log %s --head %s）%n", Path.of(out, "log-" + i),
                    Files.readString(Path.of(out, "log-" + i, "head.json")).trim(), Path.of(out, "log-" + i), Path.of(out, "log-" + i, "head.json"));
        }
        boolean rejected = s.statuses.keySet().stream().anyMatch(k -> List.of("rejected", "unregistered", "feed_error", "late").contains(k));
        return s.statuses.containsKey("error") ? 4 : rejected ? 1 : 0;
    }

    /** On a real cluster: Kafka topics in, files (or a mounted shared directory) out, checkpoints where configured. */
    private static int cluster(Map<String, String> o) throws Exception {
        if (o.containsKey("packets-topic") || o.containsKey("cases-topic")) {
            Hj212Config h = new Hj212Config(o.getOrDefault("cases-name", "cases"), o.getOrDefault("packets-name", "packets"), need(o, "out"),
                    o.get("rules"), Integer.parseInt(o.getOrDefault("parallelism", "2")), Integer.parseInt(o.getOrDefault("lateness", "15")),
                    Long.parseLong(o.getOrDefault("checkpoint-ms", "60000")), o.get("checkpoint-dir"), need(o, "kafka"),
                    need(o, "packets-topic"), need(o, "cases-topic"), o.get("work"), 0);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            Hj212Job.build(env, h);
            env.execute("tianping 在线监测 HJ 212");
            return 0;
        }
        JobConfig c = new JobConfig(o.getOrDefault("register-name", "register"), o.getOrDefault("readings-name", "readings"),
                LocalDate.parse(need(o, "date")), need(o, "out"), o.get("rules"), Integer.parseInt(o.getOrDefault("parallelism", "2")),
                Integer.parseInt(o.getOrDefault("lateness", "15")), Long.parseLong(o.getOrDefault("checkpoint-ms", "60000")),
                o.get("checkpoint-dir"), need(o, "kafka"), need(o, "readings-topic"), need(o, "register-topic"), 0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PowerJob.build(env, c);
        env.execute("tianping 用电监控 " + c.date());
        return 0;
    }

    /** What a run wrote: lines by status, alerts. */
    record Summary(long lines, Map<String, Integer> statuses, long alerts) {
        static Summary of(Path out, int partitions) throws java.io.IOException {
            Map<String, Integer> statuses = new TreeMap<>();
            long lines = 0;
            long alerts = 0;
            for (int i = 0; i < partitions; i++) {
                for (String l : Files.readAllLines(out.resolve("lines-" + i + ".jsonl"))) {
                    lines++;
                    int at = l.indexOf("\"status\":\"");
                    if (at >= 0) statuses.merge(l.substring(at + 10, l.indexOf('"', at + 10)), 1, Integer::sum);
                }
                alerts += Files.readAllLines(out.resolve("alerts-" + i + ".jsonl")).size();
            }
            return new Summary(lines, statuses, alerts);
        }
    }

}
