package tianping.power.derive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.AlertAllowance;
import tianping.law.LawBook;
import tianping.power.episodes.AlertDetector;
import tianping.power.episodes.AlertWindow;
import tianping.power.episodes.Anomaly;
import tianping.power.episodes.Detector;
import tianping.power.episodes.IdleDaysDetector;
import tianping.power.episodes.Kind;
import tianping.power.episodes.NightUseDetector;
import tianping.power.episodes.OfflineDetector;
import tianping.power.episodes.OrderDetector;
import tianping.power.episodes.OrderWindow;
import tianping.power.episodes.Report;
import tianping.power.episodes.Signals;
import tianping.power.episodes.Suppression;
import tianping.power.episodes.Thresholds;
import tianping.power.episodes.ToggleDetector;
import tianping.power.episodes.TreatmentOffDetector;
import tianping.power.episodes.UnderRunDetector;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Grid;
import tianping.power.readings.Role;
import tianping.read.CaseError;
import tianping.read.CaseRejected;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals → episodes → findings for one enterprise: runs the detectors over its normalised readings, lets
 * 报备 suppress what they cover, weighs fault reports, and writes the findings (and the clues that are no
 * finding) in the case format. The same code serves a single case and a province batch.
 */
public final class PowerAnalysis {

    /** What the readings showed: every episode (suppressed and clues included), the findings and the clues. */
    public record Result(List<Anomaly> anomalies, List<ObjectNode> findings, List<ObjectNode> clues) {
    }

    private PowerAnalysis() {
    }

    public static Result analyze(String file, PowerSection section, EnterpriseSeries series, Thresholds t, LawBook law)
            throws CaseRejected {
        Grid grid = series.grid();
        Signals sig = new Signals(series, t);
        List<Detector> detectors = List.of(new IdleDaysDetector(), new TreatmentOffDetector(), new UnderRunDetector(),
                new ToggleDetector(), new NightUseDetector(), new AlertDetector(alerts(file, section, grid, law)),
                new OrderDetector(orders(section, series, sig)), new OfflineDetector());
        List<Anomaly> found = new ArrayList<>();
        for (Detector d : detectors) d.detect(sig, found);
        List<Report> reports = reports(section, series);
        List<Anomaly> anomalies = Suppression.apply(found, reports, grid);
        FindingWriter writer = new FindingWriter(section, grid);
        List<Anomaly> all = new ArrayList<>();
        for (String medium : List.of("大气", "水")) {
            List<Anomaly> mine = anomalies.stream().filter(a -> a.kind().treatment() && !a.clue()
                    && medium.equals(series.channel(a.subject()).medium())).toList();
            List<Anomaly> live = mine.stream().filter(Anomaly::live).toList();
            FaultAssessment.Outcome fault = FaultAssessment.assess(live, reports, sig);
            List<Anomaly> suppressed = mine.stream().filter(a -> !a.live()).toList();
            all.addAll(fault.anomalies());
            all.addAll(suppressed);
            for (FaultAssessment.Late late : fault.late()) {
                all.add(new Anomaly(Kind.P7, late.stop().subject(), late.stop().from(), late.stop().to(), late.stop().channels(),
                        late.evidence(), 1, false, "", null));
            }
            if (!live.isEmpty()) writer.abnormalOperation(medium, fault, suppressed, section.alerts());
            else suppressed.forEach(writer::clue);
        }
        List<Anomaly> alert = anomalies.stream().filter(a -> a.kind() == Kind.P5).toList();
        all.addAll(alert);
        if (!alert.isEmpty()) writer.alert(alert);
        for (PowerSection.OrderSpec order : section.orders()) {
            List<Anomaly> defied = anomalies.stream().filter(a -> a.kind() == Kind.P6 && a.tag().equals(order.order())).toList();
            all.addAll(defied);
            if (!defied.isEmpty()) writer.stopOrder(order, defied);
        }
        for (Anomaly a : anomalies) {
            if (a.clue()) {
                all.add(a);
                writer.clue(a);
            }
        }
        return new Result(all, writer.findings(), writer.clues());
    }

    private static List<AlertWindow> alerts(String file, PowerSection section, Grid grid, LawBook law) throws CaseRejected {
        List<AlertWindow> out = new ArrayList<>();
        List<CaseError> errors = new ArrayList<>();
        for (PowerSection.AlertSpec a : section.alerts()) {
            AlertAllowance allowance = law.alertAllowance(section.grade(), a.level(), a.from().toLocalDate()).orElse(null);
            if (allowance == null) {
                errors.add(new CaseError(file, a.path(), "unknown_reference", "alert-allowances.csv 中没有绩效等级 " + section.grade()
                        + " 在" + a.level() + "预警（" + a.from().toLocalDate() + "）的允许负荷"));
                continue;
            }
            out.add(new AlertWindow(a.level(), slot(grid, a.from()), slot(grid, a.to()), allowance));
        }
        if (!errors.isEmpty()) throw new CaseRejected(errors);
        return out;
    }

    private static List<OrderWindow> orders(PowerSection section, EnterpriseSeries series, Signals sig) {
        List<Integer> defaults = !sig.production().isEmpty() ? sig.production() : sig.total();
        List<OrderWindow> out = new ArrayList<>();
        for (PowerSection.OrderSpec o : section.orders()) {
            List<Integer> channels = o.channels().isEmpty() ? defaults
                    : o.channels().stream().map(series::indexOf).filter(c -> series.channel(c).role() != Role.TREATMENT).toList();
            out.add(new OrderWindow(o.order(), o.kind(), slot(series.grid(), o.from()),
                    o.to() == null ? series.grid().slots() : slot(series.grid(), o.to()), channels, o.allowedLoad()));
        }
        return out;
    }

    private static List<Report> reports(PowerSection section, EnterpriseSeries series) {
        return section.reports().stream().map(r -> new Report(r.kind(), r.channels().stream().map(series::indexOf).toList(),
                r.from(), r.to(), r.reportedAt(), r.sudden())).toList();
    }

    /** The first slot starting at or after a time, clamped to the grid. */
    static int slot(Grid grid, LocalDateTime time) {
        long minutes = Duration.between(grid.start(), time).toMinutes();
        if (minutes <= 0) return 0;
        return (int) Math.min(grid.slots(), (minutes + grid.intervalMinutes() - 1) / grid.intervalMinutes());
    }
}
