package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 决定书 drafts over HTTP: from a recorded decision, and case in → draft out. */
class DocumentEndpointTest {

    static final Path CASES = Path.of("../fixtures/cases");

    @TempDir
    static Path tmp;
    static Service service;
    static TestClient client;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(new Service.Options("127.0.0.1", 0, null, tmp.resolve("serve-log"), null, TestClient.TOKEN, false, 3_600_000, 8));
        client = new TestClient(service.port());
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + TestClient.TOKEN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String q(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String docxText(byte[] b) throws Exception {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(b))) {
            return d.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void draftFromARecordedDecisionBySeqAndByCaseId() throws Exception {
        Path c = CASES.resolve("shanxi/sx-f-air-fined.json");
        HttpResponse<byte[]> checked = client.post("/v1/check", Files.readAllBytes(c), c.toString());
        assertEquals(200, checked.statusCode());
        String seq = checked.headers().firstValue(Api.SEQ_HEADER).orElseThrow();
        HttpResponse<byte[]> docx = getBytes("/v1/decisions/" + seq + "/document?kind=" + q("处罚") + "&format=docx");
        assertEquals(200, docx.statusCode(), new String(docx.body(), StandardCharsets.UTF_8));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(docx.headers().firstValue("Content-Disposition").orElseThrow().contains("filename*=UTF-8''SX-AIR-02-"
                + q("行政处罚决定书") + ".docx"), docx.headers().toString());
        String text = docxText(docx.body());
        assertTrue(text.contains("罚款人民币贰拾万元整（¥200,000 元）。"), text);
        assertTrue(text.contains("我局于2024年3月2日对你单位进行了调查"), "the recorded case gives the date of discovery: " + text);
        // by case id, as HTML, the notice
        HttpResponse<byte[]> html = getBytes("/v1/decisions/SX-AIR-02/document?kind=" + q("告知") + "&format=html");
        assertEquals(200, html.statusCode());
        assertEquals(seq, html.headers().firstValue(Api.SEQ_HEADER).orElseThrow());
        assertTrue(new String(html.body(), StandardCharsets.UTF_8).contains("应当在我局告知后五日内提出"));
        // a kind that does not fit: 422 with the reason
        HttpResponse<String> wrong = client.get("/v1/decisions/" + seq + "/document?kind=" + q("不予处罚"));
        assertEquals(422, wrong.statusCode());
        JsonNode e = Json.MAPPER.readTree(wrong.body());
        assertEquals("document_kind_mismatch", e.get("code").asText());
        assertTrue(e.get("message").asText().contains("不能制作不予行政处罚决定书。可制作的文书：告知、处罚"), wrong.body());
        assertEquals(400, client.get("/v1/decisions/" + seq + "/document?kind=x").statusCode());
        assertEquals(400, client.get("/v1/decisions/" + seq + "/document?kind=" + q("处罚") + "&format=pdf").statusCode());
        assertEquals(404, client.get("/v1/decisions/999999/document?kind=" + q("处罚")).statusCode());
        assertEquals(401, client.get("/v1/decisions/" + seq + "/document?kind=" + q("处罚"), null).statusCode());
    }

    @Test
    void caseInDraftOutRecordsTheDecisionOnlyWhenTheKindFits() throws Exception {
        byte[] body = Files.readAllBytes(CASES.resolve("quzhou/qz-remind-first.json"));
        long before = service.store().head().count();
        HttpResponse<byte[]> wrong = client.post("/v1/document?kind=" + q("处罚") + "&format=html", body, "qz.json");
        assertEquals(422, wrong.statusCode());
        assertEquals(before, service.store().head().count(), "nothing recorded for a draft that cannot be made");
        HttpResponse<byte[]> ok = client.post("/v1/document?kind=" + q("责令改正") + "&format=html", body, "qz.json");
        assertEquals(200, ok.statusCode(), new String(ok.body(), StandardCharsets.UTF_8));
        assertEquals("text/html; charset=utf-8", ok.headers().firstValue("Content-Type").orElseThrow().toLowerCase());
        String html = new String(ok.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1 class=\"title\">责令改正违法行为决定书</h1>"), html);
        assertTrue(html.contains("依据行政处罚法第二十八条第一款的规定，现责令你单位改正上述环境违法行为。"), html);
        assertEquals(before + 1, service.store().head().count());
        assertEquals(String.valueOf(before + 1), ok.headers().firstValue(Api.SEQ_HEADER).orElseThrow());
        assertEquals(422, client.post("/v1/document?kind=" + q("处罚"), "{}".getBytes(StandardCharsets.UTF_8), "empty.json").statusCode());
        assertEquals(401, client.post("/v1/document?kind=" + q("处罚"), body, "qz.json", null).statusCode());
    }

    @Test
    void theRoutesAreInTheOpenApiDocument() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(Path.of("src/main/resources/tianping/serve/openapi.json").toFile());
        assertTrue(doc.get("paths").get("/v1/decisions/{id}/document").has("get"));
        assertTrue(doc.get("paths").get("/v1/document").has("post"));
        assertEquals("GET /v1/decisions/{id}/document", Api.route("GET", "/v1/decisions/1/document"));
        assertEquals("POST /v1/document", Api.route("POST", "/v1/document"));
    }
}
