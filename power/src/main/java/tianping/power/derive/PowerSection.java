package tianping.power.derive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.power.readings.Channel;
import tianping.power.readings.Role;
import tianping.read.CaseError;
import tianping.read.CaseRejected;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "power" section of a case (case.schema.json $defs/power), read and checked: the analysis period, the
 * channels with their roles and what each treatment channel serves, the readings files, the enterprise's
 * reports (报备 and 故障), the orders in force, the alert periods, and the facts every derived finding shares.
 */
public record PowerSection(LocalDateTime from, LocalDateTime to, List<Channel> channels, List<String> readings,
                           List<ReportSpec> reports, List<OrderSpec> orders, List<AlertSpec> alerts, ObjectNode finding,
                           String grade) {

    public static final String PATH = "$.power";
    /** Compiled once: a province's register checks some sixty thousand channel ids. */
    private static final java.util.regex.Pattern CHANNEL_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final List<String> REPORT_KINDS = List.of("停产", "检修", "停电", "调试", "故障");
    static final List<String> ORDER_KINDS = List.of("限制生产", "停产整治", "查封扣押");
    static final List<String> LEVELS = List.of("黄色", "橙色", "红色");
    static final List<String> FINDING_FIELDS = List.of("discoveredOn", "harm", "endangersLifeOrHealth", "verifiedComplaint",
            "conduct", "mitigation", "correction", "complianceRestoredAt");

    public record ReportSpec(String kind, List<String> channels, LocalDateTime from, LocalDateTime to,
                             LocalDateTime reportedAt, Boolean sudden, String path) {
    }

    public record OrderSpec(String order, String kind, String relatesTo, LocalDateTime from, LocalDateTime to,
                            List<String> channels, double allowedLoad, String path) {
    }

    public record AlertSpec(String level, LocalDateTime from, LocalDateTime to, String path) {
    }

    public PowerSection {
        channels = List.copyOf(channels);
        readings = List.copyOf(readings);
        reports = List.copyOf(reports);
        orders = List.copyOf(orders);
        alerts = List.copyOf(alerts);
    }

    /**
     * @param filesRequired whether the section must name its readings files (a single case) or must not (a
     *                      province batch, whose readings come from the province feed)
     */
    public static PowerSection read(String file, JsonNode caseJson, boolean filesRequired) throws CaseRejected {
        Fields f = new Fields(file);
        JsonNode s = caseJson.get("power");
        if (s == null || !s.isObject()) {
            throw new CaseRejected(List.of(new CaseError(file, PATH, "case_schema_error", "类型不符：应为对象 {…}")));
        }
        f.only(s, PATH, List.of("period", "channels", "readings", "reports", "orders", "alerts", "finding"));
        LocalDateTime from = null;
        LocalDateTime to = null;
        JsonNode period = s.get("period");
        if (period == null || !period.isObject()) {
            f.error(PATH + ".period", "case_schema_error", "缺少分析期间 period {from, to}");
        } else {
            f.only(period, PATH + ".period", List.of("from", "to"));
            from = f.time(period, "from", PATH + ".period", true);
            to = f.time(period, "to", PATH + ".period", true);
            if (from != null && to != null && !to.isAfter(from)) f.error(PATH + ".period.to", "case_value_error", "分析期间终点应晚于起点");
        }
        List<Channel> channels = channels(f, s);
        Set<String> ids = new HashSet<>();
        channels.forEach(c -> ids.add(c.id()));
        List<String> readings = f.strings(s, "readings", PATH);
        if (filesRequired && readings.isEmpty()) {
            f.error(PATH + ".readings", "missing_fact", "须列出用电读数文件（CSV 或 JSON，相对于案件文件所在目录）");
        }
        if (!filesRequired && !readings.isEmpty()) {
            f.error(PATH + ".readings", "case_value_error", "批量核查时读数来自全省读数文件，企业记录不应再列读数文件");
        }
        List<ReportSpec> reports = reports(f, s, ids);
        List<OrderSpec> orders = orders(f, s, ids, caseJson);
        List<AlertSpec> alerts = new ArrayList<>();
        List<JsonNode> alertNodes = f.array(s, "alerts", PATH, false);
        for (int i = 0; i < alertNodes.size(); i++) {
            String at = PATH + ".alerts[" + i + "]";
            JsonNode a = alertNodes.get(i);
            f.only(a, at, List.of("level", "from", "to"));
            String level = f.oneOf(a, "level", at, true, LEVELS);
            LocalDateTime af = f.time(a, "from", at, true);
            LocalDateTime at2 = f.time(a, "to", at, true);
            if (level != null && af != null && at2 != null) alerts.add(new AlertSpec(level, af, at2, at));
        }
        ObjectNode finding = null;
        JsonNode fn = s.get("finding");
        if (fn == null || !fn.isObject()) {
            f.error(PATH + ".finding", "missing_fact", "须写明推导出的违法事实共用的认定 finding {discoveredOn, harm, …}");
        } else {
            f.only(fn, PATH + ".finding", FINDING_FIELDS);
            f.date(fn, "discoveredOn", PATH + ".finding", true);
            f.oneOf(fn, "harm", PATH + ".finding", true, List.of("无", "轻微", "一般", "较大", "重大"));
            finding = (ObjectNode) fn;
        }
        String grade = caseJson.path("enterprise").path("performanceGrade").asText("未分级");
        if (!f.errors().isEmpty()) throw new CaseRejected(f.errors());
        return new PowerSection(from, to, channels, readings, reports, orders, alerts, finding, grade);
    }

    private static List<Channel> channels(Fields f, JsonNode s) {
        List<JsonNode> nodes = f.array(s, "channels", PATH, true);
        if (nodes.isEmpty() && s.has("channels")) f.error(PATH + ".channels", "case_schema_error", "至少应有 1 项");
        List<Channel> out = new ArrayList<>();
        Map<String, Role> roles = new HashMap<>();
        for (JsonNode n : nodes) {
            if (n.path("id").isTextual()) roles.put(n.get("id").asText(), Role.of(n.path("role").asText()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = PATH + ".channels[" + i + "]";
            JsonNode n = nodes.get(i);
            f.only(n, at, List.of("id", "name", "role", "ratedKw", "medium", "serves"));
            String id = f.text(n, "id", at, true);
            if (id != null && !CHANNEL_ID.matcher(id).matches()) {
                f.error(at + ".id", "case_schema_error", "测点编号应以字母或数字开头、由字母数字和 _.- 组成（最长 64 位）");
            }
            if (id != null && !seen.add(id)) f.error(at + ".id", "case_value_error", "测点编号 " + id + " 重复");
            String roleText = f.oneOf(n, "role", at, true, List.of("生产", "治污", "总表"));
            Role role = Role.of(roleText == null ? "" : roleText);
            Double rated = f.number(n, "ratedKw", at, true);
            if (rated != null && rated <= 0) f.error(at + ".ratedKw", "case_value_error", "额定功率应大于 0 kW，实际为 " + rated);
            String medium = f.oneOf(n, "medium", at, role == Role.TREATMENT, List.of("大气", "水"));
            if (role == Role.PRODUCTION && medium != null) f.error(at + ".medium", "case_value_error", "生产测点不写 medium（由治污测点写明）");
            List<String> serves = f.strings(n, "serves", at);
            if (role == Role.TREATMENT && serves.isEmpty()) {
                f.error(at + ".serves", "missing_fact", "治污测点须写明所服务的生产测点 serves");
            }
            if (role != Role.TREATMENT && !serves.isEmpty()) f.error(at + ".serves", "case_value_error", "只有治污测点写 serves");
            for (int j = 0; j < serves.size(); j++) {
                if (roles.get(serves.get(j)) != Role.PRODUCTION) {
                    f.error(at + ".serves[" + j + "]", "unknown_reference", "“" + serves.get(j) + "”不是本企业的生产测点");
                }
            }
            String name = n.path("name").isTextual() ? n.get("name").asText() : null;
            if (id != null && role != null && rated != null && rated > 0) out.add(new Channel(id, name, role, rated, medium, serves));
        }
        return out;
    }

    private static List<ReportSpec> reports(Fields f, JsonNode s, Set<String> ids) {
        List<ReportSpec> out = new ArrayList<>();
        List<JsonNode> nodes = f.array(s, "reports", PATH, false);
        for (int i = 0; i < nodes.size(); i++) {
            String at = PATH + ".reports[" + i + "]";
            JsonNode n = nodes.get(i);
            f.only(n, at, List.of("kind", "channels", "from", "to", "reportedAt", "sudden"));
            String kind = f.oneOf(n, "kind", at, true, REPORT_KINDS);
            List<String> channels = knownChannels(f, n, at, ids);
            LocalDateTime from = f.time(n, "from", at, true);
            LocalDateTime to = f.time(n, "to", at, false);
            LocalDateTime reportedAt = f.time(n, "reportedAt", at, true);
            Boolean sudden = f.bool(n, "sudden", at, "故障".equals(kind));
            if (from != null && to != null && !to.isAfter(from)) f.error(at + ".to", "case_value_error", "报备终点应晚于起点");
            if (kind != null && from != null && reportedAt != null) out.add(new ReportSpec(kind, channels, from, to, reportedAt, sudden, at));
        }
        return out;
    }

    private static List<OrderSpec> orders(Fields f, JsonNode s, Set<String> ids, JsonNode caseJson) {
        Map<String, JsonNode> history = new HashMap<>();
        caseJson.path("history").path("orders").forEach(o -> history.put(o.path("id").asText(), o));
        List<OrderSpec> out = new ArrayList<>();
        List<JsonNode> nodes = f.array(s, "orders", PATH, false);
        for (int i = 0; i < nodes.size(); i++) {
            String at = PATH + ".orders[" + i + "]";
            JsonNode n = nodes.get(i);
            f.only(n, at, List.of("order", "from", "to", "channels", "allowedLoad"));
            String ref = f.text(n, "order", at, true);
            JsonNode order = ref == null ? null : history.get(ref);
            if (ref != null && order == null) {
                f.error(at + ".order", "unknown_reference", "“" + ref + "”不是 history.orders 中的决定编号");
            }
            String kind = order == null ? null : order.path("kind").asText();
            if (kind != null && !ORDER_KINDS.contains(kind)) {
                f.error(at + ".order", "case_value_error", "决定 " + ref + " 为" + kind + "，用电监控只核查" + String.join("、", ORDER_KINDS) + "的执行");
                kind = null;
            }
            LocalDateTime from = f.time(n, "from", at, false);
            if (from == null && order != null && order.path("servedOn").isTextual()) {
                from = java.time.LocalDate.parse(order.get("servedOn").asText()).atStartOfDay();
            }
            LocalDateTime to = f.time(n, "to", at, false);
            List<String> channels = knownChannels(f, n, at, ids);
            Double load = f.number(n, "allowedLoad", at, "限制生产".equals(kind));
            if (load != null && (load < 0 || load > 1)) f.error(at + ".allowedLoad", "case_value_error", "允许负荷比例应在 0 与 1 之间");
            if (load != null && !"限制生产".equals(kind)) f.error(at + ".allowedLoad", "case_value_error", "只有限制生产决定写允许负荷比例");
            if (kind != null && from != null) {
                out.add(new OrderSpec(ref, kind, order.path("relatesTo").asText(), from, to, channels, load == null ? 0 : load, at));
            }
        }
        return out;
    }

    private static List<String> knownChannels(Fields f, JsonNode n, String at, Set<String> ids) {
        List<String> channels = f.strings(n, "channels", at);
        for (int j = 0; j < channels.size(); j++) {
            if (!ids.contains(channels.get(j))) f.error(at + ".channels[" + j + "]", "unknown_reference", "“" + channels.get(j) + "”不是本企业的测点");
        }
        return channels;
    }
}
