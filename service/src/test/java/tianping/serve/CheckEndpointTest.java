package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /v1/check and /v1/batch answer with the very bytes `check --json` prints and the very lines `batch` writes,
 * and the service's decision log holds the very records the command line logs for the same cases.
 */
class CheckEndpointTest {

    static final Path CASES = Path.of("../fixtures/cases");

    @TempDir
    static Path tmp;
    static Service service;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(new Service.Options("127.0.0.1", 18080, null, tmp.resolve("serve-log"), null, TestClient.TOKEN, false, 1000, 16));
        client = new TestClient(service.port());
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static List<Path> cases() throws Exception {
        try (Stream<Path> walk = Files.walk(CASES)) {
            return walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")
                    && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, "tianping " + String.join(" ", args));
        return out.toString();
    }

    @Test
    void checkIsByteIdenticalToCheckJsonAndLogsTheSameRecords() throws Exception {
        Path cliLog = tmp.resolve("cli-log");
        Path serveLog = tmp.resolve("fresh-log").resolve("decisions.jsonl");
        // a service of its own, on an empty log, so that its records can be compared with the command line's
        Service fresh = Service.start(new Service.Options("127.0.0.1", 18081, null, serveLog.getParent(), null, TestClient.TOKEN, false, 1000, 8));
        TestClient client = new TestClient(fresh.port());
        List<Path> sample = new ArrayList<>();
        List<Path> all = cases();
        for (int i = 0; i < all.size(); i += 7) sample.add(all.get(i));
        for (Path p : sample) {
            byte[] expected = cli("check", "--json", "--log", cliLog.toString(), p.toString()).getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> r = client.post("/v1/check", Files.readAllBytes(p), p.toString());
            assertEquals(200, r.statusCode(), p + ": " + new String(r.body(), StandardCharsets.UTF_8));
            assertArrayEquals(expected, r.body(), p.toString());
            assertEquals(Json.MAPPER.readTree(expected).path("fingerprints").path("ruleSet").asText(),
                    r.headers().firstValue(Api.RULESET_HEADER).orElseThrow());
            assertTrue(r.headers().firstValue(Api.SEQ_HEADER).isPresent());
        }
        // same cases in the same order from an empty log: the same records, apart from each record's stamp (its id,
        // the time it was written and the operator) and so its hash and the next record's link; both chains verify
        fresh.close();
        List<String> served = Files.readAllLines(serveLog, StandardCharsets.UTF_8);
        List<String> logged = Files.readAllLines(cliLog.resolve("decisions.jsonl"), StandardCharsets.UTF_8);
        assertEquals(sample.size(), logged.size());
        assertEquals(unstamped(logged), unstamped(served));
        assertTrue(tianping.audit.Verifier.verify(cliLog.resolve("decisions.jsonl"), null).ok());
        assertTrue(tianping.audit.Verifier.verify(serveLog, null).ok());
    }

    @Test
    void batchStreamsTheLinesBatchWrites() throws Exception {
        Path input = tmp.resolve("cases.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Path p : cases()) lines.append(Json.MAPPER.readTree(p.toFile()).toString()).append('\n');
        lines.append("{\"caseId\": 3}\n");       // rejected: schema
        lines.append("not json\n");              // rejected: parse
        Files.writeString(input, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("batch-out.jsonl");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[]{"batch", input.toString(), "--out", out.toString(), "--no-log"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, code, err.toString()); // two rejected
        HttpResponse<byte[]> r = client.post("/v1/batch", Files.readAllBytes(input), input.toString());
        assertEquals(200, r.statusCode());
        assertEquals(Files.readString(out, StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aRejectedCaseIsA422WithLocatedErrors() throws Exception {
        HttpResponse<byte[]> r = client.post("/v1/check", "{\"caseId\":\"x\",\"decisionDate\":\"2024/03/01\"}".getBytes(StandardCharsets.UTF_8), "bad.json");
        assertEquals(422, r.statusCode());
        JsonNode e = Json.MAPPER.readTree(r.body());
        assertEquals("case_rejected", e.get("code").asText());
        assertEquals("/v1/check", e.get("path").asText());
        assertFalse(e.get("errors").isEmpty());
        for (JsonNode x : e.get("errors")) {
            assertEquals("bad.json", x.get("file").asText());
            assertNotNull(x.get("path").asText());
        }
    }

    @Test
    void writesNeedTheTokenAndReadsToo() throws Exception {
        byte[] c = Files.readAllBytes(cases().get(0));
        assertEquals(401, client.post("/v1/check", c, "x", null).statusCode());
        assertEquals(401, client.post("/v1/check", c, "x", "wrong-token-wrong-token").statusCode());
        assertEquals(401, client.get("/v1/decisions", null).statusCode());
        HttpResponse<String> health = client.get("/health", null);
        assertEquals(200, health.statusCode());
        JsonNode h = Json.MAPPER.readTree(health.body());
        assertEquals("ok", h.get("status").asText());
        JsonNode e = Json.MAPPER.readTree(client.get("/v1/nothing").body());
        assertEquals("not_found", e.get("code").asText());
    }

    @Test
    void anOversizedCaseIs413() throws Exception {
        byte[] big = new byte[Api.MAX_CASE_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        // several times: the refusal used to race the client still sending the body (connection reset, no 413 read)
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> r = client.post("/v1/check", big, "big.json");
            assertEquals(413, r.statusCode());
            assertEquals("payload_too_large", Json.MAPPER.readTree(r.body()).get("code").asText());
        }
    }

    /**
     * A client that sends its body slowly still reads the refusal: the service reads and drops the rest of a refused
     * body instead of closing under the client, whose kernel would then reset the connection before it reads the 413.
     */
    @Test
    void aSlowOversizedCaseStillReadsItsRefusal() throws Exception {
        int length = Api.MAX_CASE_BYTES + 10;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\nAuthorization: Bearer "
                    + TestClient.TOKEN + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the refusal is decided from the declared length alone, before any of the body arrives
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent < length; sent += chunk.length) out.write(chunk, 0, Math.min(chunk.length, length - sent));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"payload_too_large\""), response);
        }
    }

    /** Each record without what differs between two writers of the same decisions: stamp, hash and link. */
    private static List<com.fasterxml.jackson.databind.JsonNode> unstamped(List<String> lines) throws java.io.IOException {
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(line);
            node.remove(List.of("id", "at", "operator", "hash", "prev"));
            out.add(node);
        }
        return out;
    }
}
