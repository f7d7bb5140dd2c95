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
        List<byte[]> cases = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
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
        double decideSeconds, replaySeconds;
        Replayer.Summary s;
        try {
            // warm-up: both paths run once untimed, so neither is measured on a cold JIT
            Path warm = Files.createTempDirectory("tianping-bench-audit-warmup");
            decideAndLog(cases.subList(0, Math.min(cases.size(), 10_000)), warm, ruleSet, decider, reader, pool);
            new Replayer(warm, ruleSet, threads).replay(o -> { });
            delete(warm);

            dir = Files.createTempDirectory("tianping-bench-audit");
            long start = System.nanoTime();
            decideAndLog(cases, dir, ruleSet, decider, reader, pool);
            decideSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            s = new Replayer(dir, ruleSet, threads).replay(o -> { });
            replaySeconds = (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
        long size = Files.size(dir.resolve(DecisionLog.FILE));

        long start = System.nanoTime();
        Verifier.Result v = Verifier.verify(dir.resolve(DecisionLog.FILE), null);
        double verifySeconds = (System.nanoTime() - start) / 1e9;

        double decideRate = records / decideSeconds;
        double replayRate = s.decisions() / replaySeconds;
        out.printf("决定并记录（读取+决策+写出+哈希链追加）：%,.0f 件/秒（%.1f 秒，记录 %,d MB）%n", decideRate, decideSeconds, size >> 20);
        out.printf("重放（以所记规则集重新决定并逐字比对）：%,.0f 件/秒（%.1f 秒；一致 %,d，不一致 %,d，无法重放 %,d）%n",
                replayRate, replaySeconds, s.identical(), s.different(), s.failed());
        out.printf("重放 / 决定 = %.2f（目标 ≥ 1）%n", replayRate / decideRate);
        out.printf("核验哈希链：%,d 条 %.2f 秒（%s）%n", v.records(), verifySeconds, v.ok() ? "完好" : v.problems().size() + " 处问题");
        out.flush();
        if (keep) out.println("记录保留在 " + dir);
        else delete(dir);
        return s.allIdentical() && v.ok() ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }

    /** Decides the cases on the pool, one chunk ahead of the log, appending in input order like `batch`. */
    private static void decideAndLog(List<byte[]> cases, Path dir, RuleSet ruleSet, Decider decider, CaseReader reader,
                                     ExecutorService pool) throws Exception {
        new SnapshotStore(dir).ensure(ruleSet);
        try (DecisionLog log = DecisionLog.open(dir)) {
            List<Future<Decided>> pending = submit(cases, 0, decider, reader, pool);
            for (int from = 512; !pending.isEmpty(); from += 512) {
                List<Future<Decided>> next = from < cases.size() ? submit(cases, from, decider, reader, pool) : List.of();
                for (Future<Decided> f : pending) {
                    Decided d = f.get();
                    log.append(d.caseFile(), d.decision(), d.caseFile().caseId(), d.json());
                }
                pending = next;
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
