package tianping.law;

import tianping.facts.ViolationType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one rule set while they are read: opens each table by name and collects every error of every table,
 * so one load reports all of them. The table readers ({@code *Table}) share its small helpers.
 */
final class TableSource {

    private final RuleFiles files;
    private final List<TableError> errors;
    private final Map<String, CsvTable> read = new java.util.LinkedHashMap<>();

    TableSource(RuleFiles files, List<TableError> errors) {
        this.files = files;
        this.errors = errors;
    }

    List<TableError> errors() {
        return errors;
    }

    CsvTable table(String name, String columns, String optional) {
        return table(name, columns, optional, true);
    }

    /**
     * @param required false for the online-monitoring and power tables: rule sets written before them (kept as snapshots
     *                 for replay) still load, and the derivation that needs them reports their absence when used
     */
    CsvTable table(String name, String columns, String optional, boolean required) {
        String path = "tables/" + name;
        byte[] content = files.get(path);
        if (content == null) {
            if (required) errors.add(new TableError(path, 0, "table_missing", "规则集缺少表格 " + path));
            content = (columns + "\n").getBytes(StandardCharsets.UTF_8);
        }
        CsvTable table = new CsvTable(path, content, Arrays.asList(columns.split(",")),
                optional.isEmpty() ? Set.of() : Set.of(optional.split(",")), errors);
        read.put(name, table);
        return table;
    }

    /** Per table file, the allowed values of each enumerated column that its reader checked. */
    Map<String, Map<String, List<String>>> enumerations() {
        Map<String, Map<String, List<String>>> all = new java.util.TreeMap<>();
        read.forEach((name, t) -> {
            if (!t.enumerations().isEmpty()) all.put(name, Map.copyOf(t.enumerations()));
        });
        return all;
    }

    /** An error about a whole table (no line), e.g. a cross-reference only checkable once the table is read. */
    void error(String file, String code, String message) {
        errors.add(new TableError(file, 0, code, message));
    }

    static <V> void put(Map<String, V> map, String key, V value, CsvTable.Row r) {
        if (map.putIfAbsent(key, value) != null) r.error("table_value_error", "编号“" + key + "”重复");
    }

    static void checkViolations(List<String> violations, Map<String, ViolationType> violationTypes, CsvTable.Row r) {
        for (String v : violations) {
            if (!violationTypes.containsKey(v)) {
                r.error("unknown_reference", "违法行为“" + v + "”不在 violation-types.csv 中" + LawBook.didYouMeanViolation(v, violationTypes.values()));
            }
        }
    }

    static boolean overlaps(Validity a, Validity b) {
        return (a.to() == null || !a.to().isBefore(b.from())) && (b.to() == null || !b.to().isBefore(a.from()));
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A cell listing several values, separated by 、 , ， ; or ；. */
    static List<String> split(String cell) {
        if (cell == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : cell.split("[、,，;；]")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
