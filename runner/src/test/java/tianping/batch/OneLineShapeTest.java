package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import tianping.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one pipeline writes what the two it replaced wrote. {@code src/test/resources/batch-before/} holds the lines
 * the old {@code batch} and {@code power-batch} wrote (captured from main before the pipeline existed) for every
 * fixture, a mixed input (a broken file, a no-violation case, a JSON Lines file with a blank and an invalid line)
 * and a generated province. Each decided case line must be byte for byte the same; other lines differ only by
 * the documented changes: every error carries {@code file} ({@code {file, path, code, message}}), a blank JSON
 * Lines line is now a rejected line of its own, and power-batch lines carry the common envelope ({@code source},
 * {@code caseId}, {@code decision}, an error {@code path}).
 *
 * <p>After an intended change of decisions, regenerate with {@code mvn verify -Dgolden.update=true} in the same
 * commit as the golden decisions, and review the difference.
 */
class OneLineShapeTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path BEFORE = Path.of("src/test/resources/batch-before");

    private static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void batchOverEveryFixtureWritesTheOldLines() throws Exception {
        Path out = Files.createTempDirectory("tianping-shape").resolve("fixtures.jsonl");
        assertEquals(1, run("batch", "../fixtures", "--out", out.toString(), "--no-log"), "有一个非案件 JSON（读数文件）被拒");
        compareCaseLines(BEFORE.resolve("fixtures.jsonl"), out);
    }

    @Test
    void batchOverMixedInputWritesTheOldLinesAndABlankLineGetsItsOwn() throws Exception {
        Path out = Files.createTempDirectory("tianping-shape").resolve("mixed.jsonl");
        assertEquals(1, run("batch", "src/test/resources/batch-input", "--out", out.toString(), "--no-log"));
        List<String> now = compareCaseLines(BEFORE.resolve("batch-input.jsonl"), out);
        assertTrue(now.stream().anyMatch(l -> l.startsWith("{\"source\":\"src/test/resources/batch-input/mixed.jsonl:2\",\"status\":\"rejected\"")
                && l.contains("\"code\":\"case_blank_line\"")), String.join("\n", now));
    }

    @Test
    void powerBatchWritesTheOldLinesInTheCommonEnvelope() throws Exception {
        Path province = Path.of("target/pipeline-province");
        if (Files.exists(province)) try (var s = Files.walk(province)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertEquals(0, run("power-generate", province.toString(), "--enterprises", "240", "--channels", "2000", "--per-mille", "15"));
        Path out = Files.createTempDirectory("tianping-shape").resolve("province.jsonl");
        assertEquals(1, run("power-batch", "--enterprises", province.resolve("enterprises.jsonl").toString(), "--readings",
                province.resolve("readings.csv").toString(), "--date", "2024-11-20", "--out", out.toString(), "--no-log"));
        List<String> now = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<String> before = UPDATE ? now : Files.readAllLines(BEFORE.resolve("province.jsonl"), StandardCharsets.UTF_8);
        List<String> updated = new ArrayList<>();
        assertEquals(before.size(), now.size());
        for (int i = 0; i < now.size(); i++) {
            String line = masked(now.get(i));
            ObjectNode n = (ObjectNode) Lines.MAPPER.readTree(line);
            JsonNode old = Lines.MAPPER.readTree(masked(before.get(i)));
            assertTrue(n.get("source").asText().startsWith(province.toString()), now.get(i));
            if (old.has("decision")) {
                // the decision is the same bytes
                assertTrue(line.contains("\"decision\":" + Lines.MAPPER.writeValueAsString(old.get("decision")) + "}")
                        || line.contains("\"decision\":" + Lines.MAPPER.writeValueAsString(old.get("decision")) + ","), line);
            }
            n.remove("source");
            if (n.get("decision").isNull()) n.remove("decision");
            if (n.get("caseId").isNull() && n.get("status").asText().equals("unregistered")) n.remove("caseId");
            for (JsonNode e : n.path("errors")) {
                if (e.get("path").isNull() || e.path("code").asText().equals("reading_malformed")) ((ObjectNode) e).remove("path");
            }
            if (UPDATE) updated.add(Lines.MAPPER.writeValueAsString(n));
            else assertEquals(old, n, "第 " + (i + 1) + " 行");
        }
        if (UPDATE) Files.write(BEFORE.resolve("province.jsonl"), updated, StandardCharsets.UTF_8);
    }

    /**
     * The line with its rule-set fingerprint masked: it changes with any edit of the tables (the legal staff's
     * loop adds a row and runs these tests), and GoldenTest leaves it out for the same reason; and without the
     * engine-code fingerprint, which changes with any edit of the code that decides.
     */
    static String masked(String line) {
        return line.replaceAll("\"ruleSet\":\"sha256:[0-9a-f]{64}\"", "\"ruleSet\":\"…\"")
                .replaceAll(",\"engineCode\":\"sha256:[0-9a-f]{64}\"", "");
    }

    /** The line in the old error shape, {path, code, message}. */
    private static String withoutFile(String line) {
        try {
            if (line.contains("\"status\":\"decided\"")) return line;
            ObjectNode n = (ObjectNode) Lines.MAPPER.readTree(line);
            for (JsonNode e : n.path("errors")) ((ObjectNode) e).remove("file");
            return Lines.MAPPER.writeValueAsString(n);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Compares case lines: decided byte for byte, the rest with each error's file set to the line's source. */
    private static List<String> compareCaseLines(Path beforeFile, Path out) throws Exception {
        List<String> now = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<String> comparable = new ArrayList<>();
        for (String line : now) if (!line.contains("\"code\":\"case_blank_line\"")) comparable.add(line);
        if (UPDATE) Files.write(beforeFile, comparable.stream().map(OneLineShapeTest::withoutFile).toList(), StandardCharsets.UTF_8);
        List<String> before = Files.readAllLines(beforeFile, StandardCharsets.UTF_8);
        assertEquals(before.size(), comparable.size(), "每个输入一行（空行另有一行）");
        int identical = 0;
        for (int i = 0; i < before.size(); i++) {
            String a = before.get(i);
            String b = comparable.get(i);
            if (a.contains("\"status\":\"decided\"")) {
                assertEquals(masked(a), masked(b), "决定行逐字节相同（规则集指纹除外）");
                identical++;
                continue;
            }
            ObjectNode n = (ObjectNode) Lines.MAPPER.readTree(b);
            for (JsonNode e : n.path("errors")) assertEquals(n.get("source").asText(), e.get("file").asText(), "错误写明文件：" + b);
            assertEquals(Lines.MAPPER.readTree(a), Lines.MAPPER.readTree(withoutFile(b)), "除 file 外相同：" + b);
        }
        assertTrue(identical > 0 || before.isEmpty());
        return now;
    }
}
