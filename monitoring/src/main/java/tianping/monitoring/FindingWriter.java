package tianping.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.monitoring.hj212.Problem;
import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.section.MonitoringSection;
import tianping.monitoring.values.Minutes;
import tianping.facts.Episode;
import tianping.read.CaseInput.ExceedanceInput;
import tianping.read.CaseInput.FindingInput;
import tianping.read.DerivedFindings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the data established into the case, in the documented case format: one finding per outlet with
 * exceedances (its exceedances[] the summarised episodes, its episodes[] the evidence lines), the data files
 * with their sha256 under derivedFrom, and monitoringReport with what reading the files and examining every
 * outlet came to. Findings, exceedances and episodes are the reader's own records, written by {@link DerivedFindings}.
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
        ArrayNode findings = DerivedFindings.array(caseJson, "findings");
        for (OutletAnalysis.Result r : results) {
            if (!r.exceedances().isEmpty()) findings.add(DerivedFindings.finding(finding(r), section.finding()));
        }
        ArrayNode derived = DerivedFindings.array(caseJson, "derivedFrom");
        for (Collector.FileReport f : files) {
            derived.addObject().put("file", f.file).put("sha256", f.sha256).put("section", MonitoringDerivation.SECTION);
        }
        report(caseJson.putObject("monitoringReport"), results);
        return caseJson;
    }

    private FindingInput finding(OutletAnalysis.Result r) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<ExceedanceInput> exceedances = new ArrayList<>();
        for (OutletAnalysis.Found x : r.exceedances()) {
            first = Math.min(first, x.start());
            long end = x.averaging().equals("小时均值") ? x.start() + x.hours() * 60L - 1
                    : x.averaging().equals("日均值") ? x.start() + 1439 : x.start();
            last = Math.max(last, end);
            FactorLimit l = x.limit();
            exceedances.add(new ExceedanceInput(l.code(), x.averaging(), Minutes.time(x.start()),
                    x.hours() > 0 ? BigDecimal.valueOf(x.hours()) : null, null, decimal(x.measured()), decimal(l.limit()),
                    l.limitLow() == null ? null : decimal(l.limitLow()), l.unit(), l.standard()));
        }
        List<Episode> episodes = new ArrayList<>();
        for (OutletAnalysis.Evidence e : r.evidence()) episodes.add(episode(e));
        for (Collector.FileReport file : files) {
            if (file.problems == 0) continue;
            String listed = String.join("；", file.listed.stream().map(Problem::toString).toList());
            int more = file.problems - file.listed.size();
            episodes.add(episode(new OutletAnalysis.Evidence("数据包错误", first, last + 1, List.of(file.file), file.file + " 共 "
                    + file.problems + " 处错误（错误的包或数据项不采用，读取未中止）：" + listed + (more > 0 ? "；其余 " + more + " 处未列出" : ""))));
        }
        return FindingInput.derived(r.outlet().id(), r.outlet().violation(), Minutes.date(first),
                Minutes.date(last).equals(Minutes.date(first)) ? null : Minutes.date(last), "在线监控", null, null,
                exceedances, r.restoredAt() == null ? null : Minutes.time(r.restoredAt()), null, episodes);
    }

    private static Episode episode(OutletAnalysis.Evidence e) {
        return new Episode(e.kind(), Minutes.time(e.start()), Minutes.time(e.end()), e.channels(), e.text());
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
}
