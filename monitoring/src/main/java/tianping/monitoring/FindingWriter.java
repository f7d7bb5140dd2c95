package tianping.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.monitoring.hj212.Problem;
import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.section.MonitoringSection;
import tianping.monitoring.values.Minutes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes what the data established into the case, in the documented case format: one finding per outlet with
 * exceedances (its exceedances[] the summarised episodes, its episodes[] the evidence lines), the data files
 * with their sha256 under derivedFrom, and monitoringReport with what reading the files and examining every
 * outlet came to.
 */
final class FindingWriter {

    private final ObjectNode caseJson;
    private final MonitoringSection section;
    private final List<Collector.FileReport> files;

    FindingWriter(ObjectNode caseJson, MonitoringSection section, List<Collector.FileReport> files) {
        this.caseJson = caseJson;
        this.section = section;
        this.files = files;
    }

    ObjectNode write(List<OutletAnalysis.Result> results) {
        ArrayNode findings = array(caseJson, "findings");
        for (OutletAnalysis.Result r : results) {
            if (!r.exceedances().isEmpty()) finding(findings.addObject(), r);
        }
        ArrayNode derived = array(caseJson, "derivedFrom");
        for (Collector.FileReport f : files) {
            derived.addObject().put("file", f.file).put("sha256", f.sha256).put("section", MonitoringDerivation.SECTION);
        }
        report(caseJson.putObject("monitoringReport"), results);
        return caseJson;
    }

    private void finding(ObjectNode f, OutletAnalysis.Result r) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (OutletAnalysis.Found x : r.exceedances()) {
            first = Math.min(first, x.start());
            long end = x.averaging().equals("小时均值") ? x.start() + x.hours() * 60L - 1
                    : x.averaging().equals("日均值") ? x.start() + 1439 : x.start();
            last = Math.max(last, end);
        }
        f.put("id", r.outlet().id());
        f.put("violation", r.outlet().violation());
        f.put("actDate", Minutes.date(first).toString());
        if (!Minutes.date(last).equals(Minutes.date(first))) f.put("actEndDate", Minutes.date(last).toString());
        for (Map.Entry<String, JsonNode> e : section.finding().properties()) {
            f.set(e.getKey(), e.getValue().deepCopy());
        }
        if (!f.has("discoveredBy")) f.put("discoveredBy", "在线监控");
        ArrayNode exceedances = f.putArray("exceedances");
        for (OutletAnalysis.Found x : r.exceedances()) {
            FactorLimit l = x.limit();
            ObjectNode e = exceedances.addObject();
            e.put("factor", l.code());
            e.put("averaging", x.averaging());
            e.put("start", Minutes.text(x.start()));
            if (x.hours() > 0) e.put("hours", x.hours());
            e.put("measured", decimal(x.measured()));
            e.put("limit", decimal(l.limit()));
            if (l.limitLow() != null) e.put("limitLow", decimal(l.limitLow()));
            e.put("unit", l.unit());
            e.put("standard", l.standard());
        }
        if (r.restoredAt() != null) f.put("complianceRestoredAt", Minutes.text(r.restoredAt()));
        ArrayNode episodes = f.putArray("episodes");
        for (OutletAnalysis.Evidence e : r.evidence()) episode(episodes, e);
        for (Collector.FileReport file : files) {
            if (file.problems == 0) continue;
            String listed = String.join("；", file.listed.stream().map(Problem::toString).toList());
            int more = file.problems - file.listed.size();
            episode(episodes, new OutletAnalysis.Evidence("数据包错误", first, last + 1, List.of(file.file), file.file + " 共 "
                    + file.problems + " 处错误（错误的包或数据项不采用，读取未中止）：" + listed + (more > 0 ? "；其余 " + more + " 处未列出" : "")));
        }
    }

    private static void episode(ArrayNode episodes, OutletAnalysis.Evidence e) {
        ObjectNode n = episodes.addObject();
        n.put("kind", e.kind());
        n.put("start", Minutes.text(e.start()));
        n.put("end", Minutes.text(e.end()));
        ArrayNode channels = n.putArray("channels");
        e.channels().forEach(channels::add);
        n.put("evidence", e.text());
    }

    private void report(ObjectNode report, List<OutletAnalysis.Result> results) {
        ArrayNode fileNodes = report.putArray("files");
        for (Collector.FileReport f : files) {
            ObjectNode n = fileNodes.addObject();
            n.put("file", f.file);
            n.put("packets", f.packets);
            n.put("problems", f.problems);
            ArrayNode listed = n.putArray("listed");
            for (Problem p : f.listed) listed.addObject().put("line", p.line()).put("code", p.code()).put("message", p.message());
        }
        ArrayNode outlets = report.putArray("outlets");
        for (OutletAnalysis.Result r : results) {
            ObjectNode n = outlets.addObject();
            n.put("id", r.outlet().id());
            n.put("mn", r.outlet().mn());
            n.put("validHours", r.validHours());
            n.put("excludedHours", r.excludedHours());
            ArrayNode signs = n.putArray("signs");
            r.signs().forEach(s -> signs.add(s.kind() + "：" + s.evidence()));
        }
    }

    /** Plain decimal, as the case format writes numbers: 55, 52.5 (never 5.5E+1). */
    private static BigDecimal decimal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static ArrayNode array(ObjectNode parent, String field) {
        return parent.get(field) instanceof ArrayNode a ? a : parent.putArray(field);
    }
}
