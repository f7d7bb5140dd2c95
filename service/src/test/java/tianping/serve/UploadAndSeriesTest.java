package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A case sent with its raw data (multipart) is decided as `check` decides it from disk, its data references
 * confined to the request's own folder, which is gone after the answer; POST /v1/series shows the curves the
 * power and monitoring derivations worked on; the pages are served from the jar and fetch nothing from outside.
 */
class UploadAndSeriesTest {

    static final Path POWER = Path.of("../fixtures/power/nantong-23h");
    static final Path MONITORING = Path.of("../fixtures/monitoring/shanxi");

    @TempDir
    static Path tmp;
    static Service service;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(new Service.Options("127.0.0.1", 18083, null, tmp.resolve("log"), null, TestClient.TOKEN, false, 1000, 8));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** Parts in order: name → (filename, bytes); a null filename sends a plain field. */
    static HttpResponse<byte[]> multipart(String path, Map<String, List<Object[]>> parts) throws Exception {
        String boundary = "tianping-test-boundary-7f3a";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (var e : parts.entrySet()) {
            for (Object[] p : e.getValue()) {
                b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\""
                        + (p[0] == null ? "" : "; filename=\"" + p[0] + "\"") + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                b.writeBytes((byte[]) p[1]);
                b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + TestClient.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build();
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    static Map<String, List<Object[]>> upload(String caseName, byte[] caseJson, Object[]... data) {
        Map<String, List<Object[]>> parts = new LinkedHashMap<>();
        parts.put("case", List.<Object[]>of(new Object[]{caseName, caseJson}));
        parts.put("data", List.of(data));
        return parts;
    }

    static Object[] file(String name, Path p) throws Exception {
        return new Object[]{name, Files.readAllBytes(p)};
    }

    static List<Path> uploadFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("tianping-upload-")).toList();
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void aPowerCaseWithItsReadingsIsDecidedAsCheckDecidesItFromDisk() throws Exception {
        List<Path> before = uploadFolders();
        byte[] expected = CheckEndpointTest.cli("check", "--json", "--no-log", POWER.resolve("case.json").toString()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = multipart("/v1/check", upload("case.json", Files.readAllBytes(POWER.resolve("case.json")),
                file("readings.csv", POWER.resolve("readings.csv"))));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertArrayEquals(expected, r.body());
        assertTrue(r.headers().firstValue(Api.SEQ_HEADER).isPresent(), "the decision is recorded");
        assertEquals(before, uploadFolders(), "the request's folder is removed after the answer");
    }

    @Test
    void withoutItsDataTheSameCaseIsStillRefusedAsRawData() throws Exception {
        HttpResponse<byte[]> r = new TestClient(service.port()).post("/v1/check", Files.readAllBytes(POWER.resolve("case.json")), "case.json");
        assertEquals(422, r.statusCode());
        assertEquals("raw_data_not_accepted", json(r).path("errors").get(0).path("code").asText());
    }

    @Test
    void aMonitoringCaseNamesItsDataFileWithAFolder() throws Exception {
        Path c = MONITORING.resolve("sx-air-5h.json");
        byte[] expected = CheckEndpointTest.cli("check", "--json", "--no-log", c.toString()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = multipart("/v1/check", upload("sx-air-5h.json", Files.readAllBytes(c),
                file("data/sx-air-5h.hj212", MONITORING.resolve("data/sx-air-5h.hj212"))));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertArrayEquals(expected, r.body());
    }

    @Test
    void aBrowserNamesTheFileByItsBaseNameAndGivesThePathBeforeIt() throws Exception {
        Path c = MONITORING.resolve("sx-air-5h.json");
        Map<String, List<Object[]>> parts = new LinkedHashMap<>();
        parts.put("case", List.<Object[]>of(new Object[]{"sx-air-5h.json", Files.readAllBytes(c)}));
        parts.put("dataPath", List.<Object[]>of(new Object[]{null, "data/sx-air-5h.hj212".getBytes(StandardCharsets.UTF_8)}));
        parts.put("data", List.<Object[]>of(file("sx-air-5h.hj212", MONITORING.resolve("data/sx-air-5h.hj212"))));
        HttpResponse<byte[]> r = multipart("/v1/check", parts);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        parts.put("dataPath", List.<Object[]>of(new Object[]{null, "../sx-air-5h.hj212".getBytes(StandardCharsets.UTF_8)}));
        HttpResponse<byte[]> refused = multipart("/v1/check", parts);
        assertEquals(400, refused.statusCode());
        assertEquals("upload_name_refused", json(refused).path("code").asText());
    }

    @Test
    void referencesLeavingTheRequestsFolderAreRefusedWithLocatedErrors() throws Exception {
        // a file of the server's own, next to the request folders, that an uploaded case tries to reach
        Path secret = Files.writeString(Path.of(System.getProperty("java.io.tmpdir")).resolve("tianping-upload-secret.csv"),
                Files.readString(POWER.resolve("readings.csv")));
        try {
            for (String ref : List.of("../tianping-upload-secret.csv", secret.toAbsolutePath().toString(), "sub/../../tianping-upload-secret.csv")) {
                ObjectNode c = (ObjectNode) Json.MAPPER.readTree(POWER.resolve("case.json").toFile());
                ((ObjectNode) c.get("power")).putArray("readings").add(ref);
                HttpResponse<byte[]> r = multipart("/v1/check", upload("case.json", Json.MAPPER.writeValueAsBytes(c),
                        file("readings.csv", POWER.resolve("readings.csv"))));
                assertEquals(422, r.statusCode(), ref + ": " + new String(r.body(), StandardCharsets.UTF_8));
                JsonNode e = json(r).path("errors").get(0);
                assertEquals("case.json", e.path("file").asText());
                assertEquals("$.power.readings[0]", e.path("path").asText(), ref);
                assertEquals("data_file_outside", e.path("code").asText(), ref);
                assertFalse(e.path("message").asText().contains("enterprise,channel"), "nothing of the file is shown");
            }
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void uploadNamesThatWouldBeWrittenOutsideTheFolderAreRefused() throws Exception {
        List<Path> before = uploadFolders();
        for (String name : List.of("../readings.csv", "/tmp/readings.csv", "a/../../readings.csv", ".hidden", "a\\b.csv", "a//b.csv")) {
            HttpResponse<byte[]> r = multipart("/v1/check", upload("case.json", Files.readAllBytes(POWER.resolve("case.json")),
                    file(name, POWER.resolve("readings.csv"))));
            assertEquals(400, r.statusCode(), name);
            assertEquals("upload_name_refused", json(r).path("code").asText(), name);
        }
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("readings.csv")), "nothing written beside the folders");
        assertEquals(before, uploadFolders(), "refused requests leave no folder");
    }

    @Test
    void aMultipartRequestNeedsItsCasePartAndKnownPartsOnly() throws Exception {
        Map<String, List<Object[]>> noCase = new LinkedHashMap<>();
        noCase.put("data", List.<Object[]>of(file("readings.csv", POWER.resolve("readings.csv"))));
        HttpResponse<byte[]> r = multipart("/v1/check", noCase);
        assertEquals(400, r.statusCode());
        assertEquals("multipart_invalid", json(r).path("code").asText());
        Map<String, List<Object[]>> other = upload("case.json", Files.readAllBytes(POWER.resolve("case.json")));
        other.put("extra", List.<Object[]>of(new Object[]{null, "x".getBytes(StandardCharsets.UTF_8)}));
        assertEquals(400, multipart("/v1/check", other).statusCode());
    }

    @Test
    void powerSeriesShowTheCurvesThresholdsAndEpisodesTheDerivationFound() throws Exception {
        HttpResponse<byte[]> r = multipart("/v1/series", upload("case.json", Files.readAllBytes(POWER.resolve("case.json")),
                file("readings.csv", POWER.resolve("readings.csv"))));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode s = json(r).path("series").get(0);
        assertEquals("power", s.path("kind").asText());
        assertEquals(15, s.path("intervalMinutes").asInt());
        assertEquals(96, s.path("times").size(), "one day of 15-minute slots");
        assertEquals("2021-01-05T00:00", s.path("times").get(0).asText());
        JsonNode t1 = s.path("channels").get(1);
        assertEquals("T1", t1.path("id").asText());
        assertEquals(3.0, t1.path("onKw").asDouble(), "治污设施运行功率比例 0.1 × 30 kW");
        assertEquals(9.0, t1.path("lowKw").asDouble(), "治污设施低负荷比例 0.3 × 30 kW");
        assertEquals(20.0, s.path("channels").get(0).path("onKw").asDouble(), "生产设施运行功率比例 0.1 × 200 kW");
        assertEquals(96, t1.path("kw").size());
        JsonNode p1 = s.path("episodes").get(0);
        assertEquals("P1", p1.path("kind").asText());
        assertEquals("T1", p1.path("subject").asText());
        assertEquals("2021-01-05T01:00", p1.path("from").asText());
        assertEquals(4, p1.path("fromSlot").asInt());
        assertEquals(96, p1.path("toSlot").asInt());
        // the decision's evidence line for P1 is the same episode
        byte[] decision = CheckEndpointTest.cli("check", "--json", "--no-log", POWER.resolve("case.json").toString()).getBytes(StandardCharsets.UTF_8);
        assertTrue(Json.MAPPER.readTree(decision).path("findings").get(0).path("evidence").get(0).asText()
                .startsWith("P1 2021-01-05T01:00 至 2021-01-06T00:00"));
        assertTrue(p1.path("evidence").asText().contains("连续 23 小时"), p1.toString());
    }

    @Test
    void reportedStopsAreInThePowerSeries() throws Exception {
        Path dir = Path.of("../fixtures/power/huxi-pump-off-with-maintenance");
        HttpResponse<byte[]> r = multipart("/v1/series", upload("case.json", Files.readAllBytes(dir.resolve("case.json")),
                file("readings.csv", dir.resolve("readings.csv"))));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode s = json(r).path("series").get(0);
        JsonNode report = s.path("reports").get(0);
        assertEquals("检修", report.path("kind").asText());
        assertEquals("2021-07-14T13:00", report.path("from").asText());
        boolean suppressed = false;
        for (JsonNode e : s.path("episodes")) suppressed |= e.has("suppressed");
        assertTrue(suppressed, "the part a 报备 covers is shown as reported: " + s.path("episodes"));
    }

    @Test
    void monitoringSeriesShowHourlyMeansAgainstTheLimitWithTheExceedance() throws Exception {
        Path c = MONITORING.resolve("sx-air-5h.json");
        HttpResponse<byte[]> r = multipart("/v1/series", upload("sx-air-5h.json", Files.readAllBytes(c),
                file("data/sx-air-5h.hj212", MONITORING.resolve("data/sx-air-5h.hj212"))));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode s = json(r).path("series").get(0);
        assertEquals("monitoring", s.path("kind").asText());
        JsonNode limit = s.path("outlets").get(0).path("limits").get(0);
        assertEquals("a21026", limit.path("code").asText());
        assertEquals(0, limit.path("limit").decimalValue().compareTo(new java.math.BigDecimal("200")));
        assertEquals(24, limit.path("means").size(), "one day of hourly means");
        JsonNode episode = limit.path("episodes").get(0);
        assertEquals("2024-03-01T08:00", episode.path("start").asText());
        assertEquals(5, episode.path("hours").asInt());
        List<String> exceeded = new ArrayList<>();
        for (JsonNode m : limit.path("means")) if (m.path("exceeded").asBoolean()) exceeded.add(m.path("start").asText());
        assertEquals(List.of("2024-03-01T08:00", "2024-03-01T09:00", "2024-03-01T10:00", "2024-03-01T11:00", "2024-03-01T12:00"), exceeded);
    }

    @Test
    void excludedHoursCarryTheirReason() throws Exception {
        // every monitoring fixture whose data leave some hour without a valid mean shows why, hour by hour
        int excludedSeen = 0;
        try (Stream<Path> walk = Files.walk(Path.of("../fixtures/monitoring"))) {
            for (Path c : walk.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("/data/")).sorted().toList()) {
                JsonNode caseJson = Json.MAPPER.readTree(c.toFile());
                if (!caseJson.has("monitoring")) continue;
                List<Object[]> files = new ArrayList<>();
                for (JsonNode d : caseJson.path("monitoring").path("data")) files.add(file(d.asText(), c.getParent().resolve(d.asText())));
                HttpResponse<byte[]> r = multipart("/v1/series", upload(c.getFileName().toString(), Files.readAllBytes(c), files.toArray(Object[][]::new)));
                if (r.statusCode() != 200) continue; // a fixture whose data are refused (its errors are the check's)
                for (JsonNode o : json(r).path("series").get(0).path("outlets")) {
                    for (JsonNode l : o.path("limits")) {
                        for (JsonNode m : l.path("means")) {
                            if (m.path("value").isNull()) {
                                assertFalse(m.path("excluded").asText().isBlank(), c + ": " + m);
                                excludedSeen++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(excludedSeen > 0, "some fixture has excluded hours");
    }

    @Test
    void seriesOfACaseWithoutItsDataAreLocatedErrors() throws Exception {
        HttpResponse<byte[]> r = new TestClient(service.port()).post("/v1/series", Files.readAllBytes(POWER.resolve("case.json")), "case.json");
        assertEquals(422, r.statusCode());
        JsonNode e = json(r).path("errors").get(0);
        assertEquals("$.power.readings[0]", e.path("path").asText());
        assertEquals("data_file_missing", e.path("code").asText());
        HttpResponse<byte[]> none = new TestClient(service.port()).post("/v1/series", Files.readAllBytes(Path.of("../fixtures/cases/shanxi/sx-f-air-applies.json")), "x.json");
        assertEquals(422, none.statusCode());
        assertEquals("no_raw_data", json(none).path("errors").get(0).path("code").asText());
    }

    @Test
    void pagesAreServedFromTheJarAndReferToNothingOutside() throws Exception {
        TestClient client = new TestClient(service.port());
        for (String page : List.of("/", "/pages/", "/pages/index.html", "/pages/decision.html", "/pages/decisions.html", "/pages/batch.html",
                "/pages/audit.html", "/pages/common.js", "/pages/form.js", "/pages/decision.js", "/pages/charts.js", "/pages/style.css")) {
            HttpResponse<String> r = client.get(page, null);
            assertEquals(200, r.statusCode(), page);
            assertFalse(r.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), page + " loads something from outside");
            assertFalse(r.body().contains("url(http"), page);
        }
        HttpResponse<String> echarts = client.get("/pages/lib/echarts.min.js", null);
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.body().length() > 500_000, "ECharts from its webjar");
        assertTrue(echarts.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        JsonNode schema = Json.MAPPER.readTree(client.get("/pages/case.schema.json", null).body());
        assertNotNull(schema.get("$defs"), "the form is generated from the schema the reader enforces");
        JsonNode api = Json.MAPPER.readTree(client.get("/openapi.json", null).body());
        assertTrue(api.path("paths").path("/v1/series").has("post"));
        assertTrue(api.path("paths").path("/v1/check").path("post").path("requestBody").path("content").has("multipart/form-data"));
        assertTrue(api.path("paths").path("/pages/{file}").has("get"));
        assertEquals("POST /v1/series", Api.route("POST", "/v1/series"));
        assertEquals("GET /pages", Api.route("GET", "/pages/index.html"));
        for (String missing : List.of("/pages/../tianping/serve/openapi.json", "/pages/nothing.html", "/pages/lib/x.js", "/pages/%2e%2e/x"))
            assertTrue(client.get(missing, null).statusCode() >= 400, missing);
    }
}
