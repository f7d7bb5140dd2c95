package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.Verifier;
import tianping.cli.Json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service as operators meet it: its rule directory watched, its documents, its metrics, its stop. */
class ServiceBehaviourTest {

    @TempDir
    Path tmp;

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test
    void aBrokenRuleSetKeepsTheOldOneServingAndAFixedOneReplacesIt() throws Exception {
        Path rules = tmp.resolve("rules");
        copyTree(Path.of("../rules/tables"), rules.resolve("tables"));
        copyTree(Path.of("../rules/drl"), rules.resolve("drl"));
        Path caseFile = CheckEndpointTest.cases().get(0);
        // the watcher's timer is set far off: the test drives each look itself
        try (Service s = Service.start(new Service.Options("127.0.0.1", 18083, rules, tmp.resolve("log"), null, TestClient.TOKEN, false, 3_600_000, 8))) {
            TestClient client = new TestClient(s.port());
            String first = client.post("/v1/check", Files.readAllBytes(caseFile), caseFile.toString()).headers().firstValue(Api.RULESET_HEADER).orElseThrow();

            Path drl;
            try (Stream<Path> list = Files.list(rules.resolve("drl"))) {
                drl = list.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
            }
            Files.writeString(drl, "\nrule \"broken\" when then nonsense( end\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            s.rules().poll();
            JsonNode health = Json.MAPPER.readTree(client.get("/health", null).body());
            assertEquals("degraded", health.get("status").asText());
            assertTrue(health.get("ruleSetLoadFailure").get("errors").size() > 0, health.toString());
            HttpResponse<byte[]> still = client.post("/v1/check", Files.readAllBytes(caseFile), caseFile.toString());
            assertEquals(200, still.statusCode());
            assertEquals(first, still.headers().firstValue(Api.RULESET_HEADER).orElseThrow());

            String text = Files.readString(drl, StandardCharsets.UTF_8);
            Files.writeString(drl, text.substring(0, text.indexOf("\nrule \"broken\"")) + "\n// reloaded by the service test\n", StandardCharsets.UTF_8);
            s.rules().poll();
            health = Json.MAPPER.readTree(client.get("/health", null).body());
            assertEquals("ok", health.get("status").asText(), health.toString());
            HttpResponse<byte[]> now = client.post("/v1/check", Files.readAllBytes(caseFile), caseFile.toString());
            String second = now.headers().firstValue(Api.RULESET_HEADER).orElseThrow();
            assertNotEquals(first, second);
            assertEquals(second, Json.MAPPER.readTree(now.body()).get("fingerprints").get("ruleSet").asText());
            assertEquals(1, health.get("reloads").asLong());
        }
    }

    @Test
    void theOpenApiDocumentCoversEveryRouteAndMetricsCountRequests() throws Exception {
        try (Service s = Service.start(new Service.Options("127.0.0.1", 18084, null, tmp.resolve("log"), null, TestClient.TOKEN, false, 3_600_000, 8))) {
            TestClient client = new TestClient(s.port());
            JsonNode doc = Json.MAPPER.readTree(client.get("/openapi.json", null).body());
            assertTrue(doc.get("openapi").asText().startsWith("3."));
            // the committed document is the one served
            assertEquals(Json.MAPPER.readTree(Path.of("src/main/resources/tianping/serve/openapi.json").toFile()), doc);
            for (String route : List.of("POST /v1/check", "POST /v1/batch", "GET /v1/decisions", "GET /v1/decisions/{id}",
                    "POST /v1/decisions/{id}/replay", "GET /v1/rulesets/{fingerprint}", "GET /v1/enterprises/{uscc}/history",
                    "GET /health", "GET /metrics", "GET /openapi.json")) {
                String[] mp = route.split(" ");
                assertTrue(doc.get("paths").has(mp[1]) && doc.get("paths").get(mp[1]).has(mp[0].toLowerCase()), route);
                String concrete = mp[1].replace("{id}", "1").replace("{fingerprint}", "x").replace("{uscc}", "x");
                assertEquals(route, Api.route(mp[0], concrete));
            }
            Path c = CheckEndpointTest.cases().get(0);
            client.post("/v1/check", Files.readAllBytes(c), c.toString());
            client.post("/v1/check", "{}".getBytes(StandardCharsets.UTF_8), "empty.json");
            String metrics = client.get("/metrics").body();
            assertTrue(metrics.contains("tianping_http_requests_total{route=\"POST /v1/check\",status=\"200\"} 1"), metrics);
            assertTrue(metrics.contains("tianping_http_requests_total{route=\"POST /v1/check\",status=\"422\"} 1"), metrics);
            assertTrue(metrics.contains("tianping_decisions_total{outcome=\"rejected\"} 1"), metrics);
            assertTrue(metrics.contains("tianping_ruleset_info{fingerprint=\"" + s.rules().engine().ruleSet().fingerprint() + "\"} 1"), metrics);
            assertTrue(metrics.contains("tianping_http_request_duration_seconds_count{route=\"POST /v1/check\"} 2"), metrics);
            assertEquals(405, client.get("/v1/check").statusCode());
        }
    }

    @Test
    void stoppingFinishesRequestsInFlightAndLosesNoRecord() throws Exception {
        Path log = tmp.resolve("log");
        Service s = Service.start(new Service.Options("127.0.0.1", 18085, null, log, null, TestClient.TOKEN, false, 3_600_000, 16));
        TestClient client = new TestClient(s.port());
        List<Path> cases = CheckEndpointTest.cases();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Path c = cases.get(i % cases.size());
            sent.add(pool.submit(() -> {
                try {
                    return client.post("/v1/check", Files.readAllBytes(c), c.toString()).statusCode();
                } catch (java.io.IOException refused) {
                    return -1; // the connector had closed: never accepted, so nothing to record
                }
            }));
        }
        Thread.sleep(300);
        s.close();
        int ok = 0;
        for (Future<Integer> f : sent) {
            int code = f.get();
            assertTrue(code == 200 || code == -1 || code == 503, "status " + code);
            if (code == 200) ok++;
        }
        pool.shutdown();
        assertTrue(ok > 0);
        Verifier.Result v = Verifier.verify(log.resolve("decisions.jsonl"), null);
        assertTrue(v.ok(), v.problems().toString());
        assertEquals(ok, v.records(), "every answered decision is recorded, and only those");
    }
}
