package tianping.law;

import tianping.facts.Pollutant;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads monitoring-codes.csv: the non-pollutant HJ 212 codes the derivation knows, and the 2005 codes' 2017 names. */
final class MonitoringCodeTable {

    private MonitoringCodeTable() {
    }

    static Map<String, MonitoringCode> read(TableSource src, Map<String, Pollutant> pollutants, Map<String, List<String>> aliases) {
        Map<String, MonitoringCode> codes = new LinkedHashMap<>();
        Set<String> legacy = new HashSet<>();
        for (var r : src.table("monitoring-codes.csv", "代码,名称,环境要素,用途,2005编码,来源", "", false).rows()) {
            String code = r.text("代码");
            String role = r.oneOf("用途", MonitoringCode.ROLES);
            if (role.equals("污染物") && !pollutants.containsKey(code)) {
                r.error("unknown_reference", "用途为污染物的代码“" + code + "”不在 pollutants.csv 中"
                        + LawBook.didYouMeanPollutant(code, pollutants.values(), aliases));
            }
            String old = r.optional("2005编码");
            if (old != null && !legacy.add(old)) r.error("table_value_error", "2005编码“" + old + "”重复");
            TableSource.put(codes, code, new MonitoringCode(code, r.text("名称"), r.oneOf("环境要素", List.of("大气", "水")),
                    role, old == null ? "" : old, r.text("来源")), r);
        }
        return codes;
    }
}
