package tianping.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads benchmarks.csv: each discretion benchmark with its regions and method, joined to its factor levels. */
final class BenchmarkTable {

    private BenchmarkTable() {
    }

    static Map<String, Benchmark> read(TableSource src, Map<String, List<Benchmark.Level>> levels) {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        for (var r : src.table("benchmarks.csv", "基准编号,基准名称,适用地区,计算方式,取整,生效日期,失效日期,来源,"
                + "从重上调,从重最低位置,从轻系数,从轻最高位置,从重从轻来源", "").rows()) {
            String id = r.text("基准编号");
            Benchmark.Method method = Benchmark.Method.of(r.text("计算方式"));
            if (method == null) r.error("table_value_error", "计算方式应为 比例累加 或 因子档次，实际为“" + r.text("计算方式") + "”");
            if (!levels.containsKey(id)) r.error("unknown_reference", "基准“" + id + "”在 discretion-levels.csv 中没有因子档次");
            TableSource.put(benchmarks, id, new Benchmark(id, r.text("基准名称"), TableSource.split(r.text("适用地区")), method, r.number("取整"),
                    r.validity("生效日期", "失效日期"), r.text("来源"), levels.getOrDefault(id, List.of()),
                    new Benchmark.Placement(Benchmark.Direction.UP, place(r, "从重上调"), place(r, "从重最低位置")),
                    new Benchmark.Placement(Benchmark.Direction.DOWN, place(r, "从轻系数"), place(r, "从轻最高位置")),
                    r.text("从重从轻来源")), r);
        }
        for (String id : levels.keySet()) {
            if (!benchmarks.containsKey(id)) src.error("tables/discretion-levels.csv", "unknown_reference", "基准编号“" + id + "”不在 benchmarks.csv 中");
        }
        return benchmarks;
    }

    /** A place or a coefficient within the legal range: a number from 0 to 1 (0.5 = the midpoint); refused otherwise. */
    private static java.math.BigDecimal place(CsvTable.Row r, String column) {
        java.math.BigDecimal v = r.number(column);
        if (v.signum() < 0 || v.compareTo(java.math.BigDecimal.ONE) > 0) {
            r.error("table_value_error", "列“" + column + "”是法定幅度中的位置或系数，应在 0 至 1 之间（0.5 = 中间值），实际为“"
                    + v.toPlainString() + "”");
        }
        return v;
    }
}
