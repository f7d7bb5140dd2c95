package tianping.power.derive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.facts.Episode;
import tianping.facts.Fault;
import tianping.power.episodes.Anomaly;
import tianping.power.readings.Grid;
import tianping.read.CaseInput.FindingInput;
import tianping.read.DerivedFindings;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes episodes as findings in the documented case format: 不正常运行污染防治设施 by the treatment channel's
 * medium (大气 → air_abnormal_operation, 水 → water_abnormal_operation), 预警期间未停止或限制排放
 * (alert_measures_not_taken), and 拒不执行停产整治、查封决定 (stop_order_defied, continuing the violation the
 * order was made for). Every finding shares the officer's facts from the section's {@code finding}; findings and
 * episodes are the reader's own records ({@link FindingInput}, {@link Episode}), written by {@link DerivedFindings}.
 */
final class FindingWriter {

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
        List<Episode> episodes = new ArrayList<>();
        live.forEach(a -> episodes.add(episode(a)));
        for (FaultAssessment.Late late : outcome.late()) {
            episodes.add(new Episode("P7", grid.timeOf(late.stop().from()), late.deadline(), late.stop().channels(), late.evidence()));
        }
        suppressed.forEach(a -> episodes.add(episode(a)));
        boolean air = medium.equals("大气");
        add(air ? "PW-AIR" : "PW-WATER", air ? "air_abnormal_operation" : "water_abnormal_operation", live, null,
                highestAlert(live, alerts), outcome.fault(), episodes);
    }

    void alert(List<Anomaly> anomalies) {
        add("PW-ALERT", "alert_measures_not_taken", anomalies, null,
                anomalies.stream().map(Anomaly::tag).max(Comparator.comparingInt(LEVELS::indexOf)).orElseThrow(), null, episodes(anomalies));
    }

    void stopOrder(PowerSection.OrderSpec order, List<Anomaly> anomalies) {
        add("PW-STOP-" + order.order(), "stop_order_defied", anomalies, order.relatesTo(), null, null, episodes(anomalies));
    }

    void clue(Anomaly a) {
        clues.add((ObjectNode) DerivedFindings.tree(episode(a)));
    }

    private void add(String id, String violation, List<Anomaly> anomalies, String continuationOf, String alertLevel,
                     Fault fault, List<Episode> episodes) {
        LocalDateTime first = anomalies.stream().map(a -> grid.timeOf(a.from())).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime last = anomalies.stream().map(a -> grid.timeOf(a.to())).max(Comparator.naturalOrder()).orElseThrow();
        findings.add(DerivedFindings.finding(FindingInput.derived(id, violation, first.toLocalDate(),
                last.minusMinutes(1).toLocalDate(), "用电监控", continuationOf, alertLevel, null, null, fault, episodes),
                section.finding()));
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

    private List<Episode> episodes(List<Anomaly> anomalies) {
        return anomalies.stream().map(this::episode).toList();
    }

    private Episode episode(Anomaly a) {
        String evidence = a.live() ? a.evidence() : a.suppressed() + "；" + a.evidence();
        return new Episode(a.kind().name(), grid.timeOf(a.from()), grid.timeOf(a.to()), a.channels(), evidence);
    }
}
