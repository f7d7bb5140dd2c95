package tianping.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * rules/README.md, the legal staff's guide, is run as written (issue 12 point 7): every step in its fenced code
 * blocks — each {@code ./tianping …} command, the {@code mkdir}/{@code cp} that make the working copy and the steps a
 * person does by hand (in parentheses: edit the workbook, rewrite test rows) — is performed in order on a copy of
 * rules/ and fixtures/ in a temporary directory, and each command's exit code and a key part of its output are
 * checked against what the guide says happens. The workbook module is the one place where both the runner's commands
 * and {@code tables …} are on the class path, so every command runs in-process through {@link WorkbookMain#run} (the
 * jar the launcher starts for {@code tables}: the runner's command line with {@code tables} added), in seconds.
 *
 * <p>A command or hand step the guide gains that this test has no expectation for fails it, and so does an
 * expectation whose step the guide no longer has: the guide and this test change together.
 */
class LegalStaffGuideTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path GUIDE = REPO.resolve("rules").resolve("README.md");

    /** The NP-SX-F-AIR condition the guide's example loosens, before and after. */
    private static final String OLD = "日最大累计超标时长 ≤ 4 小时";
    private static final String NEW = "日最大累计超标时长 ≤ 6 小时";
    /** Threshold rows on the not-applying side of 4 hours; with ≤ 6 they apply (each is 4.25 or 5 hours, worked out below). */
    private static final String SHANXI_NOT_APPLYING = ",NP-SX-F-AIR,不适用," + OLD + ",";

    private record Step(int line, String text) {
    }

    private record Run(int code, String out, String err) {
    }

    /** What one command of the guide must do: its arguments as written, exit code, text its output must contain. */
    private record Expect(int code, List<String> contains, Check after) {
    }

    @FunctionalInterface
    private interface Check {
        void verify(Path w, Run r) throws Exception;
    }

    private Path w;
    /** Boundary rows the hand rewrite of step 4 changes: counted before the first test run, which must fail exactly those. */
    private int rowsToRewrite;

    /** Every line of the fenced code blocks that is a step (command or hand step), with its line number. */
    static List<Step> steps(List<String> guide) {
        List<Step> steps = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < guide.size(); i++) {
            String line = guide.get(i).strip();
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) continue;
            // other lines in fences are samples of output or of condition syntax, not steps
            if (line.startsWith("./tianping") || line.startsWith("tianping ") || line.startsWith("mkdir ") || line.startsWith("cp ")
                    || line.startsWith("mvn ") || line.startsWith("（")) {
                steps.add(new Step(i + 1, line));
            }
        }
        return steps;
    }

    @Test
    void everyStepOfTheGuideRunsAndDoesWhatTheGuideSays(@TempDir Path dir) throws Exception {
        w = dir;
        Path rules = Files.createDirectories(w.resolve("rules"));
        for (String sub : List.of("tables", "drl", "tests")) copyTree(REPO.resolve("rules").resolve(sub), rules.resolve(sub));
        copyTree(REPO.resolve("fixtures"), w.resolve("fixtures"));

        Map<String, Expect> commands = commandExpectations();
        Map<String, Check> handSteps = handSteps();
        List<String> used = new ArrayList<>();
        List<Step> steps = steps(Files.readAllLines(GUIDE, StandardCharsets.UTF_8));
        assertTrue(steps.size() >= 10, "the guide's loop: " + steps);
        for (Step step : steps) {
            long start = System.nanoTime();
            String where = "rules/README.md:" + step.line() + "  " + step.text();
            String text = step.text().replaceFirst("\\s+#\\s.*$", "").strip();
            if (text.startsWith("tianping ")) fail(where + "\n命令应写成 ./tianping …（在仓库根目录运行启动器）");
            if (text.startsWith("（")) {
                String key = handSteps.keySet().stream().filter(text::contains).findFirst()
                        .orElseGet(() -> fail(where + "\n本测试不知道如何完成这一手工步骤：在 LegalStaffGuideTest.handSteps 中写明"));
                handSteps.get(key).verify(w, null);
                used.add(key);
            } else if (text.equals("mvn verify")) {
                // `mvn verify` is the build itself (this test runs inside it); .ci/run runs it on every change
                used.add(text);
            } else if (text.startsWith("mkdir ") || text.startsWith("cp ")) {
                shell(text, where);
                used.add(text);
            } else if (text.startsWith("./tianping ")) {
                List<String> words = words(text.substring("./tianping ".length()));
                String written = String.join(" ", words);
                Expect e = commands.get(written);
                if (e == null) fail(where + "\n本测试没有这条命令的预期（退出码与输出）：在 LegalStaffGuideTest.commandExpectations 中写明");
                Run r = run(words);
                assertEquals(e.code(), r.code(), where + "\n退出码\n" + r.out() + r.err());
                for (String s : e.contains()) assertTrue(r.out().contains(s), where + "\n输出应含“" + s + "”：\n" + r.out() + r.err());
                assertTrue(!r.err().contains("Exception") && !r.out().contains("Exception"), where + "\n" + r.err());
                if (e.after() != null) e.after().verify(w, r);
                used.add(written);
            } else {
                fail(where + "\n不认识的步骤");
            }
            // where the seconds go (each command that loads a rule directory compiles it)
            System.err.printf("%.1f s  %s%n", (System.nanoTime() - start) / 1e9, where);
        }
        List<String> expected = new ArrayList<>(commands.keySet());
        expected.addAll(handSteps.keySet());
        expected.removeAll(used);
        assertEquals(List.of(), expected, "本测试预期的这些步骤已不在 rules/README.md 中：指南与测试一起改");
    }

    /** Exit code and key output of each command, as the guide describes it (worked out from the law, not copied). */
    private Map<String, Expect> commandExpectations() {
        Map<String, Expect> m = new LinkedHashMap<>();
        m.put("tables export rules.xlsx --rules rules-new/", new Expect(0, List.of("已导出"),
                (w, r) -> assertTrue(Files.size(w.resolve("rules.xlsx")) > 0)));
        m.put("tables import rules.xlsx rules-new/", new Expect(0, List.of(), (w, r) -> {
            String items = Files.readString(w.resolve("rules-new/tables/no-penalty-items.csv"), StandardCharsets.UTF_8);
            assertTrue(row(items, "NP-SX-F-AIR").contains(NEW), "导入写入了工作簿中的修改");
            // everything else of the table stays as it was
            String before = Files.readString(w.resolve("rules/tables/no-penalty-items.csv"), StandardCharsets.UTF_8);
            assertEquals(before.replace(OLD, NEW), items);
        }));
        // sx-air-5h: one factor, multiple below 0.1, 5 hours in the day (monitoring.csv): only the 4-hour condition
        // failed, so with 6 hours the 山西 first-violation item applies
        m.put("check --rules rules-new/ fixtures/monitoring/shanxi/sx-air-5h.json",
                new Expect(0, List.of("不予处罚（首违不罚）", "NP-SX-F-AIR"), null));
        m.put("test rules-new/", new Expect(1, List.of("boundaries.csv:", "monitoring.csv:", "事项 NP-SX-F-AIR：期望不适用，实际适用",
                "处理结论：期望“罚款”，实际“不予处罚（首违不罚）”"), (w, r) -> {
            // exactly the rows on the loosened side: the boundary rows at 4.25 and 5 hours, and the 5-hour monitoring case
            assertTrue(rowsToRewrite >= 3, "山西 4 小时边界另一侧的测试行：" + rowsToRewrite);
            assertTrue(r.out().contains("未通过 " + (rowsToRewrite + 1) + " 项"), r.out());
        }));
        m.put("test rules-new/ --coverage", new Expect(0, List.of("未通过 0 项", "清单事项：测试中适用", "阈值两侧：",
                "清单事项、罚则全部触及，阈值两侧全部测到。"), null));
        m.put("rules diff rules/ rules-new/", new Expect(0, List.of("共 1 处", "tables/no-penalty-items.csv", "修改  NP-SX-F-AIR",
                OLD + "” → “", NEW), null));
        // of the five 山西 monitoring cases only sx-air-5h (罚款 200,000 元 under 4 hours) moves
        m.put("impact --baseline rules/ --candidate rules-new/ fixtures/monitoring/shanxi/", new Expect(0,
                List.of("规则变更影响：对照 ", "→ 候选 sha256:", "以往案件 5 件，决定改变 1 件", "罚款 200,000 元 → 不予处罚（首违不罚）", "SX-M-2024-002",
                        "因 tables/no-penalty-items.csv  修改  NP-SX-F-AIR"), null));
        m.put("keys generate --out ~/tianping-keys", new Expect(0, List.of("私钥", "公钥"), (w, r) -> {
            assertTrue(Files.exists(w.resolve("home/tianping-keys/private.pem")));
            assertTrue(Files.exists(w.resolve("home/tianping-keys/public.pem")));
        }));
        m.put("rules sign rules/ --key ~/tianping-keys/private.pem --signer 法规处 张三", new Expect(0, List.of("已签名规则集"),
                (w, r) -> assertTrue(Files.readString(w.resolve("rules/rules.sig"), StandardCharsets.UTF_8).contains("法规处 张三"))));
        return m;
    }

    /** The steps a person does by hand, keyed by a phrase of the guide's wording, done here as the guide says. */
    private Map<String, Check> handSteps() {
        Map<String, Check> m = new LinkedHashMap<>();
        m.put("在“不予处罚事项”工作表 NP-SX-F-AIR", (w, r) -> {
            Path xlsx = w.resolve("rules.xlsx");
            Workbook wb;
            try (InputStream in = Files.newInputStream(xlsx)) {
                wb = new XSSFWorkbook(in);
            }
            Sheet s = wb.getSheet("不予处罚事项");
            int column = -1;
            for (Cell c : s.getRow(0)) if (c.getStringCellValue().equals("条件")) column = c.getColumnIndex();
            boolean edited = false;
            for (Row row : s) {
                if (row.getCell(0) == null || !row.getCell(0).getStringCellValue().equals("NP-SX-F-AIR")) continue;
                String cell = row.getCell(column).getStringCellValue();
                assertTrue(cell.contains(OLD), "指南所说的条件：" + cell);
                row.getCell(column).setCellValue(cell.replace(OLD, NEW));
                edited = true;
            }
            assertTrue(edited, "工作表中有 NP-SX-F-AIR");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
            wb.close();
            rowsToRewrite = (int) Files.readAllLines(w.resolve("rules-new/tests/boundaries.csv")).stream()
                    .filter(l -> l.contains(SHANXI_NOT_APPLYING)).count();
        });
        m.put("改写 rules-new/tests/ 中按 4 小时写的测试行", (w, r) -> {
            Path boundaries = w.resolve("rules-new/tests/boundaries.csv");
            List<String> rows = new ArrayList<>();
            for (String l : Files.readAllLines(boundaries, StandardCharsets.UTF_8)) {
                // the rows on the old not-applying side are 4.25 h, 5 h and 3 + 2 = 5 h in the day: all within 6 hours now
                rows.add(l.contains(SHANXI_NOT_APPLYING) ? l.replace(SHANXI_NOT_APPLYING, ",NP-SX-F-AIR,适用,,") : l);
            }
            rows.add("shanxi/sx-f-air-applies,findings[0].exceedances[0].hours,6,NP-SX-F-AIR,适用,,放宽后：当日累计恰 6 小时");
            rows.add("shanxi/sx-f-air-applies,findings[0].exceedances[0].hours,6.25,NP-SX-F-AIR,不适用," + NEW + ",6 小时 15 分钟：超过 6 小时");
            Files.write(boundaries, rows, StandardCharsets.UTF_8);
            Path monitoring = w.resolve("rules-new/tests/monitoring.csv");
            List<String> lines = new ArrayList<>();
            int replaced = 0;
            for (String l : Files.readAllLines(monitoring, StandardCharsets.UTF_8)) {
                if (l.startsWith("../monitoring/shanxi/sx-air-5h,")) {
                    // as sx-air-4h-below-0.1: the first-violation item applies, education, no fine, no production limit
                    l = "../monitoring/shanxi/sx-air-5h,,不予处罚（首违不罚）,NP-SX-F-AIR,,教育,EDU-33-3、NP-SX-F-AIR,LIMIT-30-5、AMT-34,"
                            + "累计超标 5 小时（≤ 6）：单因子、倍数小于 0.1，首违不罚";
                    replaced++;
                }
                lines.add(l);
            }
            assertEquals(1, replaced, "monitoring.csv 中的 sx-air-5h 一行");
            Files.write(monitoring, lines, StandardCharsets.UTF_8);
        });
        return m;
    }

    /** The copy the guide makes with {@code mkdir D && cp -r A B C D/}. */
    private void shell(String text, String where) throws IOException {
        for (String part : text.split("&&")) {
            List<String> a = words(part.strip());
            if (a.get(0).equals("mkdir") && a.size() == 2) {
                Files.createDirectories(w.resolve(a.get(1)));
            } else if (a.get(0).equals("cp") && a.get(1).equals("-r") && a.size() >= 4) {
                Path dest = w.resolve(a.get(a.size() - 1));
                for (String src : a.subList(2, a.size() - 1)) {
                    Path from = w.resolve(src);
                    copyTree(from, Files.isDirectory(dest) ? dest.resolve(from.getFileName()) : dest);
                }
            } else {
                fail(where + "\n本测试只会 mkdir 与 cp -r");
            }
        }
    }

    /**
     * Runs a command of the guide in-process with its paths taken in the temporary copy: relative paths against it,
     * {@code ~} as its home/, and the decision log (the working directory's .tianping/ when the guide runs it) in it.
     */
    private Run run(List<String> written) throws IOException {
        List<String> args = new ArrayList<>();
        for (String a : written) {
            if (a.startsWith("~/")) args.add(w.resolve("home").resolve(a.substring(2)).toString());
            else if (!a.startsWith("-") && (a.contains("/") || a.endsWith(".xlsx") || a.endsWith(".json"))) args.add(w.resolve(a).toString());
            else args.add(a);
        }
        if (args.get(0).equals("check") && !args.contains("--log") && !args.contains("--no-log")) {
            args.add("--log");
            args.add(w.resolve(".tianping").toString());
        }
        Files.createDirectories(w.resolve("home"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbookMain.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Shell words: split at spaces, double quotes keep spaces. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
        return words;
    }

    private static String row(String csv, String id) {
        return csv.lines().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Predicate<Path> keep = p -> !p.toString().contains("/target/");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(keep).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The extraction itself: a command added to a fenced block is a step; output samples in fences are not. */
    @Test
    void aCommandAddedToTheGuideIsAStepThatNeedsAnExpectation() {
        List<Step> s = steps(List.of("文字 ./tianping check 不在代码块中", "```", "./tianping vocabulary   # 新命令", "未通过  rules/tests/cases.csv:12",
                "共 150 项测试", "```"));
        assertEquals(1, s.size());
        assertEquals(3, s.get(0).line());
        assertEquals("vocabulary", String.join(" ", words(s.get(0).text().replaceFirst("\\s+#\\s.*$", "").substring("./tianping ".length()))));
        assertTrue(commandExpectations().get("vocabulary") == null, "a command nobody wrote an expectation for");
    }
}
