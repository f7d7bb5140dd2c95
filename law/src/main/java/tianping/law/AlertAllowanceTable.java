package tianping.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads alert-allowances.csv: the production a performance grade may keep during each heavy-pollution alert level. */
final class AlertAllowanceTable {

    private AlertAllowanceTable() {
    }

    static List<AlertAllowance> read(TableSource src) {
        List<AlertAllowance> allowances = new ArrayList<>();
        for (var r : src.table("alert-allowances.csv", "绩效等级,预警级别,允许负荷比例,措施,生效日期,失效日期,来源", "", false).rows()) {
            String grade = r.oneOf("绩效等级", List.of("A+", "A", "B", "B-", "C", "D", "引领性", "未分级"));
            String level = r.oneOf("预警级别", List.of("黄色", "橙色", "红色"));
            BigDecimal fraction = r.number("允许负荷比例");
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                r.error("table_value_error", "允许负荷比例应在 0 与 1 之间，实际为 " + fraction);
            }
            AlertAllowance a = new AlertAllowance(grade, level, fraction.doubleValue(), r.text("措施"),
                    r.validity("生效日期", "失效日期"), r.text("来源"));
            for (AlertAllowance other : allowances) {
                if (other.grade().equals(grade) && other.level().equals(level) && TableSource.overlaps(other.validity(), a.validity())) {
                    r.error("table_value_error", grade + " 级" + level + "预警的允许负荷有效期与另一行重叠");
                }
            }
            allowances.add(a);
        }
        return allowances;
    }
}
