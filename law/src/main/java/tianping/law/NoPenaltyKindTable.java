package tianping.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads no-penalty-kinds.csv: 轻微不罚 and 首违不罚 with the conditions 行政处罚法第三十三条 itself sets. */
final class NoPenaltyKindTable {

    private NoPenaltyKindTable() {
    }

    static Map<String, NoPenaltyKind> read(TableSource src) {
        Map<String, NoPenaltyKind> kinds = new LinkedHashMap<>();
        for (var r : src.table("no-penalty-kinds.csv", "类型,法定条件,法律依据,适用", "").rows()) {
            String kind = r.oneOf("类型", List.of("轻微不罚", "首违不罚"));
            TableSource.put(kinds, kind, new NoPenaltyKind(kind, r.conditions("法定条件", "法定条件（" + r.text("法律依据") + "）"),
                    r.text("法律依据"), r.oneOf("适用", List.of("应当", "可以")).equals("应当")), r);
        }
        return kinds;
    }
}
