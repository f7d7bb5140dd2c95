package tianping;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.DecisionLog;
import tianping.audit.LogRecord;
import tianping.audit.LogSegments;
import tianping.audit.Replayer;
import tianping.audit.SnapshotStore;
import tianping.audit.Verifier;
import tianping.batch.Resume;
import tianping.cli.Json;
import tianping.cli.Main;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseFile;
import tianping.read.CaseReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log as it lives on disk (issue 11 §3, issue 9 §5): sealed gzip segments hold exactly the plain records, so
 * verify, replay, resume and an auditor with zcat read the same bytes; tampering inside a segment is named as in a
 * plain log; logs written before segments and stamps still verify and replay; every snapshot a log names is
 * checked file by file; a writer waiting on the lock says so.
 */
class AuditLogSegmentTest {

    /** Small segments, so a few dozen decisions make several. */
    private static final long SEGMENT = 40_000;

    @TempDir
    Path dir;
    private Path log;
    private RuleSet ruleSet;
    private final List<CaseFile> cases = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();

    @BeforeEach
    void decide() throws Exception {
        ruleSet = Fixtures.ruleSet();
        Decider decider = new Decider(ruleSet);
        CaseReader reader = new CaseReader(ruleSet.law().book());
        for (Path caseFile : Fixtures.caseFiles().subList(0, 30)) {
            CaseFile c = reader.read(caseFile);
            cases.add(c);
            decisions.add(decider.decide(caseFile.toString(), c));
        }
        log = dir.resolve(DecisionLog.FILE);
    }

    private void logAll(long segmentBytes) throws Exception {
        new SnapshotStore(dir).ensure(ruleSet);
        try (DecisionLog l = DecisionLog.open(dir, segmentBytes, s -> { })) {
            for (int i = 0; i < cases.size(); i++) l.append(cases.get(i), decisions.get(i), "case-" + i, Json.bytes(decisions.get(i)));
        }
    }

