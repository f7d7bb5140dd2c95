package tianping.audit;

import tianping.cli.Json;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Re-decides every logged decision with the rule set it names (the bundled one when it is that, else its snapshot)
 * from the case it logged, and compares the result byte for byte with the decision logged. The case's bytes are
 * first checked against the input fingerprint, so a changed case is caught even when the chain was rewritten.
 */
public final class Replayer {

    /** The replay of one record. @param status 一致, 不一致 or 无法重放 */
    public record Outcome(long seq, String source, String status, List<String> differences) {
    }

    public record Summary(long decisions, long identical, long different, long failed, long repairs) {
        public boolean allIdentical() {
            return different == 0 && failed == 0;
        }
    }

    private record Engine(RuleSet ruleSet, Decider decider, CaseReader reader) {
    }

    private static final int CHUNK = 512;
    private final Path logDir;
    private final SnapshotStore snapshots;
    private final RuleSet bundled;
    private final int threads;
    private final Map<String, Engine> engines = new ConcurrentHashMap<>();

    public Replayer(Path logDir, RuleSet bundled, int threads) {
        this.logDir = logDir;
        this.snapshots = new SnapshotStore(logDir);
        this.bundled = bundled;
        this.threads = Math.max(1, threads);
    }

    public Summary replay(Consumer<Outcome> each) throws Exception {
        long decisions = 0, identical = 0, different = 0, failed = 0, repairs = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (LogLines lines = LogLines.all(logDir.resolve(DecisionLog.FILE))) {
            boolean more = true;
            while (more) {
                List<Future<Outcome>> chunk = new ArrayList<>(CHUNK);
                for (int i = 0; i < CHUNK; i++) {
                    byte[] line = lines.next();
                    if (line == null) {
                        more = false;
                        break;
                    }
                    if (lines.lastLineTorn()) {
                        long lineNo = lines.lineNo();
                        chunk.add(pool.submit(() -> new Outcome(0, "第 " + lineNo + " 行", "无法重放", List.of("末行不完整"))));
                        continue;
                    }
                    chunk.add(pool.submit(() -> replay(LogRecord.of(line))));
                }
                for (Future<Outcome> f : chunk) {
                    Outcome o = f.get();
                    if (o == null) {
                        repairs++;
                        continue;
                    }
                    decisions++;
                    switch (o.status()) {
                        case "一致" -> identical++;
                        case "不一致" -> different++;
                        default -> failed++;
                    }
                    each.accept(o);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(decisions, identical, different, failed, repairs);
    }

    /** Replays one record; null for a repair record, which holds no decision. */
    private Outcome replay(LogRecord record) {
        LogRecord.Fields f;
        try {
            f = record.fields();
        } catch (IOException e) {
            return new Outcome(0, "?", "无法重放", List.of("记录无法解析：" + e.getMessage()));
        }
        if (f.repair()) return null;
        if (f.caseJson() == null || f.decision() == null) {
            return new Outcome(f.seq(), f.source(), "无法重放", List.of("记录缺少案件或决定"));
        }
        if (!LogRecord.sha256(f.caseJson(), 0, f.caseJson().length).equals(f.input())) {
            return new Outcome(f.seq(), f.source(), "不一致", List.of("所记案件与输入指纹 " + f.input() + " 不符：案件被改动"));
        }
        try {
            Engine engine = engine(f.ruleSet());
            byte[] now = Json.bytes(engine.decider().decide(f.source(), engine.reader().read(f.source(), f.caseJson())));
            if (Arrays.equals(now, f.decision())) return new Outcome(f.seq(), f.source(), "一致", List.of());
            return new Outcome(f.seq(), f.source(), "不一致",
                    JsonDiff.diff(Json.MAPPER.readTree(f.decision()), Json.MAPPER.readTree(now), 20));
        } catch (CaseRejected e) {
            return new Outcome(f.seq(), f.source(), "不一致", List.of("重放时案件被拒：" + e.getMessage()));
        } catch (RuleSetException | IOException e) {
            return new Outcome(f.seq(), f.source(), "无法重放", List.of("规则集 " + f.ruleSet() + "：" + e.getMessage()));
        }
    }

    private Engine engine(String fingerprint) throws IOException, RuleSetException {
        Engine e = engines.get(fingerprint);
        if (e != null) return e;
        synchronized (engines) {
            e = engines.get(fingerprint);
            if (e == null) {
                RuleSet rs = fingerprint.equals(bundled.fingerprint()) ? bundled : snapshots.load(fingerprint);
                e = new Engine(rs, new Decider(rs), new CaseReader(rs.law().book()));
                engines.put(fingerprint, e);
            }
            return e;
        }
    }
}
