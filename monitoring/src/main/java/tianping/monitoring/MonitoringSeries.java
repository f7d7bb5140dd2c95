package tianping.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.LawBook;
import tianping.monitoring.episodes.ExceedanceEpisode;
import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.section.MonitoringSection;
import tianping.monitoring.values.Mean;
import tianping.monitoring.values.Minutes;
import tianping.read.CaseError;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.ConfinedFiles;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the officers' chart of a monitoring case shows, from the derivation's own analysis (no second copy of the
 * means or of the exceedance search): for each outlet and limit, the hourly (or daily) means the limit is compared
 * with, each hour either a value or the reason it was excluded, and the exceedance episodes. Read-only.
 */
public final class MonitoringSeries {

    private MonitoringSeries() {
    }

    public static ObjectNode of(String file, ObjectNode caseJson, ConfinedFiles data, LawBook law) throws CaseRejected {
        MonitoringSection section;
        try {
            section = CaseReader.mapper().treeToValue(caseJson.get(MonitoringDerivation.SECTION), MonitoringSection.class);
        } catch (JsonProcessingException e) {
            throw new CaseRejected(List.of(new CaseError(file, "$." + MonitoringDerivation.SECTION, "case_value_error", "值无效：" + e.getOriginalMessage())));
        }
        Derivation d = new Derivation(file, caseJson.deepCopy(), data, law, section);
        List<OutletAnalysis.Result> results = d.analyse();
        OutletAnalysis.Names names = d.names();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "monitoring");
        ArrayNode outlets = out.putArray("outlets");
        for (OutletAnalysis.Result r : results) {
            ObjectNode o = outlets.addObject();
            o.put("id", r.outlet().id()).put("mn", r.outlet().mn());
            if (r.outlet().name() != null) o.put("name", r.outlet().name());
            o.put("validHours", r.validHours()).put("excludedHours", r.excludedHours());
            ArrayNode limits = o.putArray("limits");
            for (FactorLimit f : r.outlet().factors()) {
                ObjectNode l = limits.addObject();
                l.put("code", f.code()).put("name", names.of(f.code())).put("averaging", f.averaging()).put("limit", f.limit());
                if (f.limitLow() != null) l.put("limitLow", f.limitLow());
                if (f.unit() != null) l.put("unit", f.unit());
                if (f.standard() != null) l.put("standard", f.standard());
                Map<String, TreeMap<Long, Mean>> means = f.hourly() ? r.hourly() : r.daily();
                ArrayNode values = l.putArray("means");
                for (Mean m : means.getOrDefault(f.code(), new TreeMap<>()).values()) {
                    ObjectNode v = values.addObject().put("start", Minutes.time(m.start()).toString());
                    if (m instanceof Mean.Valid valid) {
                        v.put("value", valid.value());
                        if (valid.oxygen() != null) v.put("measured", valid.measured()).put("oxygen", valid.oxygen());
                        v.put("exceeded", f.exceededBy(valid.value()));
                        valid.notes().forEach(v.withArray("notes")::add);
                    } else if (m instanceof Mean.Excluded ex) {
                        v.putNull("value");
                        v.put("excluded", ex.reason());
                    }
                }
                ArrayNode episodes = l.putArray("episodes");
                for (ExceedanceEpisode e : r.episodes()) {
                    if (!e.factor().equals(f)) continue;
                    episodes.addObject().put("start", Minutes.time(e.start()).toString()).put("end", Minutes.time(e.end()).toString())
                            .put("hours", e.hours()).put("peak", e.peak());
                }
            }
        }
        return out;
    }
}
