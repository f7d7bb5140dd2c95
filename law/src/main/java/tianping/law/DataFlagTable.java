package tianping.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads data-flags.csv: what each HJ 212 data flag means in each edition of the standard, keyed edition + NUL + flag. */
final class DataFlagTable {

    private DataFlagTable() {
    }

    static String key(String edition, String flag) {
        return edition + "\u0000" + flag;
    }

    static Map<String, DataFlag> read(TableSource src) {
        Map<String, DataFlag> flags = new LinkedHashMap<>();
        for (var r : src.table("data-flags.csv", "标准版本,标记,含义,判定,来源", "", false).rows()) {
            String edition = r.oneOf("标准版本", List.of("HJ 212-2017", "HJ/T 212-2005"));
            String flag = r.text("标记");
            if (!flag.equals(DataFlag.NO_FLAG) && !flag.matches("[A-Z]")) r.error("table_value_error", "标记应为一个大写字母或“无”，实际为“" + flag + "”");
            TableSource.put(flags, key(edition, flag), new DataFlag(edition, flag, r.text("含义"),
                    r.oneOf("判定", DataFlag.JUDGEMENTS), r.text("来源")), r);
        }
        return flags;
    }
}
