package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.SnapshotStore;
import tianping.cli.Json;
import tianping.cli.Main;
import tianping.cli.ServiceEngine;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL store keeps the rule-set snapshots its records name (a real PostgreSQL, zonky's embedded binaries
 * on a free port): stored once per fingerprint however many writers race, byte for byte what a log folder holds, so
 * the store alone replays its decisions; a tampered snapshot is refused and located; {@code log export|import}
 * carry the snapshots, the round trip byte-identical.
 */
class PgSnapshotsTest {

    @TempDir
    static Path tmp;
    static EmbeddedPostgres pg;
    /** A rule directory like rules/, one comment added: a rule set that is not the bundled one, deciding alike. */
    static Path rules;
    static RuleSet modified;
    /** A command-line log: decisions of the modified rule set (batch --rules) and of the bundled one (check). */
    static Path cliLog;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        rules = tmp.resolve("rules");
        ServiceBehaviourTest.copyTree(Path.of("../rules/tables"), rules.resolve("tables"));
        ServiceBehaviourTest.copyTree(Path.of("../rules/drl"), rules.resolve("drl"));
        Files.writeString(rules.resolve("drl/warnings.drl"), "\n// a rule set of its own for PgSnapshotsTest\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        modified = RuleSet.fromDirectory(rules);
        assertNotEquals(RuleSet.bundled().fingerprint(), modified.fingerprint());

        cliLog = tmp.resolve("cli-log");
        Path batchCases = Files.createDirectories(tmp.resolve("batch-cases"));
        List<Path> cases = CheckEndpointTest.cases();
        for (int i = 0; i < 4; i++) Files.copy(cases.get(i), batchCases.resolve(i + ".json"));
        CheckEndpointTest.cli("batch", batchCases.toString(), "--rules", rules.toString(), "--log", cliLog.toString(),
                "--out", tmp.resolve("batch-out.jsonl").toString());
        for (int i = 4; i < 6; i++) CheckEndpointTest.cli("check", "--json", "--log", cliLog.toString(), cases.get(i).toString());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static String database(String name) throws Exception {
        return TestDatabases.create(pg, name);
    }

    /** Runs a service command; its exit code, and its standard output and error together in {@code text}. */
    static int run(StringBuilder text, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = ServiceMain.run(args, new PrintWriter(out), new PrintWriter(err));
        text.append(out).append(err);
        return code;
    }

    /** Every file under {@code dir} by relative path. */
    static SortedMap<String, byte[]> tree(Path dir) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return files;
    }

