package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service fills history from its store by default: 廊坊's ladder counts LF-01's 帮扶 decided by the service
 * itself, so the same enterprise's next minor violation is 督导; the record replays identically.
 */
class HistoryFromStoreServiceTest {

    @TempDir
    Path tmp;

    @Test
    void theLadderCountsWhatTheServiceDecidedBefore() throws Exception {
        byte[] first = Files.readAllBytes(Path.of("../fixtures/cases/langfang/lf-1-assistance.json"));
        ObjectNode c = (ObjectNode) Json.MAPPER.readTree(first);
        c.put("caseId", "LF-01-B").put("decisionDate", "2024-09-20");
        ObjectNode f = (ObjectNode) c.get("findings").get(0);
        f.put("actDate", "2024-09-01").put("discoveredOn", "2024-09-03");
        f.putObject("correction").put("orderedOn", "2024-09-03").put("correctedOn", "2024-09-05");
        byte[] second = Json.MAPPER.writeValueAsBytes(c);
        try (Service s = Service.start(new Service.Options("127.0.0.1", 0, null, tmp.resolve("log"), null, TestClient.TOKEN, false,
                3_600_000, 8, true))) {
            TestClient client = new TestClient(s.port());
            assertEquals("帮扶；教育", Json.MAPPER.readTree(client.post("/v1/check", first, "lf-01.json").body()).get("summary").asText());
            HttpResponse<byte[]> r = client.post("/v1/check", second, "lf-01-b.json");
            assertEquals(200, r.statusCode());
            JsonNode d = Json.MAPPER.readTree(r.body());
            assertEquals("督导；教育", d.get("summary").asText());
            assertTrue(d.get("historySources").get(0).asText().startsWith("T1-F1：决定记录 seq 1（案件 LF-01，帮扶） sha256:"), d.toString());
            JsonNode replay = Json.MAPPER.readTree(client.post("/v1/decisions/2/replay", new byte[0], null).body());
            assertEquals("一致", replay.get("status").asText(), replay.toString());
        }
        // switched off, the service answers for the case as sent
        try (Service s = Service.start(new Service.Options("127.0.0.1", 0, null, tmp.resolve("log"), null, TestClient.TOKEN, false,
                3_600_000, 8, false))) {
            JsonNode d = Json.MAPPER.readTree(new TestClient(s.port()).post("/v1/check", second, "lf-01-b.json").body());
            assertEquals("帮扶；教育", d.get("summary").asText());
            assertFalse(d.has("historySources"));
        }
    }
}
