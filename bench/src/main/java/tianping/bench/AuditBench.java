package tianping.bench;

import tianping.cli.ExitCode;
import tianping.cli.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.DecisionLog;
import tianping.audit.Replayer;
import tianping.audit.SnapshotStore;
import tianping.audit.Verifier;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseFile;
import tianping.read.CaseReader;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Issue 5's figures: decide and log N cases (the bundled fixtures with distinct case ids), replay the log, verify
 * it — all in one run with the same threads, so replay is measured against deciding on the same machine state.
 * Also what the log costs on disk per decision (segments compressed, issue 11 §3); {@code --no-replay} measures
 * only logging, size and verify, for a log of half a million records.
 */
@Command(name = "audit", description = "决定并记录 N 个案件、重放该记录、核验哈希链，同一次运行中对比吞吐。")
final class AuditBench implements Callable<Integer> {

    @Option(names = "--records", description = "记录条数（缺省 100000）")
    int records = 100_000;

    @Option(names = "--fixtures", description = "案件目录（缺省 fixtures/cases）")
    Path fixtures = Path.of("fixtures", "cases");

    @Option(names = "--threads", description = "线程数（缺省为 CPU 核数，决定与重放相同）")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--keep", description = "保留生成的记录目录")
    boolean keep;

    @Option(names = "--no-replay", description = "不预热、不重放：只决定并记录、测量磁盘占用与核验时间（用于 50 万条的核验）")
    boolean noReplay;

    @Option(names = "--distinct", paramLabel = "K", description = "只决定 K 个案件，记录其决定、每 K 条重复一次直到 --records 条"
            + "（每条仍是完整、独立哈希的记录，相隔 K 条远超压缩窗口，磁盘占用与核验时间与全部决定时相同；用于在繁忙的机器上生成 50 万条）")
    int distinct = Integer.MAX_VALUE;

    @Spec
    CommandSpec spec;

    private record Decided(CaseFile caseFile, Decision decision, byte[] json) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ObjectNode> templates = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fixtures)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".decision.json")).sorted().toList()) {
                templates.add((ObjectNode) CaseReader.parse(p.toString(), Files.readAllBytes(p)));
            }
        }
        int decided = Math.min(records, distinct);
        List<byte[]> cases = new ArrayList<>(decided);
        for (int i = 0; i < decided; i++) {
            ObjectNode c = templates.get(i % templates.size()).deepCopy();
            c.put("caseId", c.get("caseId").asText() + "-" + i);
            cases.add(Json.MAPPER.writeValueAsBytes(c));
        }
        RuleSet ruleSet = RuleSet.bundled();
        Decider decider = new Decider(ruleSet);
        CaseReader reader = new CaseReader(ruleSet.law().book());
        out.printf("天平 bench audit：%,d 条记录（内置案件 %d 个轮换，案件编号各不相同），%d 线程，%s%n", records, templates.size(), threads,
                tianping.engine.EngineVersion.FULL);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Path dir;
        double decideSeconds, replaySeconds = 0;
        Replayer.Summary s = null;
        try {
            // warm-up: both paths run once untimed, so neither is measured on a cold JIT
            if (!noReplay) {
                Path warm = Files.createTempDirectory("tianping-bench-audit-warmup");
                decideAndLog(cases.subList(0, Math.min(cases.size(), 10_000)), Math.min(cases.size(), 10_000), warm, ruleSet, decider, reader, pool);
                new Replayer(warm, ruleSet, threads).replay(o -> { });
                delete(warm);
            }

            dir = Files.createTempDirectory("tianping-bench-audit");
            long start = System.nanoTime();
            decideAndLog(cases, records, dir, ruleSet, decider, reader, pool);
            decideSeconds = (System.nanoTime() - start) / 1e9;
            if (!noReplay) {
                start = System.nanoTime();
                s = new Replayer(dir, ruleSet, threads).replay(o -> { });
                replaySeconds = (System.nanoTime() - start) / 1e9;
            }
        } finally {
            pool.shutdown();
        }
        long plain = tianping.audit.LogSegments.plainSize(dir.resolve(DecisionLog.FILE));
        long onDisk;
        try (Stream<Path> walk = Files.walk(dir)) {
            onDisk = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        long start = System.nanoTime();
        Verifier.Result v = Verifier.verify(dir.resolve(DecisionLog.FILE), null);
        double verifySeconds = (System.nanoTime() - start) / 1e9;

        double decideRate = records / decideSeconds;
        out.printf("决定并记录（读取+决策+写出+哈希链追加）：%,.0f 件/秒（%.1f 秒）%n", decideRate, decideSeconds);
        out.printf("决定记录：原文 %,d 字节，磁盘上（压缩段 + 当前文件 + 快照）%,d 字节，每个决定 %,.0f 字节（原文 %,.0f 字节，压缩比 %.1f；目标 ≤ 2,048）%n",
                plain, onDisk, (double) onDisk / records, (double) plain / records, (double) plain / onDisk);
        if (s != null) {
            double replayRate = s.decisions() / replaySeconds;
            out.printf("重放（以所记规则集重新决定并逐字比对）：%,.0f 件/秒（%.1f 秒；一致 %,d，不一致 %,d，无法重放 %,d）%n",
                    replayRate, replaySeconds, s.identical(), s.different(), s.failed());
            out.printf("重放 / 决定 = %.2f（目标 ≥ 1）%n", replayRate / decideRate);
        }
        out.printf("核验哈希链：%,d 条 %.2f 秒（%s；目标 50 万条 ≤ 15 秒）%n", v.records(), verifySeconds, v.ok() ? "完好" : v.problems().size() + " 处问题");
        out.flush();
        if (keep) out.println("记录保留在 " + dir);
        else delete(dir);
        return (s == null || s.allIdentical()) && v.ok() ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }

    /**
     * Decides the cases on the pool, one chunk ahead of the log, appending in input order like `batch`; then, up to
     * {@code total} records, appends those decisions again in turn.
     */
    private static void decideAndLog(List<byte[]> cases, int total, Path dir, RuleSet ruleSet, Decider decider, CaseReader reader,
                                     ExecutorService pool) throws Exception {
        new SnapshotStore(dir).ensure(ruleSet);
        List<Decided> kept = total > cases.size() ? new ArrayList<>(cases.size()) : null;
        try (DecisionLog log = DecisionLog.open(dir)) {
            List<Future<Decided>> pending = submit(cases, 0, decider, reader, pool);
            for (int from = 512; !pending.isEmpty(); from += 512) {
                List<Future<Decided>> next = from < cases.size() ? submit(cases, from, decider, reader, pool) : List.of();
                for (Future<Decided> f : pending) {
                    Decided d = f.get();
                    log.append(d.caseFile(), d.decision(), d.caseFile().caseId(), d.json());
                    if (kept != null) kept.add(d);
                }
                pending = next;
            }
            for (int i = cases.size(); i < total; i++) {
                Decided d = kept.get(i % kept.size());
                log.append(d.caseFile(), d.decision(), d.caseFile().caseId(), d.json());
            }
        }
    }

    private static List<Future<Decided>> submit(List<byte[]> cases, int from, Decider decider, CaseReader reader, ExecutorService pool) {
        List<Future<Decided>> chunk = new ArrayList<>();
        for (int i = from; i < Math.min(cases.size(), from + 512); i++) {
            byte[] bytes = cases.get(i);
            String source = "bench-" + i;
            chunk.add(pool.submit(() -> {
                CaseFile c = reader.read(source, bytes);
                Decision d = decider.decide(source, c);
                return new Decided(c, d, Json.bytes(d));
            }));
        }
        return chunk;
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
