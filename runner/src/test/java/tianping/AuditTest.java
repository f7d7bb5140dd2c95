package tianping;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.DecisionLog;
import tianping.audit.ImpactAnalysis;
import tianping.audit.LogRecord;
import tianping.audit.Replayer;
import tianping.audit.SnapshotStore;
import tianping.audit.Verifier;
import tianping.cli.Json;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision log as auditors rely on it: an unchanged log replays identically and verifies; every way of
 * mutating it — any byte edited, a record deleted, inserted, duplicated or reordered, the tail cut or torn, the
 * chain rewritten after an edit, a snapshot changed — is caught, located and named for what was done (a flipped
 * byte is an edit of that record, two records trading places a swap, not a run of deletions).
 */
class AuditTest {

    @TempDir
    Path dir;
    private Path log;
    private Verifier.Head head;

    @BeforeEach
    void logTwelveDecisions() throws Exception {
        RuleSet ruleSet = Fixtures.ruleSet();
        Decider decider = new Decider(ruleSet);
        CaseReader reader = new CaseReader(ruleSet.law().book());
        new SnapshotStore(dir).ensure(ruleSet);
        try (DecisionLog decisions = DecisionLog.open(dir)) {
            for (Path caseFile : Fixtures.caseFiles().subList(0, 12)) {
                var c = reader.read(caseFile);
                Decision d = decider.decide(caseFile.toString(), c);
                decisions.append(c, d, Fixtures.name(caseFile), Json.bytes(d));
            }
            head = new Verifier.Head(decisions.count(), decisions.head());
        }
        log = dir.resolve(DecisionLog.FILE);
    }

    private Verifier.Result verify() throws IOException {
        return Verifier.verify(log, head);
    }

    private Replayer.Summary replay() throws Exception {
        return new Replayer(dir, Fixtures.ruleSet(), 2).replay(o -> { });
    }

