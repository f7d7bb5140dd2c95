package tianping.power.derive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.power.episodes.Anomaly;
import tianping.power.readings.Grid;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes episodes as findings in the documented case format: 不正常运行污染防治设施 by the treatment channel's
 * medium (大气 → air_abnormal_operation, 水 → water_abnormal_operation), 预警期间未停止或限制排放
 * (alert_measures_not_taken), and 拒不执行停产整治、查封决定 (stop_order_defied, continuing the violation the
 * order was made for). Every finding shares the officer's facts from the section's {@code finding}.
 */
final class FindingWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final List<String> LEVELS = List.of("黄色", "橙色", "红色");

    private final PowerSection section;
    private final Grid grid;
    private final List<ObjectNode> findings = new ArrayList<>();
    private final List<ObjectNode> clues = new ArrayList<>();

    FindingWriter(PowerSection section, Grid grid) {
        this.section = section;
        this.grid = grid;
    }

    List<ObjectNode> findings() {
        return findings;
    }

    List<ObjectNode> clues() {
        return clues;
    }

    void abnormalOperation(String medium, FaultAssessment.Outcome outcome, List<Anomaly> suppressed,
                           List<PowerSection.AlertSpec> alerts) {
        List<Anomaly> live = outcome.anomalies();
        ObjectNode f = base(medium.equals("大气") ? "PW-AIR" : "PW-WATER", medium.equals("大气") ? "air_abnormal_operation" : "water_abnormal_operation", live);
        String level = highestAlert(live, alerts);
        if (level != null) f.put("duringHeavyPollutionAlert", level);
        if (outcome.fault() != null) {
            ObjectNode fault = f.putObject("fault");
            fault.put("occurredAt", TIME.format(outcome.fault().occurredAt()));
            fault.put("reportedAt", TIME.format(outcome.fault().reportedAt()));
            fault.put("sudden", outcome.fault().sudden());
            fault.put("productionCut", outcome.fault().productionCut());
        }
        ArrayNode episodes = f.putArray("episodes");
        live.forEach(a -> episodes.add(episode(a)));
        for (FaultAssessment.Late late : outcome.late()) {
            episodes.add(episode("P7", grid.timeOf(late.stop().from()), late.deadline(), late.stop().channels(), late.evidence()));
        }
        suppressed.forEach(a -> episodes.add(episode(a)));
        findings.add(f);
    }

    void alert(List<Anomaly> anomalies) {
        ObjectNode f = base("PW-ALERT", "alert_measures_not_taken", anomalies);
        f.put("duringHeavyPollutionAlert", anomalies.stream().map(Anomaly::tag).max(Comparator.comparingInt(LEVELS::indexOf)).orElseThrow());
        ArrayNode episodes = f.putArray("episodes");
        anomalies.forEach(a -> episodes.add(episode(a)));
        findings.add(f);
    }

    void stopOrder(PowerSection.OrderSpec order, List<Anomaly> anomalies) {
        ObjectNode f = base("PW-STOP-" + order.order(), "stop_order_defied", anomalies);
        f.put("continuationOf", order.relatesTo());
        ArrayNode episodes = f.putArray("episodes");
        anomalies.forEach(a -> episodes.add(episode(a)));
        findings.add(f);
    }

    void clue(Anomaly a) {
        clues.add(episode(a));
    }

    private ObjectNode base(String id, String violation, List<Anomaly> anomalies) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("id", id);
        f.put("violation", violation);
        LocalDateTime first = anomalies.stream().map(a -> grid.timeOf(a.from())).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime last = anomalies.stream().map(a -> grid.timeOf(a.to())).max(Comparator.naturalOrder()).orElseThrow();
        f.put("actDate", first.toLocalDate().toString());
        f.put("actEndDate", last.minusMinutes(1).toLocalDate().toString());
        f.put("discoveredBy", "用电监控");
        section.finding().fields().forEachRemaining(e -> f.set(e.getKey(), e.getValue().deepCopy()));
        return f;
    }

    private String highestAlert(List<Anomaly> anomalies, List<PowerSection.AlertSpec> alerts) {
        String best = null;
        for (Anomaly a : anomalies) {
            LocalDateTime start = grid.timeOf(a.from());
            LocalDateTime end = grid.timeOf(a.to());
            for (PowerSection.AlertSpec alert : alerts) {
                if (alert.from().isBefore(end) && alert.to().isAfter(start)
                        && (best == null || LEVELS.indexOf(alert.level()) > LEVELS.indexOf(best))) best = alert.level();
            }
        }
        return best;
    }

    private ObjectNode episode(Anomaly a) {
        String evidence = a.live() ? a.evidence() : a.suppressed() + "；" + a.evidence();
        return episode(a.kind().name(), grid.timeOf(a.from()), grid.timeOf(a.to()), a.channels(), evidence);
    }

    private static ObjectNode episode(String kind, LocalDateTime start, LocalDateTime end, List<String> channels, String evidence) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("kind", kind);
        e.put("start", TIME.format(start));
        e.put("end", TIME.format(end));
        ArrayNode c = e.putArray("channels");
        channels.forEach(c::add);
        e.put("evidence", evidence);
        return e;
    }
}
