package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.cli.Json;
import tianping.cli.ServiceEngine;
import tianping.law.LawBook;
import tianping.monitoring.MonitoringSeries;
import tianping.power.derive.PowerSeries;
import tianping.read.CaseError;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.ConfinedFiles;

import java.util.List;

/**
 * {@code POST /v1/series}: the curves behind a case's raw data, for the officers' charts — each power channel's
 * 15-minute readings with the running thresholds and the episodes P1–P8, or each monitoring factor's hourly
 * means against its limit with the excluded hours and their reasons. The power and monitoring modules derive
 * them with the code the decision uses ({@link PowerSeries}, {@link MonitoringSeries}). A decision record keeps the
 * derived case but not the raw data, so the case comes with its data files (multipart, as {@code /v1/check}).
 * Nothing is decided or recorded.
 */
final class SeriesRoutes {

    private SeriesRoutes() {
    }

    /** The series of a case, or the located errors that stop them (as a rejected check lists them). */
    static ObjectNode series(ServiceEngine engine, String source, byte[] json, ConfinedFiles data) throws CaseRejected {
        JsonNode tree = CaseReader.parse(source, json);
        if (!tree.isObject()) {
            throw new CaseRejected(List.of(new CaseError(source, "$", "case_schema_error", "案件应为 JSON 对象")));
        }
        LawBook law = engine.ruleSet().law().book();
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (tree.path("caseId").isTextual()) out.put("caseId", tree.get("caseId").asText());
        ArrayNode series = out.putArray("series");
        if (tree.has("power")) series.add(PowerSeries.of(source, (ObjectNode) tree, data, law));
        if (tree.has("monitoring")) series.add(MonitoringSeries.of(source, (ObjectNode) tree, data, law));
        if (series.isEmpty()) {
            throw new CaseRejected(List.of(new CaseError(source, "$", "no_raw_data", "案件没有 power 或 monitoring 节，没有可画的数据")));
        }
        return out;
    }
}
