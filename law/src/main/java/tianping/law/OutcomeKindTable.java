package tianping.law;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads outcome-kinds.csv into {@link OutcomeKinds}, refusing any row the engine could not use as written. */
final class OutcomeKindTable {

    private static final Map<String, OutcomeKinds.Category> CATEGORIES = Map.of("处理结论", OutcomeKinds.Category.DISPOSITION,
            "措施", OutcomeKinds.Category.MEASURE, "注记", OutcomeKinds.Category.ANNOTATION, "预警", OutcomeKinds.Category.WARNING);
    private static final String PHASE = "阶段";
    /** Kinds the engine's Java names itself (tianping.decide.Proposal): the table must list them as dispositions. */
    static final List<String> CODE_DISPOSITIONS = List.of("不予处罚", "不再处罚", "提醒", "罚款", "按日连续处罚", "帮扶", "督导");

    private OutcomeKindTable() {
    }

    static OutcomeKinds read(TableSource src) {
        Map<Integer, String> phases = new java.util.TreeMap<>();
        Map<String, OutcomeKinds.Kind> kinds = new LinkedHashMap<>();
        Map<String, String> orders = new java.util.HashMap<>();
        CsvTable table = src.table("outcome-kinds.csv", "名称,类别,顺序,轮次,执法阶梯,轻重,依据", "");
        for (var r : table.rows()) {
            String name = r.text("名称");
            r.text("依据");
            List<String> allowed = new ArrayList<>(List.of(PHASE, "处理结论", "措施", "注记", "预警"));
            String category = r.oneOf("类别", allowed);
            int order = small(r, "顺序", 0, 99);
            if (PHASE.equals(category)) {
                if (!name.matches("[a-z][a-z-]*")) r.error("table_value_error", "阶段（议程组）名“" + name + "”只能由小写字母和连字符组成");
                if (order == 0) r.error("table_value_error", "阶段“" + name + "”须有顺序");
                else if (phases.putIfAbsent(order, name) != null) r.error("table_value_error", "阶段顺序 " + order + " 重复");
                if (phases.containsValue(name) && !name.equals(phases.get(order))) r.error("table_value_error", "阶段“" + name + "”重复");
                continue;
            }
            OutcomeKinds.Category c = CATEGORIES.get(category);
            if (c == null) continue;
            int round = small(r, "轮次", 1, 2);
            if (round == 0) r.error("table_value_error", "“" + name + "”须写轮次（1 或 2）");
            int ladder = small(r, "执法阶梯", 0, 5);
            int weight = small(r, "轻重", 0, 3);
            if (c == OutcomeKinds.Category.DISPOSITION && r.optional("轻重") == null) {
                r.error("table_value_error", "处理结论“" + name + "”须写轻重（0–3）");
            }
            if (order > 0) {
                String group = c == OutcomeKinds.Category.WARNING ? "预警" : "结论";
                String other = orders.putIfAbsent(group + order, name);
                if (other != null) r.error("table_value_error", "顺序 " + order + " 已由“" + other + "”使用");
            }
            TableSource.put(kinds, name, new OutcomeKinds.Kind(name, c, order, round, ladder, weight), r);
        }
        if (!table.rows().isEmpty()) {
            for (String d : CODE_DISPOSITIONS) {
                OutcomeKinds.Kind k = kinds.get(d);
                if (k == null || k.category() != OutcomeKinds.Category.DISPOSITION) {
                    src.error("tables/outcome-kinds.csv", "unknown_reference", "引擎代码使用的处理结论“" + d + "”须列于表中，类别为处理结论");
                }
            }
        }
        return new OutcomeKinds(List.copyOf(phases.values()), kinds);
    }

    /** An optional whole number in [min, max]; 0 when empty. */
    private static int small(CsvTable.Row r, String column, int min, int max) {
        String v = r.optional(column);
        if (v == null) return 0;
        if (!v.matches("[0-9]{1,2}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            r.error("table_value_error", column + "“" + v + "”应为 " + min + "–" + max + " 的整数");
            return 0;
        }
        return Integer.parseInt(v);
    }
}
