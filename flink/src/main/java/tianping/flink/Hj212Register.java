package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the job needs of a monitoring case in its register, before the case is decided by batch's own steps: the
 * enterprise (its key), the MNs of its outlets (to route packets), the end of its analysis period (when it is
 * decided) and the name of its one data file (under which the stream's packets of its outlets are recorded, in
 * {@code derivedFrom} and the input fingerprint, as batch records the file). A line that is not a JSON object is
 * no entry of the job's own making: batch's steps reject it as batch does. What only a stream needs (a period,
 * exactly one HJ 212 data file) is the job's own located rejection.
 */
record Hj212Register(String key, String caseId, List<String> mns, long periodEnd, String dataName, String errorPath, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Null for a line that is not a JSON object (decided at once by batch's steps, which reject it). */
    static Hj212Register of(long line, byte[] json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
        if (tree == null || !tree.isObject()) return null;
        String uscc = tree.path("enterprise").path("uscc").asText("");
        String key = uscc.isEmpty() ? "register:" + line : uscc;
        String caseId = tree.path("caseId").isTextual() ? tree.get("caseId").asText() : null;
        JsonNode m = tree.path("monitoring");
        List<String> mns = new ArrayList<>();
        for (JsonNode o : m.path("outlets")) if (o.path("mn").isTextual()) mns.add(o.get("mn").asText());
        if (!m.isObject()) return rejected(key, caseId, "$.monitoring", "流式核查的案件须有 monitoring 段（在线监测排放口与分析期间）");
        JsonNode data = m.path("data");
        if (!data.isArray() || data.size() != 1 || !data.get(0).isTextual()) {
            return rejected(key, caseId, "$.monitoring.data", "流式核查的案件须恰有一个数据文件名：该企业各排放口从数据流收到的数据包以此名记入 derivedFrom");
        }
        if (!m.path("format").asText("hj212").equals("hj212")) {
            return rejected(key, caseId, "$.monitoring.format", "流式核查只读 HJ 212 数据包（format 应为 hj212）");
        }
        long end;
        try {
            end = LocalDate.parse(m.path("period").path("to").asText("")).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return rejected(key, caseId, "$.monitoring.period.to", "流式核查的案件须有分析期间（period.from、period.to，YYYY-MM-DD）：期末即作出决定之时");
        }
        if (mns.isEmpty()) return rejected(key, caseId, "$.monitoring.outlets", "流式核查的案件须至少有一个带 MN 的排放口");
        return new Hj212Register(key, caseId, List.copyOf(mns), end, data.get(0).asText(), null, null);
    }

    private static Hj212Register rejected(String key, String caseId, String path, String message) {
        return new Hj212Register(key, caseId, List.of(), Long.MIN_VALUE, null, path, message);
    }
}
