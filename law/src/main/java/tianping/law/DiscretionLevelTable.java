package tianping.law;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads discretion-levels.csv: each benchmark's factor levels, in table order, by benchmark id. */
final class DiscretionLevelTable {

    private DiscretionLevelTable() {
    }

    static Map<String, List<Benchmark.Level>> read(TableSource src) {
        Map<String, List<Benchmark.Level>> levels = new LinkedHashMap<>();
        for (var r : src.table("discretion-levels.csv", "基准编号,因子,档次,条件,取值,来源", "").rows()) {
            levels.computeIfAbsent(r.text("基准编号"), k -> new ArrayList<>()).add(new Benchmark.Level(r.text("因子"),
                    r.text("档次"), r.conditions("条件", "裁量因子"), r.number("取值"), r.text("来源")));
        }
        return levels;
    }
}
