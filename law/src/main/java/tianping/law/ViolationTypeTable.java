package tianping.law;

import tianping.facts.ViolationType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads violation-types.csv: the violation codes cases, list items and provisions use, by code. */
final class ViolationTypeTable {

    static final List<String> MEDIA = List.of("大气", "水", "噪声", "固体废物", "建设项目", "排污许可", "综合");
    static final List<String> CATEGORIES = List.of("超标排放", "逃避监管", "建设项目", "信息公开", "自动监测", "固体废物", "扬尘",
            "重污染天气", "许可管理", "拒不执行");

    private ViolationTypeTable() {
    }

    static Map<String, ViolationType> read(TableSource src) {
        Map<String, ViolationType> types = new LinkedHashMap<>();
        for (var r : src.table("violation-types.csv", "代码,名称,环境要素,类别,义务条款,备注", "备注").rows()) {
            String code = r.text("代码");
            if (!code.matches("[a-z][a-z0-9_]*")) r.error("table_value_error", "违法行为代码应为小写英文与下划线，实际为“" + code + "”");
            TableSource.put(types, code, new ViolationType(code, r.text("名称"), r.oneOf("环境要素", MEDIA),
                    r.oneOf("类别", CATEGORIES), r.text("义务条款")), r);
        }
        return types;
    }
}
