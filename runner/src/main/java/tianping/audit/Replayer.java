package tianping.audit;

import tianping.core.Sha256;
import tianping.cli.Json;
import tianping.engine.Decider;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.trust.RuleSetSignature;
import tianping.trust.TrustedKeys;

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
 * from the case it logged, and compares the result byte for byte with the decision logged. The record's bytes are
 * first checked against its own hash and the case against the input fingerprint, so a changed case is caught even
 * when the chain was rewritten.
 *
 * <p>Each record comes to one of: 一致; {@value #ENGINE_CHANGED_SAME} or {@value #ENGINE_CHANGED_DIFFERENT} (the
 * decision's engine-code fingerprint is not the running engine's: the rules and the input are the same, so the
 * replay says whether the new code still decides alike); {@value #RULES_CHANGED} (the rule set is neither the
 * bundled one nor archived: nothing can re-decide it); {@value #TAMPERED} (the record does not match its own hash or
 * its input fingerprint, or the same rules and the same engine decide differently — decisions are deterministic, so
 * the logged decision was altered). A record altered and re-hashed under a changed engine reads as
 * {@value #ENGINE_CHANGED_DIFFERENT}: {@code log verify --head} catches the rewritten chain.
 */
public final class Replayer {

    public static final String IDENTICAL = "一致";
    public static final String ENGINE_CHANGED_SAME = "引擎已变，决定相同";
    public static final String ENGINE_CHANGED_DIFFERENT = "引擎已变，决定不同";
    public static final String RULES_CHANGED = "规则集已变";
    public static final String TAMPERED = "记录被篡改";
    public static final String FAILED = "无法重放";

    /** The replay of one record. @param status one of the constants above */
    public record Outcome(long seq, String source, String status, List<String> differences) {
    }

    /**
     * @param identical     decisions reproduced byte for byte (engine-code fingerprint aside), on the same or a changed engine
     * @param different     decisions not reproduced: tampered, or decided differently by a changed engine
     * @param failed        records that cannot be replayed (rule set changed and not archived, unreadable record)
     * @param engineChanged records whose engine-code fingerprint is not the running engine's, reproduced or not
     * @param tampered      records found tampered (counted in different)
     */
    public record Summary(long decisions, long identical, long different, long failed, long repairs, long engineChanged,
                          long tampered) {
        public boolean allIdentical() {
            return different == 0 && failed == 0;
        }
    }

    private record Engine(RuleSet ruleSet, Decider decider, CaseReader reader) {
    }

    /**
     * Where the rule sets a log's records name are found when they are not the bundled one: the log's own
     * {@code rulesets/} folder ({@link SnapshotStore#load(String, TrustedKeys)}), or a decision store's database.
     * A rule set it does not have is a {@link RuleSetException} with code {@code snapshot_missing}.
     */
    @FunctionalInterface
    public interface Snapshots {
        RuleSet load(String fingerprint, TrustedKeys trust) throws IOException, RuleSetException;
    }

    private static final int CHUNK = 512;
    private final Path logDir;
    private final Snapshots snapshots;
    private final RuleSet bundled;
    private final int threads;
    private final String engineCode;
    private final Map<String, Engine> engines = new ConcurrentHashMap<>();
    private final TrustedKeys trust;

    public Replayer(Path logDir, RuleSet bundled, int threads) {
        this(logDir, bundled, threads, TrustedKeys.NONE, EngineVersion.CODE);
    }

    /** With {@code trust} naming keys, a snapshot is compiled only if signed by one of them; else replay stops (exit 3). */
    public Replayer(Path logDir, RuleSet bundled, int threads, TrustedKeys trust) {
        this(logDir, bundled, threads, trust, EngineVersion.CODE);
    }

    /** @param engineCode the fingerprint of the engine replaying (the running one; another to replay as if it had changed) */
    public Replayer(Path logDir, RuleSet bundled, int threads, String engineCode) {
        this(logDir, bundled, threads, TrustedKeys.NONE, engineCode);
    }

    private Replayer(Path logDir, RuleSet bundled, int threads, TrustedKeys trust, String engineCode) {
        this(logDir, new SnapshotStore(logDir)::load, bundled, threads, trust, engineCode);
    }

    /**
     * Replays the records of {@code logDir}'s decisions.jsonl with the rule sets {@code snapshots} holds (a decision
     * store keeps them in its database, not in a folder beside the records).
     */
    public Replayer(Path logDir, Snapshots snapshots, RuleSet bundled, int threads, TrustedKeys trust) {
        this(logDir, snapshots, bundled, threads, trust, EngineVersion.CODE);
    }

    private Replayer(Path logDir, Snapshots snapshots, RuleSet bundled, int threads, TrustedKeys trust, String engineCode) {
        this.logDir = logDir;
        this.trust = trust;
        this.snapshots = snapshots;
        this.bundled = bundled;
        this.threads = Math.max(1, threads);
        this.engineCode = engineCode;
    }

    public Summary replay(Consumer<Outcome> each) throws Exception {
        long decisions = 0, identical = 0, different = 0, failed = 0, repairs = 0, engineChanged = 0, tampered = 0;
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
                        chunk.add(pool.submit(() -> new Outcome(0, "第 " + lineNo + " 行", FAILED, List.of("末行不完整"))));
                        continue;
                    }
                    chunk.add(pool.submit(() -> replay(LogRecord.of(line))));
                }
                for (Future<Outcome> f : chunk) {
                    Outcome o;
                    try {
                        o = f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw e.getCause() instanceof RuleSetException r ? r : e; // an untrusted snapshot stops the replay
                    }
                    if (o == null) {
                        repairs++;
                        continue;
                    }
                    decisions++;
                    switch (o.status()) {
                        case IDENTICAL -> identical++;
                        case ENGINE_CHANGED_SAME -> {
                            identical++;
                            engineChanged++;
                        }
                        case ENGINE_CHANGED_DIFFERENT -> {
                            different++;
                            engineChanged++;
                        }
                        case TAMPERED -> {
                            different++;
                            tampered++;
                        }
                        default -> failed++;
                    }
                    each.accept(o);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(decisions, identical, different, failed, repairs, engineChanged, tampered);
    }

    /** Replays one record; null for a repair record, which holds no decision. */
    private Outcome replay(LogRecord record) throws RuleSetException {
        LogRecord.Fields f;
        try {
            f = record.fields();
        } catch (IOException e) {
            return new Outcome(0, "?", FAILED, List.of("记录无法解析：" + e.getMessage()));
        }
        if (f.repair()) return null;
        if (f.caseJson() == null || f.decision() == null) {
            return new Outcome(f.seq(), f.source(), FAILED, List.of("记录缺少案件或决定"));
        }
        String claimed = record.claimedHash();
        if (claimed == null || !claimed.equals(record.actualHash())) {
            return new Outcome(f.seq(), f.source(), TAMPERED, List.of("本条记录的内容与其哈希 " + claimed + " 不符：记录被改动"));
        }
        if (!Sha256.of(f.caseJson(), 0, f.caseJson().length).equals(f.input())) {
            return new Outcome(f.seq(), f.source(), TAMPERED, List.of("所记案件与输入指纹 " + f.input() + " 不符：案件被改动"));
        }
        Engine engine;
        try {
            engine = engine(f.ruleSet());
        } catch (RuleSetException e) {
            if (RuleSetSignature.refusedByTrust(e)) throw e; // an untrusted snapshot stops the replay
            if (e.errors().stream().anyMatch(t -> t.code().equals("snapshot_missing"))) {
                return new Outcome(f.seq(), f.source(), RULES_CHANGED, List.of("所记规则集 " + f.ruleSet() + " 不是现行内置规则集 "
                        + bundled.fingerprint() + "，且没有它的快照：无法以所记规则集重新决定"));
            }
            return new Outcome(f.seq(), f.source(), FAILED, List.of("规则集 " + f.ruleSet() + "：" + e.getMessage()));
        } catch (IOException e) {
            return new Outcome(f.seq(), f.source(), FAILED, List.of("规则集 " + f.ruleSet() + "：" + e.getMessage()));
        }
        String recordedCode = EngineCodeField.value(f.decision());
        boolean sameEngine = engineCode.equals(recordedCode);
        String engines = "所记引擎代码 " + (recordedCode == null ? "（未记录）" : recordedCode) + "，现行 " + engineCode;
        try {
            byte[] now = Json.bytes(engine.decider().decide(f.source(), engine.reader().read(f.source(), f.caseJson())));
            if (EngineCodeField.equalApartFrom(now, f.decision())) {
                return sameEngine ? new Outcome(f.seq(), f.source(), IDENTICAL, List.of())
                        : new Outcome(f.seq(), f.source(), ENGINE_CHANGED_SAME, List.of(engines + "；同一规则集与输入，重新决定的结果与所记相同"));
            }
            List<String> diff = new ArrayList<>();
            diff.add(sameEngine ? "同一规则集、同一引擎与同一输入重新决定，结果与所记不同：所记决定被改动"
                    : engines + "；同一规则集与输入，重新决定的结果与所记不同：");
            diff.addAll(JsonDiff.diff(Json.MAPPER.readTree(f.decision()), Json.MAPPER.readTree(now), 20));
            return new Outcome(f.seq(), f.source(), sameEngine ? TAMPERED : ENGINE_CHANGED_DIFFERENT, diff);
        } catch (CaseRejected e) {
            return new Outcome(f.seq(), f.source(), sameEngine ? TAMPERED : ENGINE_CHANGED_DIFFERENT,
                    List.of((sameEngine ? "" : engines + "；") + "重放时案件被拒：" + e.getMessage()));
        } catch (IOException e) {
            return new Outcome(f.seq(), f.source(), FAILED, List.of("所记决定无法解析：" + e.getMessage()));
        }
    }

    private Engine engine(String fingerprint) throws IOException, RuleSetException {
        Engine e = engines.get(fingerprint);
        if (e != null) return e;
        synchronized (engines) {
            e = engines.get(fingerprint);
            if (e == null) {
                RuleSet rs = fingerprint.equals(bundled.fingerprint()) ? bundled : snapshots.load(fingerprint, trust);
                e = new Engine(rs, new Decider(rs), new CaseReader(rs.law().book()));
                engines.put(fingerprint, e);
            }
            return e;
        }
    }
}
