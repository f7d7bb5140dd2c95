package tianping.law;

import tianping.facts.Pollutant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads pollutants.csv: the pollutant catalogue by HJ 212-2017 code, with category and heavy-metal group. */
final class PollutantTable {

    private PollutantTable() {
    }

    /**
     * @param aliases filled with each code's other spellings (别名: SO2 for a21026), which only serve "did you mean"
     *                in messages; the column is optional so that rule sets kept from before it still load
     */
    static Map<String, Pollutant> read(TableSource src, Map<String, List<String>> aliases) {
        Map<String, Pollutant> pollutants = new LinkedHashMap<>();
        for (var r : src.table("pollutants.csv", "代码,名称,别名,环境要素,类别,重金属组,持久性有机污染物,来源", "别名").rows()) {
            aliases.put(r.text("代码"), TableSource.split(r.optional("别名")));
            String group = r.optional("重金属组");
            if (group != null && !group.equals("三倍") && !group.equals("十倍")) r.error("table_value_error", "重金属组应为“三倍”“十倍”或空");
            TableSource.put(pollutants, r.text("代码"), new Pollutant(r.text("代码"), r.text("名称"),
                    r.oneOf("环境要素", List.of("大气", "水", "噪声")), r.oneOf("类别", List.of("常规", "有毒", "第一类")),
                    group == null ? "" : group, r.yesNo("持久性有机污染物"), r.text("来源")), r);
        }
        return pollutants;
    }
}
