package tianping.power.derive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.LawBook;
import tianping.power.episodes.Anomaly;
import tianping.power.readings.Channel;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Grid;
import tianping.power.readings.Role;
import tianping.read.CaseRejected;
import tianping.read.ConfinedFiles;

import java.time.LocalDateTime;

/**
 * What the officers' chart of a power case shows, from the very analysis the derivation runs (no second copy of a
 * detector): each channel's readings on the sampling grid, its running and low-load powers, every episode found
 * (suppressed ones and clues included) with its slots, and the reports, orders and alerts of the section. Read-only:
 * nothing here enters a decision.
 */
public final class PowerSeries {

    private PowerSeries() {
    }

    public static ObjectNode of(String file, ObjectNode caseJson, ConfinedFiles data, LawBook law) throws CaseRejected {
        PowerDerivation.Analysed a = PowerDerivation.analyse(file, caseJson.deepCopy(), data, law);
        EnterpriseSeries s = a.series();
        Grid grid = s.grid();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "power");
        out.put("intervalMinutes", grid.intervalMinutes());
        ArrayNode times = out.putArray("times");
        for (int slot = 0; slot < grid.slots(); slot++) times.add(time(grid.timeOf(slot)));
        ArrayNode channels = out.putArray("channels");
        for (int c = 0; c < s.channels().size(); c++) {
            Channel ch = s.channel(c);
            ObjectNode o = channels.addObject();
            o.put("id", ch.id()).put("name", ch.name()).put("role", ch.role().label()).put("ratedKw", ch.ratedKw());
            if (ch.medium() != null) o.put("medium", ch.medium());
            ch.serves().forEach(o.withArray("serves")::add);
            boolean treatment = ch.role() == Role.TREATMENT;
            o.put("onKw", (treatment ? a.thresholds().treatmentOn() : a.thresholds().productionOn()).value() * ch.ratedKw());
            o.put("onThreshold", (treatment ? a.thresholds().treatmentOn() : a.thresholds().productionOn()).text());
            if (treatment) {
                o.put("lowKw", a.thresholds().lowLoad().value() * ch.ratedKw());
                o.put("lowThreshold", a.thresholds().lowLoad().text());
            }
            ArrayNode kw = o.putArray("kw");
            for (int slot = 0; slot < grid.slots(); slot++) {
                if (s.has(c, slot)) kw.add(s.kw(c, slot));
                else kw.addNull();
            }
        }
        ArrayNode episodes = out.putArray("episodes");
        for (Anomaly e : a.result().anomalies()) {
            ObjectNode o = episodes.addObject();
            o.put("kind", e.kind().name()).put("label", e.kind().label()).put("subject", s.channel(e.subject()).id())
                    .put("from", time(grid.timeOf(e.from()))).put("to", time(grid.timeOf(e.to())))
                    .put("fromSlot", e.from()).put("toSlot", e.to()).put("clue", e.clue());
            e.channels().forEach(o.withArray("channels")::add);
            if (!e.tag().isEmpty()) o.put("tag", e.tag());
            if (e.suppressed() != null) o.put("suppressed", e.suppressed());
            o.put("evidence", e.evidence());
        }
        ArrayNode reports = out.putArray("reports");
        for (PowerSection.ReportSpec r : a.section().reports()) {
            ObjectNode o = reports.addObject().put("kind", r.kind()).put("from", time(r.from()));
            if (r.to() != null) o.put("to", time(r.to()));
            if (r.reportedAt() != null) o.put("reportedAt", time(r.reportedAt()));
            r.channels().forEach(o.withArray("channels")::add);
        }
        ArrayNode orders = out.putArray("orders");
        for (PowerSection.OrderSpec r : a.section().orders()) {
            ObjectNode o = orders.addObject().put("order", r.order()).put("kind", r.kind());
            if (r.from() != null) o.put("from", time(r.from()));
            if (r.to() != null) o.put("to", time(r.to()));
        }
        ArrayNode alerts = out.putArray("alerts");
        for (PowerSection.AlertSpec r : a.section().alerts()) {
            alerts.addObject().put("level", r.level()).put("from", time(r.from())).put("to", time(r.to()));
        }
        a.read().forEach(r -> out.withArray("files").addObject().put("file", r.file()).put("sha256", r.sha256()));
        return out;
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.toString();
    }
}
