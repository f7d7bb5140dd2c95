package tianping.lawtest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the tests of a rule set: every {@code *.csv} under its tests directory, in path order. One row is one
 * test; which columns a file has decides what its rows check, so the case expectations (案件, 违法事实, 处理结论, …)
 * and the threshold tests (基础案件, 字段, 取值, 事项, 期望, 失败条件) are both read as they were written before
 * they moved here. A header this reader does not know is an error naming the file and the column, never ignored.
 */
public final class RuleTestFiles {

    /** The columns a test can check; see rules/README.md. */
    public static final Set<String> CHECKED = Set.of("处理结论", "处理结论规则", "罚款", "成立措施", "预警", "应触发", "不应触发",
            "事项", "期望", "失败条件", "应适用事项", "不应适用事项", "违反条款");
    private static final Set<String> OTHER = Set.of("案件", "基础案件", "违法事实", "字段", "取值", "改动", "说明");

    private RuleTestFiles() {
    }

    /** Every test file under a tests directory (none when it does not exist), in path order. */
    public static List<Path> files(Path testsDir) throws IOException {
        if (!Files.isDirectory(testsDir)) return List.of();
        try (Stream<Path> walk = Files.walk(testsDir)) {
            return walk.filter(p -> p.toString().endsWith(".csv") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** The tests of one file; {@code problems} receives located errors for rows or headers that cannot be tests. */
    public static List<RuleTest> read(Path file, String shownAs, List<String> problems) throws IOException {
        List<RuleTest> tests = new ArrayList<>();
        List<CSVRecord> rows;
        List<String> header;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            problems.add(shownAs + ":1: test_encoding: 不是 UTF-8 编码（Excel 请另存为“CSV UTF-8”）");
            return tests;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader r = new java.io.StringReader(text)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).get().parse(r);
            header = parser.getHeaderNames();
            rows = parser.getRecords();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            problems.add(shownAs + ":1: test_csv: 无法读取：" + e.getMessage());
            return tests;
        }
        for (String column : header) {
            if (!CHECKED.contains(column) && !OTHER.contains(column)) {
                problems.add(shownAs + ":1: test_column: 不认识的列“" + column + "”，可用的列：" + String.join("、", known()));
            }
        }
        boolean fixture = header.contains("案件");
        boolean based = header.contains("基础案件");
        if (fixture == based) {
            problems.add(shownAs + ":1: test_column: 须有且只有“案件”或“基础案件”一列之一");
            return tests;
        }
        for (CSVRecord row : rows) {
            long line = lineOf(text, row);
            if (!row.isConsistent()) {
                problems.add(shownAs + ":" + line + ": test_row: 本行有 " + row.size() + " 列，表头有 " + header.size() + " 列");
                continue;
            }
            Map<String, String> cells = row.toMap();
            String caseName = cells.get(fixture ? "案件" : "基础案件").trim();
            if (caseName.isEmpty()) {
                problems.add(shownAs + ":" + line + ": test_row: 未写案件");
                continue;
            }
            List<Map.Entry<String, String>> overrides = new ArrayList<>();
            if (cells.containsKey("字段") && !cells.get("字段").isBlank()) {
                overrides.add(Map.entry(cells.get("字段").trim(), cells.getOrDefault("取值", "")));
            }
            String more = cells.getOrDefault("改动", "");
            for (String change : more.split("[；;]")) {
                if (change.isBlank()) continue;
                int eq = change.indexOf('=');
                if (eq < 0) {
                    problems.add(shownAs + ":" + line + ": test_row: 改动“" + change.trim() + "”应写成 字段 = 取值");
                    continue;
                }
                overrides.add(Map.entry(change.substring(0, eq).trim(), change.substring(eq + 1).trim()));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (String column : header) if (CHECKED.contains(column)) expected.put(column, cells.get(column).trim());
            if (!expected.containsKey("事项") && cells.containsKey("期望")) expected.remove("期望");
            String finding = cells.getOrDefault("违法事实", "").trim();
            String title = caseName + (finding.isEmpty() ? "" : " " + finding)
                    + (overrides.isEmpty() ? "" : "，" + String.join("；", overrides.stream().map(o -> o.getKey() + " = " + o.getValue()).toList()))
                    + (expected.containsKey("事项") ? " → " + expected.get("事项") + " " + expected.getOrDefault("期望", "") : "");
            tests.add(new RuleTest(shownAs, line, title, caseName, List.copyOf(overrides), finding, expected));
        }
        return tests;
    }

    /**
     * The line a row starts on, which is what legal staff look for: Commons CSV gives the record's character
     * position, which may point at the comment or blank lines before it, so those are skipped.
     */
    private static long lineOf(String text, CSVRecord row) {
        int pos = (int) Math.min(row.getCharacterPosition(), text.length());
        long line = 1;
        for (int i = 0; i < pos; i++) if (text.charAt(i) == '\n') line++;
        while (pos < text.length() && (text.charAt(pos) == '#' || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            int end = text.indexOf('\n', pos);
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        return line;
    }

    private static List<String> known() {
        List<String> all = new ArrayList<>(OTHER);
        all.addAll(CHECKED);
        return all.stream().sorted().toList();
    }
}