    static void assertSameTree(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSnapshotIsStoredOncePerFingerprintUnderConcurrentWritesAndNoRecordNamesOneTheStoreLacks() throws Exception {
        String url = database("once");
        ServiceEngine engine = new ServiceEngine(modified);
        List<ServiceEngine.Result> decided = new ArrayList<>();
        for (Path p : CheckEndpointTest.cases().subList(0, 5)) decided.add(engine.decide(p.toString(), Files.readAllBytes(p), tmp));
        int threads = 16, each = 5;
        try (PgStore a = PgStore.open(url); PgStore b = PgStore.open(url)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PgStore store = t % 2 == 0 ? a : b;
                int offset = t;
                done.add(pool.submit(() -> {
                    go.await();
                    store.archive(modified); // every writer archives the same rule set at once, then records with it
                    for (int i = 0; i < each; i++) {
                        ServiceEngine.Result r = decided.get((offset + i) % decided.size());
                        store.append(r.caseFile(), r.decision(), r.source(), r.decisionJson());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get();
            pool.shutdown();
            assertEquals(threads * each, a.head().count());
            assertTrue(a.verifyWithSnapshots().ok(), a.verifyWithSnapshots().problems().toString());
        }
        assertEquals(1, count(url, "SELECT count(*) FROM tianping_rulesets"));
        SortedMap<String, byte[]> expected = PgSnapshots.filesOf(modified);
        assertEquals(expected.size(), count(url, "SELECT count(*) FROM tianping_ruleset_files"));
        // byte for byte what a log folder holds for the rule set
        Path folder = tmp.resolve("folder-snapshot");
        new SnapshotStore(folder).ensure(modified);
        SortedMap<String, byte[]> stored;
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
            stored = PgSnapshots.read(c, modified.fingerprint());
        }
        assertSameTree(tree(folder.resolve("rulesets").resolve(modified.fingerprint().substring(7))), stored);

        // a store never given the rule set does not record its decisions, and the database refuses such a row itself
        String bare = database("bare");
        try (PgStore s = PgStore.open(bare)) {
            ServiceEngine.Result r = decided.get(0);
            IOException refused = assertThrows(IOException.class, () -> s.append(r.caseFile(), r.decision(), r.source(), r.decisionJson()));
            assertTrue(refused.getMessage().contains("没有规则集 " + modified.fingerprint() + " 的快照"), refused.getMessage());
            assertEquals(0, s.head().count());
        }
        try (Connection c = java.sql.DriverManager.getConnection(bare);
             PreparedStatement ps = c.prepareStatement("INSERT INTO tianping_records (seq, prev, hash, rule_set, line) VALUES (1, 'x', 'y', ?, '\\x00')")) {
            ps.setString(1, modified.fingerprint());
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertTrue(e.getMessage().contains("tianping_records_rule_set_archived"), e.getMessage());
        }
    }

    @Test
    void theStoreReplaysItsDecisionsWithNoLocalRulesetsFolder() throws Exception {
        String url = database("served");
        Path localLog = tmp.resolve("served-log");
        List<Path> cases = CheckEndpointTest.cases().subList(0, 5);
        List<byte[]> answers = new ArrayList<>();
        try (Service s = Service.start(new Service.Options("127.0.0.1", 0, rules, localLog, url, TestClient.TOKEN, true, 3_600_000, 8))) {
            TestClient client = new TestClient(s.port());
            for (Path p : cases) {
                HttpResponse<byte[]> r = client.post("/v1/check", Files.readAllBytes(p), p.toString());
                assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                assertEquals(modified.fingerprint(), r.headers().firstValue(Api.RULESET_HEADER).orElseThrow());
                answers.add(r.body());
            }
        }
        // nothing was written to the --log folder: the store holds the snapshot itself
        assertFalse(Files.exists(localLog.resolve("rulesets")), "a local rulesets folder was written");
        StoreReplay.deleteTree(localLog);

        StringBuilder replay = new StringBuilder();
        assertEquals(0, run(replay, "replay", "--store", url), replay.toString());
        assertTrue(replay.toString().contains("重放 5 个决定：一致 5，不一致 0，无法重放 0"), replay.toString());

        // a service now serving the bundled rule set replays a record of the other one from the database
        try (Service s = Service.start(new Service.Options("127.0.0.1", 0, null, tmp.resolve("served-log-2"), url, TestClient.TOKEN, true, 3_600_000, 8))) {
            TestClient client = new TestClient(s.port());
            HttpResponse<byte[]> r = client.post("/v1/decisions/3/replay", new byte[0], null);
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertEquals("一致", Json.MAPPER.readTree(r.body()).get("status").asText(), new String(r.body(), StandardCharsets.UTF_8));
            JsonNode rs = Json.MAPPER.readTree(client.get("/v1/rulesets/" + modified.fingerprint(), null).body());
            assertFalse(rs.get("serving").asBoolean(), rs.toString());
            assertEquals(EngineVersion.FULL, rs.get("engine").asText());
            List<String> files = new ArrayList<>(PgSnapshots.filesOf(modified).keySet());
            files.remove(SnapshotStore.ENGINE_FILE);
            assertEquals(files, Json.MAPPER.convertValue(rs.get("files"), List.class));
            assertEquals(404, client.get("/v1/rulesets/sha256:" + "0".repeat(64), null).statusCode());
        }
        // the replay is byte for byte: the recorded decisions are the answers given
        try (PgStore s = PgStore.open(url)) {
            for (int i = 0; i < cases.size(); i++) {
                JsonNode recorded = Json.MAPPER.readTree(tianping.audit.LogRecord.of(s.record(i + 1).orElseThrow()).fields().decision());
                assertEquals(Json.MAPPER.readTree(answers.get(i)), recorded);
            }
        }

        StringBuilder impact = new StringBuilder();
        assertEquals(0, run(impact, "impact", "--store", url, "--candidate", rules.toString()), impact.toString());
        assertTrue(impact.toString().contains("以往案件 5 件，决定改变 0 件"), impact.toString());
    }

    @Test
    void aTamperedSnapshotInTheDatabaseIsRefusedAndLocated() throws Exception {
        String url = database("tampered");
        StringBuilder text = new StringBuilder();
        assertEquals(0, run(text, "log", "import", "--store", url, "--log", cliLog.toString()), text.toString());
        String fp = modified.fingerprint();
        try (Connection c = java.sql.DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("UPDATE tianping_ruleset_files SET content = content || '\\x0a'::bytea WHERE fingerprint = ? AND path = 'tables/no-penalty-items.csv'")) {
            ps.setString(1, fp);
            assertEquals(1, ps.executeUpdate());
        }
        String located = "快照 " + fp + " 中 tables/no-penalty-items.csv 与指纹不符";

        StringBuilder replay = new StringBuilder();
        assertEquals(1, run(replay, "replay", "--store", url, "--quiet"), replay.toString());
        assertTrue(replay.toString().contains("无法重放") && replay.toString().contains(PgSnapshots.WHERE + ": snapshot_tampered: " + located), replay.toString());
        assertTrue(replay.toString().contains("一致 2，不一致 0，无法重放 4"), replay.toString()); // the bundled rule set's two still replay

        StringBuilder verify = new StringBuilder();
        assertEquals(1, run(verify, "log", "verify", "--store", url), verify.toString());
        assertTrue(verify.toString().contains(located), verify.toString());

        try (Service s = Service.start(new Service.Options("127.0.0.1", 0, null, tmp.resolve("tampered-log"), url, TestClient.TOKEN, true, 3_600_000, 8))) {
            TestClient client = new TestClient(s.port());
            HttpResponse<String> rs = client.get("/v1/rulesets/" + fp, null);
            assertEquals(409, rs.statusCode(), rs.body());
            assertEquals("snapshot_tampered", Json.MAPPER.readTree(rs.body()).get("code").asText());
            assertTrue(rs.body().contains(located), rs.body());
            JsonNode r = Json.MAPPER.readTree(client.post("/v1/decisions/1/replay", new byte[0], null).body());
            assertEquals("无法重放", r.get("status").asText(), r.toString());
            assertTrue(r.get("differences").toString().contains(located), r.toString());
        }

        // export writes the records and the whole snapshots, not the tampered one
        Path out = tmp.resolve("tampered-export");
        StringBuilder export = new StringBuilder();
        assertEquals(1, run(export, "log", "export", "--store", url, "--log", out.toString()), export.toString());
        assertTrue(export.toString().contains(located), export.toString());
        assertFalse(Files.exists(out.resolve("rulesets").resolve(fp.substring(7))));
        assertTrue(Files.isDirectory(out.resolve("rulesets").resolve(RuleSet.bundled().fingerprint().substring(7))));
        assertArrayEquals(Files.readAllBytes(cliLog.resolve("decisions.jsonl")), Files.readAllBytes(out.resolve("decisions.jsonl")));

        // a file name from the database that would leave the snapshot's folder is refused, and nothing is written outside
        try (Connection c = java.sql.DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("INSERT INTO tianping_ruleset_files (fingerprint, path, content) VALUES (?, ?, 'x')")) {
            for (String evil : List.of("../../../escaped", "/tmp/escaped-absolute", "drl/../../escaped2")) {
                ps.setString(1, RuleSet.bundled().fingerprint());
                ps.setString(2, evil);
                ps.executeUpdate();
            }
        }
        Path out2 = tmp.resolve("evil-export");
        StringBuilder evil = new StringBuilder();
        assertEquals(1, run(evil, "log", "export", "--store", url, "--log", out2.toString()), evil.toString());
        assertTrue(evil.toString().contains("snapshot_name_refused") && evil.toString().contains("../../../escaped"), evil.toString());
        assertFalse(Files.exists(out2.resolve("rulesets").resolve(RuleSet.bundled().fingerprint().substring(7))));
        try (Stream<Path> walk = Files.walk(tmp)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().contains("escaped")).toList());
        }
        assertFalse(Files.exists(Path.of("/tmp/escaped-absolute")));
    }

    @Test
    void exportAndImportCarryTheSnapshotsAndTheRoundTripIsByteIdentical() throws Exception {
        String url = database("roundtrip");
        StringBuilder text = new StringBuilder();
        assertEquals(0, run(text, "log", "import", "--store", url, "--log", cliLog.toString()), text.toString());
        assertTrue(text.toString().contains("规则集快照 2 个"), text.toString());
        Path out = tmp.resolve("roundtrip-1");
        assertEquals(0, run(text, "log", "export", "--store", url, "--log", out.toString()), text.toString());
        assertArrayEquals(Files.readAllBytes(cliLog.resolve("decisions.jsonl")), Files.readAllBytes(out.resolve("decisions.jsonl")));
        assertSameTree(tree(cliLog.resolve("rulesets")), tree(out.resolve("rulesets")));
        StringBuilder verify = new StringBuilder();
        assertEquals(0, run(verify, "log", "verify", "--store", url), verify.toString());
        assertTrue(verify.toString().contains("规则集快照 2 个：核验完好"), verify.toString());
        // the command line's replay over the exported folder, and its log verify, as over the original
        StringWriter replayed = new StringWriter();
        assertEquals(0, Main.run(new String[]{"replay", "--log", out.toString()}, new PrintWriter(replayed), new PrintWriter(new StringWriter())), replayed.toString());
        assertEquals(0, Main.run(new String[]{"log", "verify", "--log", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));

        // and again: exported, imported into another store, exported: the same bytes
        String again = database("roundtrip2");
        assertEquals(0, run(text, "log", "import", "--store", again, "--log", out.toString()), text.toString());
        Path out2 = tmp.resolve("roundtrip-2");
        assertEquals(0, run(text, "log", "export", "--store", again, "--log", out2.toString()), text.toString());
        assertSameTree(tree(out), tree(out2));

        // a log whose snapshot of the bundled rule set was lost: the jar's files are that snapshot, byte for byte
        Path noBundled = tmp.resolve("no-bundled");
        ServiceBehaviourTest.copyTree(cliLog, noBundled);
        StoreReplay.deleteTree(noBundled.resolve("rulesets").resolve(RuleSet.bundled().fingerprint().substring(7)));
        String third = database("nobundled");
        assertEquals(0, run(text, "log", "import", "--store", third, "--log", noBundled.toString()), text.toString());
        Path out3 = tmp.resolve("roundtrip-3");
        assertEquals(0, run(text, "log", "export", "--store", third, "--log", out3.toString()), text.toString());
        assertSameTree(tree(cliLog.resolve("rulesets")), tree(out3.resolve("rulesets")));
    }

    @Test
    void anImportWhoseSnapshotDoesNotMatchItsFingerprintOrIsMissingImportsNothing() throws Exception {
        String hex = modified.fingerprint().substring(7);
        Path changed = tmp.resolve("changed-log");
        ServiceBehaviourTest.copyTree(cliLog, changed);
        Files.writeString(changed.resolve("rulesets").resolve(hex).resolve("drl/warnings.drl"), "\n// changed\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String url = database("refused");
        StringBuilder text = new StringBuilder();
        assertEquals(1, run(text, "log", "import", "--store", url, "--log", changed.toString()), text.toString());
        assertTrue(text.toString().contains(changed.resolve("rulesets") + "/" + hex + ": snapshot_tampered: 快照 " + modified.fingerprint()
                + " 中 drl/warnings.drl 与指纹不符"), text.toString());
        PgStore.open(url).close(); // the refusal came before the store was opened: nothing there, not even its tables
        assertEquals(0, count(url, "SELECT count(*) FROM tianping_records"));
        assertEquals(0, count(url, "SELECT count(*) FROM tianping_rulesets"));

        Path missing = tmp.resolve("missing-log");
        ServiceBehaviourTest.copyTree(cliLog, missing);
        StoreReplay.deleteTree(missing.resolve("rulesets").resolve(hex));
        StringBuilder none = new StringBuilder();
        assertEquals(1, run(none, "log", "import", "--store", url, "--log", missing.toString()), none.toString());
        assertTrue(none.toString().contains("所记规则集 " + modified.fingerprint() + " 在所导入的目录与决定库中都没有快照"), none.toString());
        assertEquals(0, count(url, "SELECT count(*) FROM tianping_records"));
        assertEquals(0, count(url, "SELECT count(*) FROM tianping_rulesets"), "the import's transaction was rolled back whole");
    }
}
