package tianping.law;

import tianping.facts.ViolationType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads penalty-provisions.csv: each penalty provision, its fine basis and range, measures and conditions. */
final class PenaltyProvisionTable {

    private PenaltyProvisionTable() {
    }

    static Map<String, PenaltyProvision> read(TableSource src, Map<String, ViolationType> violationTypes) {
        Map<String, PenaltyProvision> provisions = new LinkedHashMap<>();
        for (var r : src.table("penalty-provisions.csv", "规则编号,违法行为,法律依据,条款摘要,罚款方式,下限,上限,保底金额,并处措施,按日连续处罚依据,适用条件,生效日期,失效日期,来源", "").rows()) {
            String id = r.text("规则编号");
            if (!id.matches("PEN-[A-Z0-9-]+")) r.error("table_value_error", "规则编号应以 PEN- 开头、由大写字母数字和连字符组成，实际为“" + id + "”");
            List<String> violations = TableSource.split(r.text("违法行为"));
            TableSource.checkViolations(violations, violationTypes, r);
            PenaltyProvision.FineBasis basis = PenaltyProvision.FineBasis.of(r.text("罚款方式"));
            if (basis == null) r.error("table_value_error", "罚款方式应为 固定区间、投资额比例 或 处置费用倍数，实际为“" + r.text("罚款方式") + "”");
            BigDecimal min = r.number("下限");
            BigDecimal max = r.number("上限");
            if (max.compareTo(min) < 0) r.error("table_value_error", "上限 " + max + " 小于下限 " + min);
            BigDecimal floor = r.optionalNumber("保底金额");
            TableSource.put(provisions, id, new PenaltyProvision(id, violations, r.text("法律依据"), r.text("条款摘要"), basis, min, max,
                    floor == null ? BigDecimal.ZERO : floor, TableSource.split(r.optional("并处措施")),
                    TableSource.orEmpty(r.optional("按日连续处罚依据")),
                    r.conditions("适用条件", "适用条件"), r.validity("生效日期", "失效日期"), r.text("来源")), r);
        }
        return provisions;
    }
}
