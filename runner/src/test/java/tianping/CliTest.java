package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as officers run them: output, errors and exit codes. */
class CliTest {

    private static final String CASE = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkPrintsTheDecisionInChineseByDefaultAndJsonOnRequest() throws Exception {
        Run text = run("check", "--no-log", CASE);
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("结论：不予处罚（首违不罚）；教育"), text.out());
        assertTrue(text.out().contains("规则执行记录"));
        Run json = run("check", "--no-log", "--json", CASE);
        JsonNode d = Json.MAPPER.readTree(json.out());
        assertEquals("SX-AIR-01", d.get("caseId").asText());
        assertEquals("NP-SX-F-AIR", d.at("/findings/0/disposition/rule").asText());
        assertTrue(d.at("/fingerprints/ruleSet").asText().startsWith("sha256:"));
    }

    /**
     * Readings that show no violation are a result, not an input error: check says so and exits 0; batch gives
     * the case the status no_violation and counts it apart from decided and rejected.
     */
    @Test
    void dataShowingNoViolationIsReportedAsSuchNotAsAnError(@TempDir Path dir) throws Exception {
        Path fixture = Fixtures.CASES.getParent().resolve("power").resolve("nantong-23h");
        StringBuilder readings = new StringBuilder();
        for (String line : Files.readAllLines(fixture.resolve("readings.csv"))) {
            String[] f = line.split(",");
            readings.append(f[1].startsWith("T") ? f[0] + "," + f[1] + "," + f[2] + ",50" : line).append('\n');
        }
        Files.writeString(dir.resolve("readings.csv"), readings);
        Files.writeString(dir.resolve("clean.json"), Files.readString(fixture.resolve("case.json")));
        Run text = run("check", "--no-log", dir.resolve("clean.json").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("未发现违法事实") && text.out().contains("$.power：用电数据未发现构成违法事实的异常"), text.out());
        Path out = Files.createTempDirectory("tianping-out").resolve("out.jsonl");
        Run batch = run("batch", "--no-log", dir.toString(), "--out", out.toString());
        assertEquals(0, batch.code(), batch.err());
        assertTrue(batch.err().contains("共 1 件：作出处理意见 0 件，未发现违法事实 1 件，拒绝 0 件"), batch.err());
        assertTrue(Files.readString(out).contains("\"status\":\"no_violation\""));
    }

    /** What the readings show that is no violation (here a production meter silent for two hours) is listed as clues. */
    @Test
    void cluesFromTheReadingsAreShownBesideTheDecision(@TempDir Path dir) throws Exception {
        Path fixture = Fixtures.CASES.getParent().resolve("power").resolve("nantong-23h");
        List<String> kept = Files.readAllLines(fixture.resolve("readings.csv")).stream()
                .filter(l -> !l.matches(".*,P1,2021-01-05T1[01]:.*")).toList();
        Files.write(dir.resolve("readings.csv"), kept);
        Files.writeString(dir.resolve("case.json"), Files.readString(fixture.resolve("case.json")));
        Run text = run("check", "--no-log", dir.resolve("case.json").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("线索（原始数据所示、不构成违法事实，供现场核查）：\n  P8 2021-01-05T10:00 至 2021-01-05T12:00，测点 P1"), text.out());
        JsonNode d = Json.MAPPER.readTree(run("check", "--no-log", "--json", dir.resolve("case.json").toString()).out());
        assertEquals(1, d.get("clues").size());
        assertTrue(Json.MAPPER.readTree(run("check", "--no-log", "--json", CASE).out()).path("clues").isMissingNode(), "没有线索时不写 clues");
    }

    @Test
    void aBadCaseIsRefusedWithFileJsonPathAndExpectation(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(CASE)).replace("\"harm\": \"无\"", "\"harm\": \"没有\""));
        Run r = run("check", "--no-log", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ": $.findings[0].harm: case_schema_error: 取值 \"没有\" 不在允许的取值中"), r.err());
        assertEquals("", r.out());
        Run missing = run("check", "--no-log", dir.resolve("none.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("不存在"), missing.err());
    }

    @Test
    void batchWritesOneLinePerInputCaseInOrderAndCountsEveryCase(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of(CASE), in.resolve("a.json"));
        Files.copy(Fixtures.CASES.resolve("escalation/chengdu-daily-penalty-2015.json"), in.resolve("b.json"));
        Files.writeString(in.resolve("c.json"), "{ \"caseId\": \"BROKEN\", ");
        Files.writeString(in.resolve("readme.txt"), "不是案件");
        String line = Json.MAPPER.readTree(Files.readString(Path.of(CASE))).toString();
        Files.writeString(in.resolve("d.jsonl"), line + "\n\n{\"caseId\":\"X2\"}\n" + line + "\n");
        Path out = dir.resolve("out.jsonl");
        Run r = run("batch", in.toString(), "--out", out.toString(), "--threads", "2", "--log", dir.resolve("log").toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(7, lines.size(), "空行也是一个输入，得一行拒绝");
        List<JsonNode> results = lines.stream().map(l -> { try { return Json.MAPPER.readTree(l); } catch (Exception e) { throw new AssertionError(e); } }).toList();
        assertEquals(List.of("decided", "decided", "rejected", "decided", "rejected", "rejected", "decided"),
                results.stream().map(n -> n.get("status").asText()).toList());
        assertEquals(in.resolve("c.json").toString(), results.get(2).get("source").asText());
        assertEquals("case_syntax_error", results.get(2).at("/errors/0/code").asText());
        assertEquals(in.resolve("c.json").toString(), results.get(2).at("/errors/0/file").asText(), "错误为 {file, path, code, message}");
        assertEquals(in.resolve("d.jsonl") + ":2", results.get(4).get("source").asText());
        assertEquals("case_blank_line", results.get(4).at("/errors/0/code").asText());
        assertEquals(in.resolve("d.jsonl") + ":3", results.get(5).get("source").asText());
        assertEquals("X2", results.get(5).get("caseId").asText());
        assertEquals("$.decisionDate", results.get(5).at("/errors/0/path").asText());
        assertEquals("DAILY-59", results.get(1).at("/decision/findings/0/disposition/rule").asText());
        assertTrue(r.err().contains("共 7 件：作出处理意见 4 件，拒绝 3 件"), r.err());
        assertTrue(r.err().contains("跳过非案件文件 1 个"), r.err());

        String logDir = dir.resolve("log").toString();
        Run replay = run("replay", "--log", logDir);
        assertEquals(0, replay.code(), replay.out());
        assertTrue(replay.out().contains("重放 4 个决定：一致 4，不一致 0，无法重放 0"), replay.out());
        Run head = run("log", "head", "--log", logDir);
        assertEquals(0, head.code());
        Files.writeString(dir.resolve("head.json"), head.out());
        Run verify = run("log", "verify", "--log", logDir, "--head", dir.resolve("head.json").toString());
        assertEquals(0, verify.code(), verify.out());
        assertTrue(verify.out().contains("4 条记录") && verify.out().contains("哈希链完好"), verify.out());
        Run check = run("check", "--log", logDir, CASE);
        assertEquals(0, check.code());
        Run cut = run("log", "verify", "--log", logDir, "--head", dir.resolve("head.json").toString());
        assertEquals(0, cut.code(), "追加后旧链头仍在链中");
        assertTrue(cut.out().contains("5 条记录"), cut.out());
    }

    @Test
    void exitCodesSayWhatWentWrong(@TempDir Path dir) throws Exception {
        assertEquals(2, run("check").code());
        assertEquals(2, run("check", "--frobnicate", CASE).code());
        Files.createDirectories(dir.resolve("drl"));
        Files.createDirectories(dir.resolve("tables"));
        Run broken = run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, broken.code());
        assertTrue(broken.err().contains("table_missing"), broken.err());
        Run vocabulary = run("vocabulary");
        assertEquals(0, vocabulary.code());
        assertTrue(vocabulary.out().contains("日最大累计超标时长"));
    }

    /**
     * Each documented operator mistake ends with its exit code and a Chinese message naming what is wrong, never a
     * stack trace (issue 9 §6).
     */
    @Test
    void operatorMistakesAreClearErrorsWithTheirExitCodes(@TempDir Path dir) throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Path out = dir.resolve("out.jsonl");
        misuse(2, "所在目录 " + dir.resolve("missing") + " 不存在", "batch", CASE, "--out", dir.resolve("missing/out.jsonl").toString(), "--no-log");
        misuse(2, aFile + "：已存在且不是目录", "batch", CASE, "--out", out.toString(), "--log", aFile.toString());
        misuse(2, aFile + "：已存在且不是目录", "check", "--log", aFile.toString(), CASE);
        misuse(3, "ruleset_missing: 规则目录不存在", "check", "--no-log", "--rules", dir.resolve("no-rules").toString(), CASE);
        misuse(2, "不存在", "replay", "--log", dir.resolve("no-log").toString());
        misuse(2, "不认识的选项或多余的参数 --frobnicate", "check", "--frobnicate", CASE);
        misuse(2, "缺少 选项 --out FILE", "batch", CASE);
        misuse(2, "缺少 参数 CASE.json", "check");
        misuse(2, "选项 --date YYYY-MM-DD 的值“2024-13-01”无效", "power-batch", "--enterprises", CASE, "--readings", CASE,
                "--date", "2024-13-01", "--out", out.toString());
        misuse(2, "不能同时使用", "batch", CASE, "--out", out.toString(), "--resume", "--overwrite");
        misuse(2, "就是输入", "batch", CASE, "--out", CASE, "--no-log");

        Path log = dir.resolve("log");
        assertEquals(0, run("check", "--log", log.toString(), CASE).code());
        Path head = Files.writeString(dir.resolve("head.json"), "{\"count\":");
        misuse(2, "不是有效的 JSON（第 1 行", "log", "verify", "--log", log.toString(), "--head", head.toString());
        misuse(2, dir.resolve("no-head.json") + "：不存在", "log", "verify", "--log", log.toString(), "--head", dir.resolve("no-head.json").toString());
    }

    private static void misuse(int code, String message, String... args) {
        Run r = run(args);
        assertEquals(code, r.code(), String.join(" ", args) + "\n" + r.err());
        assertTrue(r.err().contains(message), String.join(" ", args) + "\n" + r.err());
        assertTrue(!r.err().contains("\tat ") && !r.err().contains("Exception"), "不打印堆栈：" + r.err());
    }
}
