package tianping.law;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads parameters.csv: each parameter's dated rows, whose validity periods may not overlap. */
final class ParameterTable {

    private ParameterTable() {
    }

    static Map<String, List<Parameter>> read(TableSource src) {
        Map<String, List<Parameter>> parameters = new LinkedHashMap<>();
        for (var r : src.table("parameters.csv", "参数,值,单位,说明,生效日期,失效日期,来源", "").rows()) {
            Parameter p = new Parameter(r.text("参数"), r.text("值"), TableSource.orEmpty(r.optional("单位")),
                    r.text("说明"), r.validity("生效日期", "失效日期"), r.text("来源"));
            List<Parameter> same = parameters.computeIfAbsent(p.name(), k -> new ArrayList<>());
            for (Parameter q : same) {
                if (TableSource.overlaps(p.validity(), q.validity())) r.error("table_value_error", "参数“" + p.name() + "”的有效期与另一行重叠");
            }
            same.add(p);
        }
        return parameters;
    }
}
