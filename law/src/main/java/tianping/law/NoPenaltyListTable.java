package tianping.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads lists.csv: each published no-penalty list, where and when it applies and what all its items share. */
final class NoPenaltyListTable {

    private NoPenaltyListTable() {
    }

    static Map<String, NoPenaltyList> read(TableSource src) {
        Map<String, NoPenaltyList> lists = new LinkedHashMap<>();
        for (var r : src.table("lists.csv", "清单编号,清单名称,发布机关,文号,适用地区,生效日期,失效日期,共同条件,初次违法认定,优先于,来源,备注,失效后适用", "失效后适用").rows()) {
            String id = r.text("清单编号");
            List<String> regions = TableSource.split(r.text("适用地区"));
            for (String region : regions) {
                if (!region.matches("\\d{2,6}")) r.error("table_value_error", "适用地区应为行政区划代码前缀（2–6 位数字），实际为“" + region + "”");
            }
            TableSource.put(lists, id, new NoPenaltyList(id, r.text("清单名称"), r.text("发布机关"), TableSource.orEmpty(r.optional("文号")),
                    regions, r.validity("生效日期", "失效日期"), r.conditions("共同条件", "清单共同条件"),
                    r.conditions("初次违法认定", "初次违法认定"), TableSource.split(r.text("优先于")), r.text("来源"),
                    TableSource.orEmpty(r.optional("备注")), TableSource.orEmpty(r.optional("失效后适用"))), r);
        }
        return lists;
    }
}
