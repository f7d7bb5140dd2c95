package tianping.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads reference-oxygen.csv: the reference O₂ content per source type and standard, by date. */
final class ReferenceOxygenTable {

    private ReferenceOxygenTable() {
    }

    static List<ReferenceOxygen> read(TableSource src) {
        List<ReferenceOxygen> rows = new ArrayList<>();
        for (var r : src.table("reference-oxygen.csv", "排放源类型,基准氧含量,标准,生效日期,失效日期,来源", "", false).rows()) {
            BigDecimal percent = r.number("基准氧含量");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(21)) >= 0) {
                r.error("table_value_error", "基准氧含量应在 0 与 21 之间（%），实际为 " + percent.toPlainString());
            }
            ReferenceOxygen row = new ReferenceOxygen(r.text("排放源类型"), percent, r.text("标准"),
                    r.validity("生效日期", "失效日期"), r.text("来源"));
            for (ReferenceOxygen q : rows) {
                if (q.sourceType().equals(row.sourceType()) && TableSource.overlaps(q.validity(), row.validity())) {
                    r.error("table_value_error", "排放源类型“" + row.sourceType() + "”的有效期与另一行重叠");
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
