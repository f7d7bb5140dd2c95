package tianping.law;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two rule sets, in legal terms ({@code tianping rules diff A B}): table rows added, removed
 * or changed field by field, with the row's source and dates; hand-written rules added, removed or changed; any
 * other file by its content. A row is known by its first column (编号, 参数…), with its dates where one name has
 * several rows over time, so a row that moved within its file is not a change.
 */
public final class RuleSetDiff {

    /** One row, rule or file that differs; {@code key} is the row's id (or rule name) as legal staff know it. */
    public record Change(String file, String key, String kind, List<String> fields, String provenance) {
        /** The id a decision's trace or parameter reads would name: the row's first column. */
        public String id() {
            int bar = key.indexOf('｜');
            return bar < 0 ? key : key.substring(0, bar);
        }

        @Override
        public String toString() {
            return file + "  " + kind + "  " + key + (fields.isEmpty() ? "" : "：" + String.join("；", fields))
                    + (provenance.isEmpty() ? "" : "（" + provenance + "）");
        }
    }

    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"(.*?)^\\s*end\\s*$");

    private RuleSetDiff() {
    }

    public static List<Change> between(RuleFiles a, RuleFiles b) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(a.files().keySet());
        paths.addAll(b.files().keySet());
        for (String path : paths) {
            if (path.startsWith(RuleFiles.GENERATED)) continue; // regenerated from the tables, whose rows are compared
            byte[] x = a.get(path);
            byte[] y = b.get(path);
            if (x != null && y != null && java.util.Arrays.equals(x, y)) continue;
            if (path.endsWith(".csv")) table(path, text(x), text(y), out);
            else if (path.endsWith(".drl")) drl(path, text(x), text(y), out);
            else out.add(new Change(path, path, x == null ? "新增文件" : y == null ? "删除文件" : "修改文件", List.of(), ""));
        }
        return out;
    }

    private static void table(String file, String before, String after, List<Change> out) {
        Map<String, Map<String, String>> x = rows(before);
        Map<String, Map<String, String>> y = rows(after);
        for (Map.Entry<String, Map<String, String>> e : x.entrySet()) {
            Map<String, String> now = y.get(e.getKey());
            if (now == null) {
                out.add(new Change(file, e.getKey(), "删除", List.of(), provenance(e.getValue())));
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String column : header(e.getValue(), now)) {
                String was = e.getValue().getOrDefault(column, "");
                String is = now.getOrDefault(column, "");
                if (!was.equals(is)) fields.add(column + "：“" + was + "” → “" + is + "”");
            }
            if (!fields.isEmpty()) out.add(new Change(file, e.getKey(), "修改", fields, provenance(now)));
        }
        for (Map.Entry<String, Map<String, String>> e : y.entrySet()) {
            if (!x.containsKey(e.getKey())) {
                List<String> fields = new ArrayList<>();
                e.getValue().forEach((k, v) -> {
                    if (!v.isEmpty()) fields.add(k + "：“" + v + "”");
                });
                out.add(new Change(file, e.getKey(), "新增", fields, provenance(e.getValue())));
            }
        }
    }

    /** The columns of either row, in the order the table writes them. */
    private static List<String> header(Map<String, String> a, Map<String, String> b) {
        List<String> columns = new ArrayList<>(a.keySet());
        for (String c : b.keySet()) if (!columns.contains(c)) columns.add(c);
        return columns;
    }

    /** Rows by key: the first column, with the row's dates when the first column repeats, else the line as a last resort. */
    private static Map<String, Map<String, String>> rows(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (text == null) return out;
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CsvTable.FORMAT)) {
            header = parser.getHeaderNames();
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String h : header) row.put(h, r.isSet(h) ? r.get(h) : "");
                rows.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            out.put("（无法解析）", Map.of("内容", text));
            return out;
        }
        if (header.isEmpty()) return out;
        String first = header.get(0);
        Map<String, Integer> seen = new HashMap<>();
        rows.forEach(r -> seen.merge(r.get(first), 1, Integer::sum));
        List<String> dates = header.stream().filter(h -> h.contains("日期")).toList();
        int n = 0;
        for (Map<String, String> r : rows) {
            n++;
            String key = r.get(first);
            if (seen.get(key) > 1) {
                StringBuilder k = new StringBuilder(key);
                for (String d : dates) k.append('｜').append(r.get(d));
                key = k.toString();
            }
            if (out.containsKey(key)) key = key + "｜第 " + n + " 行";
            out.put(key, r);
        }
        return out;
    }

    private static String provenance(Map<String, String> row) {
        List<String> parts = new ArrayList<>();
        for (String column : List.of("来源", "生效日期", "失效日期")) {
            String v = row.get(column);
            if (v != null && !v.isEmpty()) parts.add(column + " " + v);
        }
        return String.join("，", parts);
    }

    private static void drl(String file, String before, String after, List<Change> out) {
        Map<String, String> x = rules(before);
        Map<String, String> y = rules(after);
        x.forEach((name, body) -> {
            if (!y.containsKey(name)) out.add(new Change(file, name, "删除规则", List.of(), ""));
            else if (!Objects.equals(body, y.get(name))) out.add(new Change(file, name, "修改规则", List.of(), ""));
        });
        y.keySet().forEach(name -> {
            if (!x.containsKey(name)) out.add(new Change(file, name, "新增规则", List.of(), ""));
        });
        if (x.isEmpty() && y.isEmpty() && !Objects.equals(before, after)) {
            out.add(new Change(file, file, before == null ? "新增文件" : after == null ? "删除文件" : "修改文件", List.of(), ""));
        }
    }

    /** Each rule's text by rule name, with runs of whitespace as one space (re-indenting is not a change). */
    private static Map<String, String> rules(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) return out;
        Matcher m = RULE.matcher(text);
        while (m.find()) out.put(m.group(1), m.group(2).replaceAll("\\s+", " ").trim());
        return out;
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
