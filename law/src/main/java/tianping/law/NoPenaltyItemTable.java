package tianping.law;

import tianping.facts.ViolationType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads no-penalty-items.csv: each list item with its list and kind resolved, then the precedence between items of
 * lists in force in the same place ({@link ListPrecedence}).
 */
final class NoPenaltyItemTable {

    private NoPenaltyItemTable() {
    }

    static List<NoPenaltyItem> read(TableSource src, Map<String, ViolationType> violationTypes,
                                    Map<String, NoPenaltyList> lists, Map<String, NoPenaltyKind> kinds) {
        List<NoPenaltyItem> items = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (var r : src.table("no-penalty-items.csv", "事项编号,清单编号,类型,违法行为,事项名称,罚则条款,条件,原文,清单位置,生效日期,失效日期,备注", "原文").rows()) {
            String id = r.text("事项编号");
            if (!id.matches("NP-[A-Z0-9-]+")) r.error("table_value_error", "事项编号应以 NP- 开头、由大写字母数字和连字符组成，实际为“" + id + "”");
            NoPenaltyList list = lists.get(r.text("清单编号"));
            NoPenaltyKind kind = kinds.get(r.text("类型"));
            if (list == null) r.error("unknown_reference", "清单编号“" + r.text("清单编号") + "”不在 lists.csv 中");
            if (kind == null) r.error("unknown_reference", "类型“" + r.text("类型") + "”不在 no-penalty-kinds.csv 中");
            List<String> violations = TableSource.split(r.text("违法行为"));
            TableSource.checkViolations(violations, violationTypes, r);
            if (list == null || kind == null) continue;
            LocalDate from = r.optionalDate("生效日期");
            LocalDate to = r.optionalDate("失效日期");
            Validity validity = from == null && to == null ? list.validity()
                    : new Validity(from != null ? from : list.validity().from(), to != null ? to : list.validity().to());
            if (items.stream().anyMatch(i -> i.id().equals(id))) r.error("table_value_error", "事项编号“" + id + "”重复");
            items.add(new NoPenaltyItem(id, list, kind, violations, r.text("事项名称"), r.text("罚则条款"),
                    r.conditions("条件", "事项条件"), r.text("清单位置"), validity, TableSource.orEmpty(r.optional("备注")),
                    list.overrides()));
            lines.put(id, r.line());
        }
        ListPrecedence.apply(items, lines, src.errors());
        return items;
    }
}
