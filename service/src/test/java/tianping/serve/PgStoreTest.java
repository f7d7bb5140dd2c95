package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.Verifier;
import tianping.cli.Json;
import tianping.cli.Main;
import tianping.cli.ServiceEngine;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL decision store against a real PostgreSQL (zonky's embedded binaries, started by the test):
 * concurrent writers from two stores get every sequence number once, the chain verifies, records move between
 * decisions.jsonl and the store byte for byte, a tampered row is found, and the service's lookups work over it.
 */
class PgStoreTest {

    @TempDir
    static Path tmp;
    static EmbeddedPostgres pg;
    static ServiceEngine engine;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setPort(18088).start();
        engine = new ServiceEngine(RuleSet.bundled());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    /** A fresh database on the test server, as a JDBC URL. */
    static String database(String name) throws Exception {
        return TestDatabases.create(pg, name);
    }

    static ServiceEngine.Result decided(Path file) throws Exception {
        ServiceEngine.Result r = engine.decide(file.toString(), Files.readAllBytes(file), tmp);
        assertEquals(ServiceEngine.Kind.DECIDED, r.kind(), file.toString());
        return r;
    }

    @Test
    void concurrentWritersInTwoStoresLoseAndDoubleNoSequence() throws Exception {
        String url = database("concurrent");
        List<ServiceEngine.Result> cases = new ArrayList<>();
        for (Path p : CheckEndpointTest.cases().subList(0, 10)) cases.add(decided(p));
        int perThread = 25, threads = 8;
        try (PgStore a = PgStore.open(url); PgStore b = PgStore.open(url)) {
            a.archive(engine.ruleSet());
            b.archive(engine.ruleSet());
            ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads * 2; t++) {
                PgStore store = t % 2 == 0 ? a : b;
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ServiceEngine.Result r = cases.get((offset + i) % cases.size());
                        seqs.add(store.append(r.caseFile(), r.decision(), r.source(), r.decisionJson()));
                    }
                    return seqs;
                }));
            }
            java.util.TreeSet<Long> all = new java.util.TreeSet<>();
            int n = 0;
            for (Future<List<Long>> f : futures) {
                for (long s : f.get()) {
                    all.add(s);
                    n++;
                }
            }
            pool.shutdown();
            int total = perThread * threads * 2;
            assertEquals(total, n);
            assertEquals(total, all.size(), "a sequence number was given twice");
            assertEquals(1L, all.first());
            assertEquals((long) total, all.last());
            Verifier.Result v = a.verify();
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(total, v.records());
            assertEquals(new Verifier.Head(total, v.head()), b.head());
        }
    }

    /**
     * Each store writes a group in one statement chained onto the head it last saw; when another store moved the
     * head meanwhile, that statement must change nothing and the group be rechained onto the real head.
     */
    @Test
    void aStoreWhoseHeadWentStaleRechainsInsteadOfForkingTheChain() throws Exception {
        String url = database("stale");
        List<ServiceEngine.Result> cases = new ArrayList<>();
        for (Path p : CheckEndpointTest.cases().subList(0, 3)) cases.add(decided(p));
        try (PgStore a = PgStore.open(url); PgStore b = PgStore.open(url)) {
            a.archive(engine.ruleSet());
            ServiceEngine.Result r0 = cases.get(0), r1 = cases.get(1), r2 = cases.get(2);
            assertEquals(1L, a.append(r0.caseFile(), r0.decision(), r0.source(), r0.decisionJson()));
            assertEquals(2L, b.append(r1.caseFile(), r1.decision(), r1.source(), r1.decisionJson()));
            // a last saw the head at #1: its write of #2 finds #2 taken and goes to #3, after b's record
            assertEquals(3L, a.append(r2.caseFile(), r2.decision(), r2.source(), r2.decisionJson()));
            assertEquals(4L, b.append(r0.caseFile(), r0.decision(), r0.source(), r0.decisionJson()));
            Verifier.Result v = a.verify();
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(4, v.records());
            assertEquals(new Verifier.Head(4, v.head()), b.head());
            assertTrue(new String(a.record(3).orElseThrow(), StandardCharsets.UTF_8).contains("\"caseId\":" + Json.write(r2.caseId())));
        }
    }

    @Test
    void importThenExportGivesBackTheLogByteForByteAndTamperingIsFound() throws Exception {
        Path log = tmp.resolve("cli-log");
        for (Path p : CheckEndpointTest.cases().subList(0, 12)) {
            CheckEndpointTest.cli("check", "--json", "--log", log.toString(), p.toString());
        }
        String url = database("moved");
        StringWriter err = new StringWriter();
        assertEquals(0, ServiceMain.run(new String[]{"log", "import", "--store", url, "--log", log.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        // importing again must not double the records: the first line no longer follows the store's head
        StringWriter again = new StringWriter();
        assertEquals(1, ServiceMain.run(new String[]{"log", "import", "--store", url, "--log", log.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(again)));
        assertTrue(again.toString().contains("不接在决定库的链头"), again.toString());
        Path out = tmp.resolve("exported");
        assertEquals(0, ServiceMain.run(new String[]{"log", "export", "--store", url, "--log", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        assertArrayEquals(Files.readAllBytes(log.resolve("decisions.jsonl")), Files.readAllBytes(out.resolve("decisions.jsonl")));
        StringWriter verified = new StringWriter();
        assertEquals(0, ServiceMain.run(new String[]{"log", "verify", "--store", url}, new PrintWriter(verified), new PrintWriter(err)));
        assertTrue(verified.toString().contains("核验完好"), verified.toString());

        // one byte changed in a stored record (the fine of #5): found and located
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tianping_records SET line = convert_to(replace(convert_from(line, 'UTF8'), '\"caseId\":\"', '\"caseId\":\"X'), 'UTF8') WHERE seq = 5");
        }
        StringWriter broken = new StringWriter();
        assertEquals(1, ServiceMain.run(new String[]{"log", "verify", "--store", url}, new PrintWriter(broken), new PrintWriter(new StringWriter())));
        assertTrue(broken.toString().contains("（#5）：内容被改动"), broken.toString());
    }

    @Test
    void theServiceOverTheStoreRecordsLooksUpVerifiesAndReplays() throws Exception {
        String url = database("served");
        Path snapshots = tmp.resolve("snapshots");
        Service s = Service.start(new Service.Options("127.0.0.1", 18082, null, snapshots, url, TestClient.TOKEN, true, 1000, 8));
        try {
            TestClient client = new TestClient(s.port());
            List<Path> cases = CheckEndpointTest.cases().subList(0, 8);
            List<String> caseIds = new ArrayList<>();
            for (Path p : cases) {
                HttpResponse<byte[]> r = client.post("/v1/check", Files.readAllBytes(p), p.toString());
                assertEquals(200, r.statusCode());
                assertArrayEquals(CheckEndpointTest.cli("check", "--json", "--no-log", p.toString()).getBytes(StandardCharsets.UTF_8), r.body());
                caseIds.add(Json.MAPPER.readTree(r.body()).get("caseId").asText());
            }
            JsonNode page = Json.MAPPER.readTree(client.get("/v1/decisions?caseId=" + caseIds.get(3), null).body());
            assertEquals(1, page.get("decisions").size());
            assertEquals(4, page.get("decisions").get(0).get("seq").asLong());
            // paging: 3 per page, the next link continues after the last seq
            JsonNode first = Json.MAPPER.readTree(client.get("/v1/decisions?limit=3", null).body());
            assertEquals(3, first.get("decisions").size());
            JsonNode second = Json.MAPPER.readTree(client.get(first.get("next").asText(), null).body());
            assertEquals(4, second.get("decisions").get(0).get("seq").asLong());

            JsonNode one = Json.MAPPER.readTree(client.get("/v1/decisions/2", null).body());
            assertTrue(one.get("verify").get("ok").asBoolean(), one.get("verify").toString());
            assertEquals(caseIds.get(1), one.get("record").get("decision").get("caseId").asText());

            HttpResponse<byte[]> replay = client.post("/v1/decisions/2/replay", new byte[0], null);
            assertEquals(200, replay.statusCode(), new String(replay.body(), StandardCharsets.UTF_8));
            assertEquals("一致", Json.MAPPER.readTree(replay.body()).get("status").asText());

            String uscc = one.get("record").get("decision").get("enterprise").get("uscc").asText();
            JsonNode history = Json.MAPPER.readTree(client.get("/v1/enterprises/" + uscc + "/history", null).body());
            assertFalse(history.get("history").isEmpty());
            for (JsonNode h : history.get("history")) assertEquals(uscc, h.get("uscc").asText());

            String fp = one.get("record").get("ruleSet").asText();
            JsonNode rs = Json.MAPPER.readTree(client.get("/v1/rulesets/" + fp, null).body());
            assertTrue(rs.get("serving").asBoolean());
            assertEquals(404, client.get("/v1/decisions/999", null).statusCode());
            assertEquals(400, client.get("/v1/decisions/abc", null).statusCode());
        } finally {
            s.close();
        }
        try (PgStore store = PgStore.open(url)) {
            assertEquals(8, store.verify().records());
            assertTrue(store.verify().ok());
        }
    }
}
