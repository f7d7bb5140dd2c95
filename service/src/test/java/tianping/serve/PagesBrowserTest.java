package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tianping.cli.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The officers' pages driven as a person uses them, in a real headless Chromium (Debian's chromium and
 * chromium-driver; .ci/run installs them): fill the case form and submit, see an error beside its field, read
 * the decision, open a power case and find the shaded P1 episode in its chart, find the 决定书 download link, use
 * the decisions list, the batch summary and the audit view. Screenshots go to target/browser-screenshots/.
 * Skipped when the browser is not installed, unless it is required — {@code -Dbrowser.required=true}, or the
 * environment variable {@code TIANPING_BROWSER_REQUIRED=1} that {@code .ci/run} sets — where that fails.
 * Only 127.0.0.1: the service on 18084, chromedriver on 18085, Chromium's DevTools on 18086.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/browser-screenshots");
    static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    static Path tmp;
    static Service service;
    static ChromeDriverService driverService;
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && (Boolean.getBoolean("browser.required") || "1".equals(System.getenv("TIANPING_BROWSER_REQUIRED")))) {
            fail("浏览器测试要求 " + CHROMIUM + " 与 " + CHROMEDRIVER + "（apt-get install chromium chromium-driver），未找到");
        }
        assumeTrue(present, "未安装 chromium 与 chromium-driver：跳过浏览器测试");
        service = Service.start(new Service.Options("127.0.0.1", 18084, null, tmp.resolve("log"), null, TestClient.TOKEN, false, 1000, 8));
        base = "http://127.0.0.1:" + service.port();
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingPort(18085)
                .withTimeout(Duration.ofSeconds(30)).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--remote-debugging-port=18086", "--window-size=1280,1800", "--lang=zh-CN",
                "--user-data-dir=" + Files.createDirectory(tmp.resolve("chromium-profile")));
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        options.setScriptTimeout(Duration.ofSeconds(30));
        driver = new ChromeDriver(driverService, options);
        Files.createDirectories(SHOTS);
        // the token the pages send, as an officer types it into the bar once
        driver.get(base + "/pages/index.html");
        js("localStorage.setItem('tianping.token', arguments[0]);", TestClient.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (driverService != null) driverService.stop();
            if (service != null) service.close();
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    static void shot(String name) throws Exception {
        // the whole page, not only the window: widen the window to the document's height first
        Number h = (Number) js("return Math.min(8000, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.max(900, h.intValue())));
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
    }

    static String abs(String fixture) {
        return Path.of("..", fixture).toAbsolutePath().normalize().toString();
    }

    static WebElement field(String css) {
        return await(By.cssSelector(css));
    }

    static void type(String css, String text) {
        WebElement e = field(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Waits for the decision page after a submit; a rejection shown on the form fails with its located errors. */
    static WebElement decisionShown() {
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.id("outcome")).isEmpty() || !d.findElements(By.cssSelector(".error-box")).isEmpty());
        List<WebElement> errors = driver.findElements(By.cssSelector(".error-box"));
        if (!errors.isEmpty() && driver.findElements(By.id("outcome")).isEmpty()) {
            fail("提交被拒：" + errors.get(0).getText() + " " + driver.findElements(By.cssSelector(".field-error")).stream()
                    .map(e -> e.getAttribute("data-path") + " " + e.getText()).toList());
        }
        return driver.findElement(By.id("outcome"));
    }

    static JsonNode cliDecision(String fixture) throws Exception {
        return Json.MAPPER.readTree(CheckEndpointTest.cli("check", "--json", "--no-log", Path.of("..", fixture).toString()));
    }

    @Test
    @Order(1)
    void anOfficerFillsTheFormSeesTheErrorBesideItsFieldAndReadsTheDecision() throws Exception {
        driver.get(base + "/pages/index.html");
        await(By.cssSelector("[data-key=caseId]"));
        // start from a case file, then type what differs, as an officer reusing a similar case would
        driver.findElement(By.id("case-file")).sendKeys(abs("fixtures/cases/shanxi/sx-f-air-applies.json"));
        new WebDriverWait(driver, WAIT).until(d -> !d.findElement(By.cssSelector("[data-key=caseId]")).getAttribute("value").isEmpty());
        type("[data-key=caseId]", "SX-BROWSER-1");
        type("fieldset[data-key=enterprise] [data-key=name]", "太原市某热电有限公司（浏览器录入）");
        type("fieldset[data-key=enterprise] [data-key=uscc]", "91001001MA0001001X"); // wrong check digit
        new org.openqa.selenium.support.ui.Select(field("fieldset[data-key=findings] [data-key=harm]")).selectByVisibleText("轻微");
        driver.findElement(By.id("submit")).click();
        WebElement error = await(By.cssSelector(".field-error[data-path='$.enterprise.uscc']"));
        assertTrue(error.getText().contains("校验位") || error.getText().contains("统一社会信用代码"), error.getText());
        WebElement row = error.findElement(By.xpath(".."));
        assertTrue(row.findElement(By.cssSelector("[data-key=uscc]")).isDisplayed(), "the error stands beside the uscc field");
        shot("01-form-error-beside-field");

        type("fieldset[data-key=enterprise] [data-key=uscc]", "91001001MA0001001U");
        driver.findElement(By.id("submit")).click();
        WebElement outcome = decisionShown();
        assertTrue(driver.getCurrentUrl().contains("decision.html?id="), driver.getCurrentUrl());
        JsonNode expected = cliDecision("fixtures/cases/shanxi/sx-f-air-applies.json");
        assertEquals("结论：" + expected.path("summary").asText(), outcome.getText());
        assertEquals("罚款合计：0 元", driver.findElement(By.id("amount")).getText());
        // the why table: every condition with its actual value, requirement and whether it is met
        List<WebElement> cells = driver.findElements(By.cssSelector("table.why td.yes"));
        assertTrue(cells.size() >= 10, "conditions of NP-SX-F-AIR shown: " + cells.size());
        assertTrue(driver.getPageSource().contains("小时均值最大超标倍数 &lt; 0.1") || driver.getPageSource().contains("小时均值最大超标倍数 < 0.1"));
        WebElement trace = driver.findElement(By.id("trace"));
        assertEquals(null, trace.getAttribute("open"), "the rule trace is folded");
        assertTrue(driver.findElement(By.id("fingerprints")).getText().contains("sha256:"));
        assertTrue(driver.findElement(By.cssSelector("a.document-link[data-kind='不予处罚']")).getAttribute("href")
                .matches(".*/v1/decisions/\\d+/document\\?kind=%E4%B8%8D%E4%BA%88%E5%A4%84%E7%BD%9A&format=docx"));
        shot("02-decision");
    }

    @Test
    @Order(2)
    void aPowerCaseShowsTheShadedP1EpisodeInItsChart() throws Exception {
        driver.get(base + "/pages/index.html");
        await(By.cssSelector("[data-key=caseId]"));
        driver.findElement(By.id("case-file")).sendKeys(abs("fixtures/power/nantong-23h/case.json"));
        new WebDriverWait(driver, WAIT).until(d -> "NANTONG-23H".equals(d.findElement(By.cssSelector("[data-key=caseId]")).getAttribute("value")));
        driver.findElement(By.id("data-files")).sendKeys(abs("fixtures/power/nantong-23h/readings.csv"));
        driver.findElement(By.id("submit")).click();
        decisionShown();
        WebElement chart = await(By.id("power-chart-0"));
        new WebDriverWait(driver, WAIT).until(d -> js("return !!echarts.getInstanceByDom(arguments[0]);", chart).equals(Boolean.TRUE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> areas = (List<Map<String, Object>>) js(
                "const o = echarts.getInstanceByDom(arguments[0]).getOption();"
                        + "return o.series.flatMap(s => ((s.markArea || {}).data || []).map(d => ({name: d[0].name, from: d[0].xAxis, to: d[1].xAxis, series: s.name})));", chart);
        Map<String, Object> p1 = areas.stream().filter(a -> "P1".equals(a.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no markArea named P1: " + areas));
        assertEquals("2021-01-05T01:00", p1.get("from"));
        assertEquals("2021-01-05T23:45", p1.get("to"), "the last slot of the episode [01:00, 24:00)");
        assertTrue(String.valueOf(p1.get("series")).startsWith("T1"), "shaded on the treatment channel's curve");
        @SuppressWarnings("unchecked")
        List<Object> thresholds = (List<Object>) js("const o = echarts.getInstanceByDom(arguments[0]).getOption();"
                + "return o.series.flatMap(s => ((s.markLine || {}).data || []).map(d => d.yAxis));", chart);
        assertTrue(thresholds.contains(3L) || thresholds.contains(3.0), "T1 running threshold 3 kW drawn: " + thresholds);
        assertTrue(thresholds.contains(20L) || thresholds.contains(20.0), "P1 running threshold 20 kW drawn: " + thresholds);
        assertTrue(driver.findElements(By.cssSelector("a.document-link")).size() >= 2, "决定书 links (处罚、告知、责令改正)");
        assertTrue(driver.findElement(By.cssSelector("a.document-link[data-kind='处罚']")).getAttribute("href").endsWith("&format=docx"));
        js("arguments[0].scrollIntoView();", chart);
        shot("03-power-decision-chart");
    }

    @Test
    @Order(3)
    void theDecisionsListFindsTheCaseByItsId() throws Exception {
        driver.get(base + "/pages/decisions.html?caseId=NANTONG-23H");
        WebElement row = await(By.cssSelector("#results tbody tr"));
        assertTrue(row.getText().contains("NANTONG-23H") && row.getText().contains("罚款"), row.getText());
        assertEquals(1, driver.findElements(By.cssSelector("#results tbody tr")).size());
        shot("04-decisions-list");
        row.findElement(By.tagName("a")).click();
        assertTrue(await(By.id("verify")).getText().contains("完好"));
        // a stored power decision keeps no readings: the chart comes after choosing them again
        WebElement upload = await(By.id("series-files"));
        if (driver.findElements(By.id("power-chart-0")).isEmpty()) {
            upload.sendKeys(abs("fixtures/power/nantong-23h/readings.csv"));
            driver.findElement(By.id("series-draw")).click();
        }
        await(By.id("power-chart-0"));
    }

    @Test
    @Order(4)
    void theBatchSummaryCountsByOutcomeAndListsTheRejected() throws Exception {
        Path jsonl = tmp.resolve("cases.jsonl");
        StringBuilder b = new StringBuilder();
        for (String c : List.of("fixtures/cases/shanxi/sx-f-air-applies.json", "fixtures/cases/warnings/red-after-yellow.json")) {
            b.append(Json.MAPPER.readTree(Path.of("..", c).toFile()).toString()).append('\n');
        }
        b.append("{\"caseId\": \"BROKEN\"}\n");
        Files.writeString(tmp.resolve("cases.jsonl"), b, StandardCharsets.UTF_8);
        driver.get(base + "/pages/batch.html");
        await(By.id("batch-file")).sendKeys(jsonl.toAbsolutePath().toString());
        WebElement totals = await(By.id("totals"));
        assertTrue(totals.getText().startsWith("共 3 行"), totals.getText());
        String outcomes = driver.findElement(By.id("by-outcome")).getText();
        assertTrue(outcomes.contains("不予处罚") && outcomes.contains("拒收"), outcomes);
        assertTrue(driver.findElement(By.id("by-warning")).getText().contains("红色预警"));
        String rejected = driver.findElement(By.id("rejected")).getText();
        assertTrue(rejected.contains("BROKEN") && rejected.contains("case_schema_error"), rejected);
        assertTrue(driver.findElement(By.id("download")).isDisplayed(), "CSV download offered");
        String csv = ((String) js("return csv();")).replace("\r", "");
        assertTrue(csv.startsWith("\ufeff维度,取值,件数\n"), csv);
        assertTrue(csv.contains("最重处理结论,罚款,1") && csv.contains("BROKEN"), csv);
        shot("05-batch-summary");
    }

    @Test
    @Order(5)
    void thePowerBatchSummaryCountsAProvinceDayByStatusEpisodeAndRejection() throws Exception {
        Path day = tmp.resolve("province");
        CheckEndpointTest.cli("power-generate", day.toString(), "--enterprises", "40", "--channels", "300", "--per-mille", "100");
        Path out = tmp.resolve("power-batch.jsonl");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = tianping.cli.Main.run(new String[]{"power-batch", "--enterprises", day.resolve("enterprises.jsonl").toString(),
                "--readings", day.resolve("readings.csv").toString(), "--date", "2024-11-20", "--out", out.toString(), "--no-log"},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertTrue(code == 0 || code == 1, err.toString());
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        int lines = 0;
        for (String line : Files.readAllLines(out)) {
            byStatus.merge(Json.MAPPER.readTree(line).path("status").asText(), 1, Integer::sum);
            lines++;
        }
        driver.get(base + "/pages/batch.html");
        await(By.id("batch-file")).sendKeys(out.toAbsolutePath().toString());
        assertTrue(await(By.id("totals")).getText().startsWith("共 " + lines + " 行"));
        String status = driver.findElement(By.id("by-status")).getText();
        Map<String, String> names = Map.of("decided", "作出处理意见", "clean", "无异常", "clues", "仅有线索", "rejected", "拒收", "unregistered", "名录外企业");
        for (var e : byStatus.entrySet()) assertTrue(status.contains(names.getOrDefault(e.getKey(), e.getKey()) + " " + e.getValue()), e + " in " + status);
        assertTrue(driver.findElement(By.id("by-episode")).getText().contains("P1"), "episodes counted by kind");
        Number regionSum = (Number) js("return [...document.querySelectorAll('#by-region tr')].slice(1).reduce((n, r) => n + Number(r.cells[1].textContent), 0);");
        assertEquals(lines, regionSum.intValue(), "every line counted in one region");
        if (byStatus.containsKey("rejected")) {
            assertTrue(driver.findElement(By.id("rejected")).getText().contains("reading_conflicting_duplicate"));
        }
        shot("06-power-batch-summary");
    }

    @Test
    @Order(6)
    void theAuditViewVerifiesTheChainAndReplaysARecord() throws Exception {
        driver.get(base + "/pages/audit.html");
        await(By.id("record-count"));
        driver.findElement(By.id("verify-page")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.findElement(By.id("chain-status")).getText().isEmpty());
        String status = driver.findElement(By.id("chain-status")).getText();
        assertTrue(status.contains("完好"), status);
        driver.findElement(By.cssSelector("#chain tbody tr button")).click();
        WebElement replay = await(By.id("replay-status"));
        new WebDriverWait(driver, WAIT).until(d -> !d.findElement(By.id("replay-status")).getText().isEmpty());
        assertTrue(replay.getText().contains("一致"), replay.getText());
        shot("07-audit");
    }

    @Test
    @Order(7)
    void aMonitoringCaseShowsHourlyMeansAgainstTheLimitWithTheExceedanceMarked() throws Exception {
        driver.get(base + "/pages/index.html");
        await(By.cssSelector("[data-key=caseId]"));
        driver.findElement(By.id("case-file")).sendKeys(abs("fixtures/monitoring/shanxi/sx-air-5h.json"));
        new WebDriverWait(driver, WAIT).until(d -> !d.findElement(By.cssSelector("[data-key=caseId]")).getAttribute("value").isEmpty());
        // the browser sends the base name; the page names the upload as the case does (data/sx-air-5h.hj212)
        driver.findElement(By.id("data-files")).sendKeys(abs("fixtures/monitoring/shanxi/data/sx-air-5h.hj212"));
        driver.findElement(By.id("submit")).click();
        assertEquals("结论：" + cliDecision("fixtures/monitoring/shanxi/sx-air-5h.json").path("summary").asText(), decisionShown().getText());
        WebElement chart = await(By.id("monitoring-chart-0"));
        new WebDriverWait(driver, WAIT).until(d -> js("return !!echarts.getInstanceByDom(arguments[0]);", chart).equals(Boolean.TRUE));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) js("const o = echarts.getInstanceByDom(arguments[0]).getOption(); const s = o.series[0];"
                + "return {areas: (s.markArea.data || []).map(d => d[0].name + '@' + d[0].xAxis + '~' + d[1].xAxis),"
                + " limit: s.markLine.data.map(d => d.yAxis), hours: o.xAxis[0].data.length,"
                + " red: s.data.filter(d => d && d.itemStyle.color === '#c62828').length};", chart);
        assertEquals(List.of("超标 5 小时@2024-03-01 08:00~2024-03-01 12:00"), seen.get("areas"));
        assertEquals(24L, seen.get("hours"));
        assertEquals(5L, seen.get("red"), "the five exceeding hourly means drawn red");
        assertTrue(seen.get("limit").toString().contains("200"), seen.toString());
        js("arguments[0].scrollIntoView();", chart);
        shot("08-monitoring-chart");
    }

    /** What the form leaves out: the fields derivation writes, and empty arrays and objects (an unfilled section). */
    static JsonNode asTheFormKeepsIt(JsonNode n) {
        if (n.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode o = Json.MAPPER.createObjectNode();
            n.fields().forEachRemaining(e -> {
                if (List.of("$schema", "clues", "derivedFrom", "monitoringReport").contains(e.getKey())) return;
                JsonNode v = asTheFormKeepsIt(e.getValue());
                if (!(v.isContainerNode() && v.isEmpty())) o.set(e.getKey(), v);
            });
            return o;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = Json.MAPPER.createArrayNode();
            n.forEach(x -> a.add(asTheFormKeepsIt(x)));
            return a;
        }
        // JavaScript writes 1.0 as 1: the same number to the reader
        if (n.isNumber()) return Json.MAPPER.getNodeFactory().numberNode(n.decimalValue().stripTrailingZeros());
        return n;
    }

    @Test
    @Order(8)
    void everyExampleCaseRoundTripsThroughTheGeneratedForm() throws Exception {
        driver.get(base + "/pages/index.html");
        await(By.cssSelector("[data-key=caseId]"));
        new WebDriverWait(driver, WAIT).until(d -> js("return !!window.caseForm;").equals(Boolean.TRUE));
        List<Path> cases = new java.util.ArrayList<>(CheckEndpointTest.cases());
        for (String dir : List.of("../fixtures/power", "../fixtures/monitoring")) {
            try (var walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json") && !p.toString().contains("/data/"))
                        .sorted().forEach(cases::add);
            }
        }
        int n = 0;
        for (Path c : cases) {
            JsonNode original = Json.MAPPER.readTree(c.toFile());
            if (!original.isObject()) continue;
            String back = (String) js("caseForm.set(JSON.parse(arguments[0])); return JSON.stringify(caseForm.value() || {});", original.toString());
            assertEquals(asTheFormKeepsIt(original), asTheFormKeepsIt(Json.MAPPER.readTree(back)), c.toString());
            n++;
        }
        assertTrue(n > 80, "cases round-tripped: " + n);
    }
}
