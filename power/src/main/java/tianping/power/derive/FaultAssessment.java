package tianping.power.derive;

import tianping.facts.Fault;
import tianping.power.episodes.Anomaly;
import tianping.power.episodes.Evidence;
import tianping.power.episodes.Kind;
import tianping.power.episodes.Report;
import tianping.power.episodes.Signals;
import tianping.power.episodes.Thresholds;
import tianping.power.readings.Grid;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Weighs the treatment stops of one medium against the enterprise's 故障 reports: a stop with no report within
 * the report window is a P7 episode; when every anomaly of the medium is covered by a fault report, the finding
 * gets its fault (occurredAt = the stop as the readings show it, reportedAt, sudden as declared, productionCut as
 * the readings show it) so the temporary fault excuse (临沂 LY-1) can be weighed by the rules.
 */
final class FaultAssessment {

    /** A P7 episode, the fault the finding carries (or null), and the treatment anomalies with fault notes. */
    record Outcome(List<Anomaly> anomalies, List<Late> late, Fault fault) {
    }

    /** A stop not reported within the window: when it began, the deadline, and what was (not) reported. */
    record Late(Anomaly stop, LocalDateTime deadline, String evidence) {
    }

    private FaultAssessment() {
    }

    static Outcome assess(List<Anomaly> treatment, List<Report> reports, Signals sig) {
        Thresholds t = sig.thresholds();
        Grid grid = sig.series().grid();
        double limitHours = t.faultReportHours().value();
        List<Anomaly> noted = new ArrayList<>();
        List<Late> late = new ArrayList<>();
        boolean allCovered = true;
        boolean sudden = true;
        boolean cut = true;
        double worst = -1;
        LocalDateTime occurredAt = null;
        LocalDateTime reportedAt = null;
        for (Anomaly a : treatment) {
            LocalDateTime start = grid.timeOf(a.from());
            Report r = report(a, reports, grid);
            boolean stop = a.kind() == Kind.P1 || a.kind() == Kind.P3;
            double hours = r == null ? Double.NaN : Duration.between(start, r.reportedAt()).toMinutes() / 60.0;
            if (stop && (r == null || hours > limitHours)) {
                LocalDateTime deadline = start.plusMinutes((long) (limitHours * 60));
                String what = r == null ? "至 " + deadline + " 未向生态环境部门报告故障"
                        : "于 " + r.reportedAt() + " 才报告故障，用时 " + plain(hours) + " 小时";
                late.add(new Late(a, deadline, Kind.P7.label() + "：" + sig.series().channel(a.subject()).label() + " 自 " + start
                        + " 停运，" + what + "；" + Evidence.thresholds(t.faultReportHours())));
            }
            if (r == null) {
                allCovered = false;
                noted.add(a);
                continue;
            }
            boolean aCut = productionCut(a, sig);
            cut &= aCut;
            sudden &= Boolean.TRUE.equals(r.sudden());
            if (hours > worst) {
                worst = hours;
                occurredAt = start;
                reportedAt = r.reportedAt();
            }
            noted.add(new Anomaly(a.kind(), a.subject(), a.from(), a.to(), a.channels(), a.evidence() + "；故障报告："
                    + r.describe().replace("报备", "报告") + "，自停运起报告用时 " + plain(hours) + " 小时；" + cutText(a, sig, aCut),
                    a.minSlots(), a.clue(), a.tag(), a.suppressed()));
        }
        Fault fault = allCovered && !treatment.isEmpty() ? new Fault(occurredAt, reportedAt, sudden, cut) : null;
        return new Outcome(noted, late, fault);
    }

    /** The earliest fault report on the anomaly's treatment channel whose period meets the anomaly. */
    private static Report report(Anomaly a, List<Report> reports, Grid grid) {
        LocalDateTime start = grid.timeOf(a.from());
        LocalDateTime end = grid.timeOf(a.to());
        Report best = null;
        for (Report r : reports) {
            if (!r.fault() || !r.covers(a.subject())) continue;
            if (r.from().isAfter(end) || (r.to() != null && r.to().isBefore(start))) continue;
            if (best == null || r.reportedAt().isBefore(best.reportedAt())) best = r;
        }
        return best;
    }

    /**
     * Production was stopped or cut when, from the response time after the stop to its end, the served production
     * drew at most the cut fraction of what it drew in the hour before (or of its rated power, if unread).
     */
    static boolean productionCut(Anomaly a, Signals sig) {
        double[] m = cutMeasures(a, sig);
        return Double.isNaN(m[1]) || m[1] <= sig.thresholds().cutFraction().value() * m[0];
    }

    private static String cutText(Anomaly a, Signals sig, boolean cut) {
        Thresholds t = sig.thresholds();
        double[] m = cutMeasures(a, sig);
        String measured = Double.isNaN(m[1]) ? "治污设施在响应时限内已恢复"
                : "响应时限后生产平均 " + Evidence.kw(m[1]) + "，故障前一小时平均 " + Evidence.kw(m[0]);
        return "停产减产核查：" + measured + "，" + (cut ? "已停产或减产" : "未停产或减产") + "（"
                + Evidence.thresholds(t.cutResponse(), t.cutFraction()) + "）";
    }

    /** {baseline kW before the stop, mean kW after the response time (NaN if the stop ended before it)}. */
    private static double[] cutMeasures(Anomaly a, Signals sig) {
        var series = sig.series();
        Grid grid = series.grid();
        int[] served = sig.served(a.subject());
        int hour = grid.slotsFor(60);
        double before = total(sig, served, Math.max(0, a.from() - hour), a.from());
        if (Double.isNaN(before)) {
            before = 0;
            for (int p : served) before += series.channel(p).ratedKw();
        }
        int after = a.from() + grid.slotsFor(sig.thresholds().cutResponse().value());
        return new double[]{before, after >= a.to() ? Double.NaN : total(sig, served, after, a.to())};
    }

    /** Mean over [from, to) of the served channels' total power, over the slots where some was read. */
    private static double total(Signals sig, int[] served, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int s = from; s < to; s++) {
            double slot = 0;
            boolean read = false;
            for (int p : served) {
                if (sig.series().has(p, s)) {
                    slot += sig.series().kw(p, s);
                    read = true;
                }
            }
            if (read) {
                sum += slot;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static String plain(double v) {
        return tianping.law.Numbers.plain(Math.round(v * 100) / 100.0);
    }
}