    /** What an auditor with only standard tools reads: every segment gunzipped in name order, then the active file. */
    private byte[] zcatThenCat() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (LogSegments.Segment s : LogSegments.sealed(log)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(s.file()))) {
                in.transferTo(b);
            }
        }
        b.writeBytes(Files.readAllBytes(log));
        return b.toByteArray();
    }

    private List<byte[]> plainLines() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String l : new String(zcatThenCat(), StandardCharsets.UTF_8).split("\n")) out.add(l.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** Writes {@code lines} back the way the log held them: the first {@code sealed} lines as one segment, the rest active. */
    private void rewrite(List<byte[]> lines, int sealed) throws IOException {
        for (LogSegments.Segment s : LogSegments.sealed(log)) Files.delete(s.file());
        Files.createDirectories(dir.resolve(LogSegments.DIR));
        ByteArrayOutputStream seg = new ByteArrayOutputStream(), active = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            (i < sealed ? seg : active).writeBytes(lines.get(i));
            (i < sealed ? seg : active).write('\n');
        }
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("segments/000000000001-" + String.format("%012d", sealed) + ".jsonl.gz")))) {
            gz.write(seg.toByteArray());
        }
        Files.write(log, active.toByteArray());
    }

    @Test
    void aSegmentedLogIsThePlainLogCompressedAndVerifiesReplaysAndCats() throws Exception {
        logAll(SEGMENT);
        List<LogSegments.Segment> sealed = LogSegments.sealed(log);
        assertTrue(sealed.size() >= 3, "记录超过段长即封存：" + sealed);
        long onDisk = Files.size(log);
        for (LogSegments.Segment s : sealed) onDisk += Files.size(s.file());
        byte[] plain = zcatThenCat();
        assertTrue(onDisk * 3 < plain.length, "压缩后 " + onDisk + " 字节，原文 " + plain.length + " 字节");
        assertEquals(plain.length, LogSegments.plainSize(log));
        // the segments cover consecutive seqs, and the plain log is 30 whole records in order
        long next = 1;
        for (LogSegments.Segment s : sealed) {
            assertEquals(next, s.first());
            next = s.last() + 1;
        }
        List<byte[]> lines = plainLines();
        assertEquals(30, lines.size());
        for (int i = 0; i < 30; i++) assertEquals(i + 1, LogRecord.of(lines.get(i)).fields().seq());

        Verifier.Result r = Verifier.verifyWithSnapshots(dir, null);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(30, r.records());
        Replayer.Summary s = new Replayer(dir, ruleSet, 2).replay(o -> { });
        assertEquals(30, s.identical());

        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[]{"log", "cat", "--log", dir.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        assertArrayEquals(plain, out.toString().getBytes(StandardCharsets.UTF_8), "log cat 输出即未分段的记录，逐字节相同");

        // reopening continues the chain after the last sealed record
        try (DecisionLog reopened = DecisionLog.open(dir, SEGMENT, x -> { })) {
            assertEquals(30, reopened.count());
            assertEquals(r.head(), reopened.head());
        }
    }

    @Test
    void tamperingInsideASegmentIsNamedAsInAPlainLog() throws Exception {
        logAll(0);
        List<byte[]> lines = plainLines();
        List<byte[]> swapped = new ArrayList<>(lines);
        swapped.set(9, lines.get(20));
        swapped.set(20, lines.get(9));
        rewrite(swapped, 15);
        List<Verifier.Problem> p = Verifier.verify(log, null).problems();
        assertEquals(1, p.size(), p.toString());
        assertEquals("互换", p.get(0).kind());
        assertTrue(p.get(0).message().startsWith("第 10 条与第 21 条互换"), p.toString());

        List<byte[]> edited = new ArrayList<>(lines);
        edited.set(3, new String(lines.get(3), StandardCharsets.UTF_8).replaceFirst("\"source\":\"case-3\"", "\"source\":\"case-X\"").getBytes(StandardCharsets.UTF_8));
        rewrite(edited, 15);
        p = Verifier.verify(log, null).problems();
        assertEquals(List.of("第 4 行（#4）：内容被改动：第 4 条被修改：记录内容与其自身哈希不符"), p.stream().map(Object::toString).toList());

        List<byte[]> deleted = new ArrayList<>(lines);
        deleted.remove(14); // the last record of the segment
        rewrite(deleted, 14);
        p = Verifier.verify(log, null).problems();
        assertEquals(List.of("被删除：第 15 条被删除（在第 15 行之前）"), p.stream().map(x -> x.kind() + "：" + x.message()).toList());
    }

    @Test
    void aBatchResumedAfterASealFindsItsRecordsByPlainOffset() throws Exception {
        new SnapshotStore(dir).ensure(ruleSet);
        long offset;
        try (DecisionLog l = DecisionLog.open(dir, SEGMENT, s -> { })) {
            for (int i = 0; i < 10; i++) l.append(cases.get(i), decisions.get(i), "before-" + i, Json.bytes(decisions.get(i)));
            offset = LogSegments.plainSize(log);
            for (int i = 10; i < 30; i++) l.append(cases.get(i), decisions.get(i), "batch-" + i, Json.bytes(decisions.get(i)));
        }
        assertFalse(LogSegments.sealed(log).isEmpty());
        var logged = Resume.logged(log, offset, java.util.Set.of("batch-10"));
        assertEquals(19, logged.size());
        assertTrue(logged.keySet().stream().allMatch(k -> k.startsWith("batch-")), logged.keySet().toString());
        assertArrayEquals(Json.bytes(decisions.get(29)), logged.get("batch-29"));
    }

    @Test
    void aKillBetweenSealingAndEmptyingTheActiveFileIsRepairedOnOpening() throws Exception {
        logAll(SEGMENT);
        List<LogSegments.Segment> sealed = LogSegments.sealed(log);
        LogSegments.Segment last = sealed.get(sealed.size() - 1);
        byte[] records;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(last.file()))) {
            records = in.readAllBytes();
        }
        // as if the process died after renaming the segment into place, before truncating: the records are in both
        Files.write(log, records);
        try (DecisionLog reopened = DecisionLog.open(dir, SEGMENT, x -> { })) {
            assertEquals(last.last(), reopened.count());
            assertTrue(reopened.notices().get(0).contains("已清空"), reopened.notices().toString());
        }
        assertEquals(0, Files.size(log));
        Verifier.Result r = Verifier.verify(log, null);
        assertTrue(r.ok(), r.problems().toString());
    }

    @Test
    void aLogWrittenBeforeSegmentsAndStampsStillVerifiesAndReplays() throws Exception {
        logAll(0);
        // the same records in the format of 2026-11: no id, at, operator; no MANIFEST in the snapshot
        List<byte[]> old = new ArrayList<>();
        String prev = LogRecord.GENESIS;
        for (byte[] line : plainLines()) {
            LogRecord.Fields f = LogRecord.of(line).fields();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(("{\"seq\":" + f.seq() + ",\"prev\":\"" + prev + "\",\"ruleSet\":\"" + f.ruleSet() + "\",\"input\":\"" + f.input()
                    + "\",\"engine\":\"" + f.engine() + "\",\"source\":\"" + f.source() + "\",\"case\":").getBytes(StandardCharsets.UTF_8));
            b.writeBytes(f.caseJson());
            b.writeBytes(",\"decision\":".getBytes(StandardCharsets.UTF_8));
            b.writeBytes(f.decision());
            String hash = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toByteArray()));
            b.writeBytes((",\"hash\":\"" + hash + "\"}").getBytes(StandardCharsets.UTF_8));
            old.add(b.toByteArray());
            prev = hash;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] l : old) {
            all.writeBytes(l);
            all.write('\n');
        }
        Files.write(log, all.toByteArray());
        Path snapshot = dir.resolve("rulesets").resolve(ruleSet.fingerprint().substring(7));
        Files.delete(snapshot.resolve("MANIFEST"));
        assertEquals(null, LogRecord.of(old.get(0)).fields().stamp());
        Verifier.Result r = Verifier.verifyWithSnapshots(dir, null);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(30, new Replayer(dir, ruleSet, 2).replay(o -> { }).identical());
        // an old snapshot of the bundled rule set still has its changed file named, by the jar's files
        Path table = snapshot.resolve("tables/no-penalty-items.csv");
        Files.writeString(table, Files.readString(table) + "\n");
        List<String> p = new SnapshotStore(dir).check(ruleSet.fingerprint());
        assertEquals(List.of("快照 " + ruleSet.fingerprint() + " 中 tables/no-penalty-items.csv 与指纹不符"), p);
        // and appending to an old log continues its chain with stamped records
        try (DecisionLog l = DecisionLog.open(dir)) {
            l.append(cases.get(0), decisions.get(0), "new", Json.bytes(decisions.get(0)));
        }
        assertTrue(Verifier.verify(log, null).ok());
    }

    @Test
    void verifyChecksEverySnapshotAndNamesTheChangedFile(@TempDir Path rules) throws Exception {
        logAll(SEGMENT);
        // a second rule set, logged too: a snapshot that is not the bundled one
        RuleSetTest.copyRules(rules);
        Path params = rules.resolve("tables/parameters.csv");
        Files.writeString(params, Files.readString(params) + "# 另一个规则集：只多这一行注释\n");
        RuleSet edited = RuleSet.fromDirectory(rules);
        CaseFile c = new CaseReader(edited.law().book()).read(Fixtures.CASES.resolve("langfang/lf-3-severe.json"));
        new SnapshotStore(dir).ensure(edited);
        try (DecisionLog l = DecisionLog.open(dir, SEGMENT, x -> { })) {
            l.append(c, new Decider(edited).decide("lf-3", c), "lf-3", Json.bytes(new Decider(edited).decide("lf-3", c)));
        }
        Verifier.Result r = Verifier.verifyWithSnapshots(dir, null);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(java.util.Set.of(ruleSet.fingerprint(), edited.fingerprint()), r.ruleSets());

        Path snap = dir.resolve("rulesets").resolve(edited.fingerprint().substring(7));
        // the MANIFEST is what the fingerprint hashes: sha256sum MANIFEST is the fingerprint
        assertEquals(edited.fingerprint().substring(7),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(snap.resolve("MANIFEST")))));
        Path items = snap.resolve("tables/no-penalty-items.csv");
        Files.writeString(items, Files.readString(items).replaceFirst("首违", "首次"));
        Files.delete(snap.resolve("tables/holidays.csv"));
        Files.writeString(snap.resolve("tables/extra.csv"), "a,b\n");
        String tag = "快照 " + edited.fingerprint();
        List<String> problems = Verifier.verifyWithSnapshots(dir, null).problems().stream().map(Verifier.Problem::message).toList();
        assertEquals(List.of(tag + " 中缺少 tables/holidays.csv", tag + " 中 tables/no-penalty-items.csv 与指纹不符",
                tag + " 中多出 tables/extra.csv（不在指纹内）"), problems);
        StringWriter out = new StringWriter();
        assertEquals(1, Main.run(new String[]{"log", "verify", "--log", dir.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        assertTrue(out.toString().contains(tag + " 中 tables/no-penalty-items.csv 与指纹不符"), out.toString());

        Files.writeString(snap.resolve("MANIFEST"), Files.readString(snap.resolve("MANIFEST")).replaceFirst("\n[0-9a-f]{64}\n", "\n" + "0".repeat(64) + "\n"));
        assertEquals(List.of(tag + " 中 MANIFEST 与指纹不符（清单被改动）"), new SnapshotStore(dir).check(edited.fingerprint()));

        // the bundled rule set needs no snapshot (it ships in the jar, checked against the sums the build wrote); another does
        deleteTree(snap);
        deleteTree(dir.resolve("rulesets").resolve(ruleSet.fingerprint().substring(7)));
        problems = Verifier.verifyWithSnapshots(dir, null).problems().stream().map(Verifier.Problem::message).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("没有规则集快照 " + edited.fingerprint()), problems.toString());
    }

    @Test
    void aCheckWaitingOnTheLogLockSaysSo() throws Exception {
        Path caseFile = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "check", caseFile.toString(), "--log", dir.toString());
        Path err = dir.resolve("err.txt");
        Process p;
        try (DecisionLog held = DecisionLog.open(dir)) {
            p = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < until && !Files.readString(err).contains(DecisionLog.WAITING)) Thread.sleep(50);
            assertTrue(p.isAlive(), "持有锁时 check 不应结束：" + Files.readString(err));
            assertEquals(0, held.count());
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("正在等待决定记录锁（另一个进程正在写入 " + dir + "）…"), Files.readString(err));
        assertEquals(1, Verifier.verify(log, null).records());
    }

    private static void deleteTree(Path d) throws IOException {
        try (var walk = Files.walk(d)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
