package tianping.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads parameters.csv: each parameter's dated rows, whose validity periods may not overlap. */
final class ParameterTable {

    private ParameterTable() {
    }

    static Map<String, List<Parameter>> read(TableSource src) {
        Map<String, List<Parameter>> parameters = new LinkedHashMap<>();
        for (var r : src.table("parameters.csv", "参数,值,单位,说明,生效日期,失效日期,来源", "").rows()) {
            Parameter p = new Parameter(r.text("参数"), r.text("值"), TableSource.orEmpty(r.optional("单位")),
                    r.text("说明"), r.validity("生效日期", "失效日期"), r.text("来源"));
            p = checked(p, r);
            List<Parameter> same = parameters.computeIfAbsent(p.name(), k -> new ArrayList<>());
            for (Parameter q : same) {
                if (TableSource.overlaps(p.validity(), q.validity())) r.error("table_value_error", "参数“" + p.name() + "”的有效期与另一行重叠");
            }
            same.add(p);
        }
        if (!parameters.isEmpty()) { // an unreadable or absent table is reported once, not once per parameter
            for (var e : ParameterRegistry.READ_BY_CODE.entrySet()) {
                if (!parameters.containsKey(e.getKey())) {
                    src.error("tables/parameters.csv", "unknown_reference", "缺少参数“" + e.getKey() + "”：程序读取它"
                            + (e.getValue().isEmpty() || e.getValue().equals(ParameterRegistry.TEXT) ? "" : "（单位：" + e.getValue() + "）")
                            + "，参数名须与此完全一致");
                }
            }
        }
        return parameters;
    }

    /**
     * A row with a unit, or of a parameter the code reads as a number, must hold a number; a row of a parameter the
     * code reads in another unit is converted exactly to that unit, or refused if the code cannot convert it.
     */
    private static Parameter checked(Parameter p, CsvTable.Row r) {
        String expected = ParameterRegistry.READ_BY_CODE.get(p.name());
        if (ParameterRegistry.TEXT.equals(expected) || p.value().isEmpty()) return p;
        if (expected == null && p.unit().isEmpty()) return p;
        BigDecimal value;
        try {
            value = new BigDecimal(p.value().trim());
        } catch (NumberFormatException e) {
            r.error("table_value_error", "参数“" + p.name() + "”的值“" + p.value() + "”不是数字（请用阿拉伯数字，如 2、0.5）");
            return p;
        }
        if (expected == null || expected.equals(p.unit())) return p;
        BigDecimal converted = ParameterRegistry.convert(value, p.unit(), expected);
        if (converted == null) {
            r.error("table_value_error", "参数“" + p.name() + "”的单位“" + p.unit() + "”无法换算为程序使用的单位“"
                    + (expected.isEmpty() ? "（无单位）" : expected) + "”");
            return p;
        }
        return new Parameter(p.name(), converted.stripTrailingZeros().toPlainString(), expected,
                p.description() + "（表中写作 " + p.value() + p.unit() + "，按" + expected + "计）", p.validity(), p.source());
    }
}