    private List<byte[]> lines() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) out.add(l.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** The first record with a property the edit needs, so adding fixtures does not move the edit onto another case. */
    private static int firstIndex(List<byte[]> lines, java.util.function.Predicate<LogRecord.Fields> which) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            if (which.test(LogRecord.of(lines.get(i)).fields())) return i;
        }
        throw new AssertionError("测试前提：没有合适的记录");
    }

    private void write(List<byte[]> lines) throws IOException {
        var b = new java.io.ByteArrayOutputStream();
        for (byte[] l : lines) {
            b.writeBytes(l);
            b.write('\n');
        }
        Files.write(log, b.toByteArray());
    }

    @Test
    void anUnchangedLogVerifiesAndReplaysIdentically() throws Exception {
        Verifier.Result r = verify();
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(12, r.records());
        Replayer.Summary s = replay();
        assertEquals(12, s.identical());
        assertTrue(s.allIdentical());
    }

    @Test
    void everyEditedByteIsCaught() throws Exception {
        byte[] original = Files.readAllBytes(log);
        Random random = new Random(20261122);
        for (int trial = 0; trial < 300; trial++) {
            int at = random.nextInt(original.length);
            byte[] edited = original.clone();
            edited[at] = (byte) (edited[at] == '7' ? '8' : '7');
            Files.write(log, edited);
            Verifier.Result r = verify();
            assertFalse(r.ok(), "第 " + at + " 字节被改动却未被发现");
        }
    }

    /** The problems of the log as it now is, as "kind：message" strings, for asserting exactly what was reported. */
    private List<String> reported() throws IOException {
        return verify().problems().stream().map(p -> p.kind() + "：" + p.message()).toList();
    }

    private static boolean has(List<String> problems, String kind, String text) {
        return problems.stream().anyMatch(p -> p.startsWith(kind + "：") && p.contains(text));
    }

    @Test
    void aFlippedByteIsAnEditOfThatRecordOnly() throws Exception {
        List<byte[]> lines = lines();
        byte[] edited = lines.get(4).clone();
        int at = new String(edited, StandardCharsets.ISO_8859_1).indexOf("\"decision\":") + 40;
        edited[at] = (byte) (edited[at] == '7' ? '8' : '7');
        lines.set(4, edited);
        write(lines);
        List<String> p = reported();
        assertEquals(List.of("内容被改动：第 5 条被修改：记录内容与其自身哈希不符"), p);
        assertEquals(5, verify().problems().get(0).line());
    }

    @Test
    void aDeletedRecordIsADeletion() throws Exception {
        List<byte[]> lines = lines();
        List<byte[]> deleted = new ArrayList<>(lines);
        deleted.remove(5);
        write(deleted);
        List<String> p = reported();
        assertEquals(List.of("被删除：第 6 条被删除（在第 6 行之前）"), p);

        List<byte[]> three = new ArrayList<>(lines);
        three.subList(2, 5).clear();
        write(three);
        assertEquals(List.of("被删除：第 3–5 条被删除（在第 3 行之前）"), reported());

        List<byte[]> first = new ArrayList<>(lines);
        first.remove(0);
        write(first);
        assertEquals(List.of("被删除：第 1 条被删除（在第 1 行之前）"), reported());
    }

    @Test
    void twoRecordsTradingPlacesAreASwap() throws Exception {
        List<byte[]> lines = lines();
        List<byte[]> swapped = new ArrayList<>(lines);
        swapped.set(7, lines.get(8));
        swapped.set(8, lines.get(7));
        write(swapped);
        assertEquals(List.of("互换：第 8 条与第 9 条互换（第 8 条在第 9 行，第 9 条在第 8 行）"), reported());
        assertEquals(8, verify().problems().get(0).line());

        List<byte[]> far = new ArrayList<>(lines);
        far.set(1, lines.get(10));
        far.set(10, lines.get(1));
        write(far);
        assertEquals(List.of("互换：第 2 条与第 11 条互换（第 2 条在第 11 行，第 11 条在第 2 行）"), reported());

        List<byte[]> rotated = new ArrayList<>(lines);
        rotated.set(3, lines.get(4));
        rotated.set(4, lines.get(5));
        rotated.set(5, lines.get(3));
        write(rotated);
        assertEquals(List.of("顺序被打乱：第 4、5、6 条不在原来的位置（第 4 行起）"), reported());
    }

    @Test
    void insertedAndDuplicatedRecordsAreInsertions() throws Exception {
        List<byte[]> lines = lines();
        List<byte[]> duplicated = new ArrayList<>(lines);
        duplicated.add(4, lines.get(3));
        write(duplicated);
        assertEquals(List.of("重复：第 4 条重复出现（与第 4 行相同）"), reported());
        assertEquals(5, verify().problems().get(0).line());

        // a record forged to follow #4 (valid hash of its own, seq 5, prev = #4's hash) put before the real #5
        LogRecord.Fields f4 = LogRecord.of(lines.get(3)).fields();
        LogRecord.Fields f = LogRecord.of(lines.get(4)).fields();
        byte[] forged = LogRecord.decision(5, LogRecord.of(lines.get(3)).claimedHash(), f.ruleSet(), f.input(), f.engine(), f.source(),
                f.caseJson(), f.decision()).line();
        assertTrue(f4.seq() == 4);
        List<byte[]> inserted = new ArrayList<>(lines);
        inserted.add(4, forged);
        write(inserted);
        assertEquals(List.of("被插入：第 5 行的记录（序号 5）不在链中：被插入"), reported());

        List<byte[]> foreign = new ArrayList<>(lines);
        foreign.add(2, "{\"note\":\"插入\"}".getBytes(StandardCharsets.UTF_8));
        write(foreign);
        assertTrue(verify().problems().stream().anyMatch(p -> p.kind().equals("无法识别") && p.line() == 3));
    }

    @Test
    void aRecordReplacedByAForgeryBreaksTheLink() throws Exception {
        // a record forged with a valid hash of its own still breaks the chain
        List<byte[]> forged = new ArrayList<>(lines());
        LogRecord.Fields f = LogRecord.of(forged.get(6)).fields();
        forged.set(6, LogRecord.decision(7, LogRecord.GENESIS, f.ruleSet(), f.input(), f.engine(), f.source(), f.caseJson(), f.decision()).line());
        write(forged);
        assertTrue(verify().problems().stream().anyMatch(p -> p.kind().equals("链接断开") && p.line() == 7 && p.message().contains("第 7 条被替换")),
                verify().problems().toString());
    }

    @Test
    void eachRecordIsStampedInsideTheChainAndReplayIgnoresTheStamp() throws Exception {
        List<byte[]> lines = lines();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (byte[] l : lines) {
            LogRecord.Fields f = LogRecord.of(l).fields();
            assertTrue(f.stamp().id().matches("[0-9a-f-]{36}"), f.stamp().toString());
            ids.add(f.stamp().id());
            java.time.Instant at = java.time.Instant.parse(f.stamp().at());
            assertTrue(Math.abs(at.toEpochMilli() - System.currentTimeMillis()) < 600_000, f.stamp().at());
            assertEquals(System.getProperty("user.name"), f.stamp().operator().substring(0, f.stamp().operator().indexOf('@')));
            // not what the decision depends on: neither the case nor the decision holds it
            assertFalse(new String(f.caseJson(), StandardCharsets.UTF_8).contains(f.stamp().id()));
            assertFalse(new String(f.decision(), StandardCharsets.UTF_8).contains(f.stamp().id()));
            assertFalse(new String(f.decision(), StandardCharsets.UTF_8).contains(f.stamp().at()));
        }
        assertEquals(lines.size(), ids.size(), "每个决定一个编号");
        // the same decision stamped otherwise (another time, operator) replays identically: replay does not compare stamps
        List<byte[]> restamped = new ArrayList<>();
        String prev = LogRecord.GENESIS;
        for (byte[] l : lines) {
            LogRecord.Fields f = LogRecord.of(l).fields();
            LogRecord r = LogRecord.decision(f.seq(), prev, new LogRecord.Stamp("x-" + f.seq(), "2030-01-01T00:00:00Z", "auditor@elsewhere"),
                    f.ruleSet(), f.input(), f.engine(), f.source(), f.caseJson(), f.decision());
            restamped.add(r.line());
            prev = r.claimedHash();
        }
        write(restamped);
        assertEquals(12, replay().identical());
        // but an edited stamp is caught by the record's hash
        List<byte[]> edited = new ArrayList<>(lines);
        edited.set(2, new String(lines.get(2), StandardCharsets.UTF_8).replaceFirst("\"operator\":\"[^\"]*\"", "\"operator\":\"someone@else\"")
                .getBytes(StandardCharsets.UTF_8));
        write(edited);
        assertEquals(List.of("内容被改动：第 3 条被修改：记录内容与其自身哈希不符"), reported());
    }

    @Test
    void aCutTailIsFoundWithTheExportedHead() throws Exception {
        List<byte[]> lines = lines();
        write(lines.subList(0, 10));
        assertTrue(Verifier.verify(log, null).ok(), "没有链头时，截去末尾的日志本身仍然自洽");
        assertTrue(verify().problems().stream().anyMatch(p -> p.kind().equals("末尾被截去")));
    }

    @Test
    void aChainRewrittenAfterAnEditIsCaughtByTheHeadAndByReplay() throws Exception {
        List<byte[]> lines = lines();
        int edited = firstIndex(lines, f -> new String(f.decision(), StandardCharsets.UTF_8).contains("\"summary\":\"罚款"));
        List<byte[]> rewritten = new ArrayList<>();
        String prev = LogRecord.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            LogRecord.Fields f = LogRecord.of(lines.get(i)).fields();
            byte[] decision = i == edited ? new String(f.decision(), StandardCharsets.UTF_8).replaceFirst("\"summary\":\"[^\"]*\"", "\"summary\":\"不予处罚\"")
                    .getBytes(StandardCharsets.UTF_8) : f.decision();
            LogRecord r = LogRecord.decision(f.seq(), prev, f.ruleSet(), f.input(), f.engine(), f.source(), f.caseJson(), decision);
            rewritten.add(r.line());
            prev = r.claimedHash();
        }
        write(rewritten);
        assertTrue(Verifier.verify(log, null).ok());
        assertTrue(verify().problems().stream().anyMatch(p -> p.kind().equals("链头不符")));
        Replayer.Summary s = replay();
        assertEquals(1, s.different());
    }

    /** The log with the first fined decision's summary changed and the whole chain re-hashed, so only replay can tell. */
    private long rewriteAFinedDecision() throws IOException {
        List<byte[]> lines = lines();
        int edited = firstIndex(lines, f -> new String(f.decision(), StandardCharsets.UTF_8).contains("\"summary\":\"罚款"));
        List<byte[]> rewritten = new ArrayList<>();
        String prev = LogRecord.GENESIS;
        long seq = 0;
        for (int i = 0; i < lines.size(); i++) {
            LogRecord.Fields f = LogRecord.of(lines.get(i)).fields();
            byte[] decision = f.decision();
            if (i == edited) {
                decision = new String(decision, StandardCharsets.UTF_8).replaceFirst("\"summary\":\"[^\"]*\"", "\"summary\":\"不予处罚\"")
                        .getBytes(StandardCharsets.UTF_8);
                seq = f.seq();
            }
            LogRecord r = LogRecord.decision(f.seq(), prev, f.ruleSet(), f.input(), f.engine(), f.source(), f.caseJson(), decision);
            rewritten.add(r.line());
            prev = r.claimedHash();
        }
        write(rewritten);
        return seq;
    }

    private List<Replayer.Outcome> outcomes(String engineCode) throws Exception {
        List<Replayer.Outcome> out = new ArrayList<>();
        new Replayer(dir, Fixtures.ruleSet(), 2, engineCode).replay(out::add);
        return out;
    }

    private static final String OTHER_ENGINE = "sha256:" + "1".repeat(64);

    @Test
    void everyDecisionRecordsTheEngineCodeItWasMadeWith() throws Exception {
        for (byte[] line : lines()) {
            var d = Json.MAPPER.readTree(LogRecord.of(line).fields().decision());
            assertEquals(tianping.engine.EngineVersion.CODE, d.get("fingerprints").get("engineCode").asText());
        }
    }

    @Test
    void aChangedEngineThatDecidesAlikeIsSaidSoAndPasses() throws Exception {
        List<Replayer.Outcome> out = outcomes(OTHER_ENGINE);
        assertEquals(12, out.size());
        for (Replayer.Outcome o : out) {
            assertEquals(Replayer.ENGINE_CHANGED_SAME, o.status(), o.toString());
            assertTrue(o.differences().get(0).contains(tianping.engine.EngineVersion.CODE) && o.differences().get(0).contains(OTHER_ENGINE), o.toString());
        }
        Replayer.Summary s = new Replayer(dir, Fixtures.ruleSet(), 2, OTHER_ENGINE).replay(o -> { });
        assertEquals(12, s.identical());
        assertEquals(12, s.engineChanged());
        assertTrue(s.allIdentical());
    }

    @Test
    void aDifferentDecisionIsTamperingUnderTheSameEngineAndAnEngineChangeUnderAnother() throws Exception {
        long seq = rewriteAFinedDecision();
        Replayer.Outcome same = outcomes(tianping.engine.EngineVersion.CODE).stream().filter(o -> o.seq() == seq).findFirst().orElseThrow();
        assertEquals(Replayer.TAMPERED, same.status());
        assertTrue(same.differences().get(0).contains("同一规则集、同一引擎"), same.toString());
        assertTrue(same.differences().stream().anyMatch(d -> d.contains("summary")), same.toString());

        Replayer.Outcome other = outcomes(OTHER_ENGINE).stream().filter(o -> o.seq() == seq).findFirst().orElseThrow();
        assertEquals(Replayer.ENGINE_CHANGED_DIFFERENT, other.status());
        assertTrue(other.differences().stream().anyMatch(d -> d.contains("summary")), other.toString());
        Replayer.Summary s = new Replayer(dir, Fixtures.ruleSet(), 2, OTHER_ENGINE).replay(o -> { });
        assertEquals(1, s.different());
        assertEquals(0, s.tampered());
        assertEquals(12, s.engineChanged());
    }

    @Test
    void aRecordThatDoesNotMatchItsOwnHashIsTampered() throws Exception {
        List<byte[]> lines = lines();
        int edited = firstIndex(lines, f -> new String(f.decision(), StandardCharsets.UTF_8).contains("\"summary\":\"罚款"));
        String text = new String(lines.get(edited), StandardCharsets.UTF_8);
        lines.set(edited, text.replaceFirst("\"summary\":\"罚款", "\"summary\":\"警告").getBytes(StandardCharsets.UTF_8));
        write(lines);
        long seq = LogRecord.of(lines.get(edited)).fields().seq();
        for (String engine : List.of(tianping.engine.EngineVersion.CODE, OTHER_ENGINE)) {
            Replayer.Outcome o = outcomes(engine).stream().filter(x -> x.seq() == seq).findFirst().orElseThrow();
            assertEquals(Replayer.TAMPERED, o.status(), "哈希不符的记录不论引擎是否改变都是被篡改：" + o);
            assertTrue(o.differences().get(0).contains("哈希"), o.toString());
        }
    }

    @Test
    void anEditedCaseIsCaughtByItsInputFingerprintOnReplay() throws Exception {
        List<byte[]> lines = lines();
        int edited = firstIndex(lines, r -> new String(r.caseJson(), StandardCharsets.UTF_8).contains("\"harm\":\"无\""));
        LogRecord.Fields f = LogRecord.of(lines.get(edited)).fields();
        byte[] changedCase = new String(f.caseJson(), StandardCharsets.UTF_8).replace("\"harm\":\"无\"", "\"harm\":\"轻微\"").getBytes(StandardCharsets.UTF_8);
        assertFalse(Arrays.equals(changedCase, f.caseJson()), "测试前提：案件中有危害后果");
        lines.set(edited, LogRecord.decision(f.seq(), f.prev(), f.ruleSet(), f.input(), f.engine(), f.source(), changedCase, f.decision()).line());
        write(lines);
        List<String> why = new ArrayList<>();
        new Replayer(dir, Fixtures.ruleSet(), 1).replay(o -> { if (o.seq() == f.seq()) why.addAll(o.differences()); });
        assertTrue(why.get(0).contains("案件被改动"), why.toString());
    }

    @Test
    void aTornLastLineIsReportedThenSetAsideWithARepairRecord() throws Exception {
        byte[] original = Files.readAllBytes(log);
        Files.write(log, Arrays.copyOf(original, original.length - 700));
        assertTrue(Verifier.verify(log, null).problems().stream().anyMatch(p -> p.kind().equals("末行不完整")));
        try (DecisionLog reopened = DecisionLog.open(dir)) {
            assertEquals(1, reopened.notices().size());
            assertEquals(12, reopened.count());
        }
        Verifier.Result r = Verifier.verify(log, null);
        assertTrue(r.ok(), r.problems().toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(DecisionLog.FILE + ".torn-")));
        }
        Replayer.Summary s = replay();
        assertEquals(11, s.identical());
        assertEquals(1, s.repairs());
    }

    @Test
    void aRuleSetNeitherBundledNorArchivedIsRulesChanged(@TempDir Path rules) throws Exception {
        RuleSetTest.copyRules(rules);
        Path table = rules.resolve("tables/parameters.csv");
        Files.writeString(table, Files.readString(table) + "# 试改：任何改动都使规则集指纹不同\n");
        RuleSet edited = RuleSet.fromDirectory(rules);
        var c = new CaseReader(edited.law().book()).read(Fixtures.CASES.resolve("langfang/lf-3-severe.json"));
        Decision d = new Decider(edited).decide("lf-3", c);
        try (DecisionLog decisions = DecisionLog.open(dir)) {
            decisions.append(c, d, "lf-3", Json.bytes(d));
        }
        List<Replayer.Outcome> out = outcomes(tianping.engine.EngineVersion.CODE);
        Replayer.Outcome o = out.get(out.size() - 1);
        assertEquals(Replayer.RULES_CHANGED, o.status());
        assertTrue(o.differences().get(0).contains(edited.fingerprint()) && o.differences().get(0).contains("没有它的快照"), o.toString());
        assertEquals(1, replay().failed());
    }

    @Test
    void aChangedSnapshotCannotBeReplayed(@TempDir Path rules) throws Exception {
        RuleSetTest.copyRules(rules);
        Path table = rules.resolve("tables/parameters.csv");
        Files.writeString(table, Files.readString(table) + "# 试改：任何改动都使规则集指纹不同\n");
        RuleSet edited = RuleSet.fromDirectory(rules);
        var c = new CaseReader(edited.law().book()).read(Fixtures.CASES.resolve("langfang/lf-3-severe.json"));
        Decision d = new Decider(edited).decide("lf-3", c);
        new SnapshotStore(dir).ensure(edited);
        try (DecisionLog decisions = DecisionLog.open(dir)) {
            decisions.append(c, d, "lf-3", Json.bytes(d));
        }
        assertEquals(13, replay().identical(), "快照完好时以快照重放");
        Path snapshotTable = dir.resolve("rulesets").resolve(edited.fingerprint().substring(7)).resolve("tables/parameters.csv");
        Files.writeString(snapshotTable, Files.readString(snapshotTable).replace("# 试改：任何改动都使规则集指纹不同\n", ""));
        Replayer.Summary s = replay();
        assertEquals(1, s.failed());
    }

    /** The impact test's own list and item (src/test/resources/test-rules/impact/), for a region no real list covers. */
    static final Path IMPACT = Path.of("src", "test", "resources", "test-rules", "impact").toAbsolutePath();

    /** A copy of rules/ with the impact test's own rows appended (their header must be the table's own). */
    private static void withImpactRows(Path rules) throws IOException {
        RuleSetTest.copyRules(rules);
        for (String table : List.of("lists.csv", "no-penalty-items.csv")) {
            List<String> rows = Files.readAllLines(IMPACT.resolve(table), StandardCharsets.UTF_8);
            Path target = rules.resolve("tables").resolve(table);
            String text = Files.readString(target, StandardCharsets.UTF_8);
            assertTrue(text.contains("\n" + rows.get(0) + "\n"), "测试前提：" + table + " 的列与测试数据相同");
            Files.writeString(target, text + String.join("\n", rows.subList(1, rows.size())) + "\n", StandardCharsets.UTF_8);
        }
    }

    /**
     * The engine's impact analysis, on a rule set of its own: the test's item NP-TEST-IMPACT (小时均值最大超标倍数 < 0.1)
     * tightened to < 0.04 changes the case at 0.05 倍 and not the one at 0.03 倍; the bundled law's items are in
     * both rule sets unchanged, so a change of the bundled law changes nothing here.
     */
    @Test
    void impactShowsWhichDecisionsARuleChangeWouldChange(@TempDir Path baseline, @TempDir Path candidate) throws Exception {
        withImpactRows(baseline);
        withImpactRows(candidate);
        Path items = candidate.resolve("tables/no-penalty-items.csv");
        String text = Files.readString(items);
        String row = text.substring(text.indexOf("NP-TEST-IMPACT,"));
        Files.writeString(items, text.replace(row, row.replace("小时均值最大超标倍数 < 0.1", "小时均值最大超标倍数 < 0.04")));
        ImpactAnalysis impact = new ImpactAnalysis(RuleSet.fromDirectory(baseline), RuleSet.fromDirectory(candidate));
        List<Path> cases;
        try (Stream<Path> s = Files.list(IMPACT)) {
            cases = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path caseFile : cases) impact.add(caseFile.toString(), Files.readAllBytes(caseFile), caseFile.getParent());
        ImpactAnalysis.Report r = impact.report();
        assertEquals(2, r.cases());
        assertEquals(List.of("TEST-IMPACT-01"), r.changes().stream().map(ImpactAnalysis.Change::caseId).toList());
        ImpactAnalysis.Change c = r.changes().get(0);
        assertTrue(c.from().startsWith("不予处罚（首违不罚）") && !c.to().startsWith("不予处罚"), c.toString());
        assertTrue(c.rules().contains("NP-TEST-IMPACT"), c.rules().toString());
    }
}
