package tianping.power.episodes;

import tianping.power.readings.Grid;

import java.util.ArrayList;
import java.util.List;

/**
 * Pre-reported stops (报备: 停产, 检修, 停电, 调试) suppress the alerts they cover (株洲: every pre-reported
 * stop was found lawful). A report covers the part of an episode on its channels that lies within its period and
 * after it was made: a report made after the stop began is not a 报备 for the part before it. The covered part
 * stays in the record marked "已报备，不预警"; the rest stands if it is still long enough. Production during an
 * alert or an order (P5, P6) is never suppressed: no report permits what an order forbids. 故障 reports are not
 * 报备: they are weighed as the fault excuse (临沂 LY-1), not as suppression.
 */
public final class Suppression {

    private Suppression() {
    }

    public static List<Anomaly> apply(List<Anomaly> anomalies, List<Report> reports, Grid grid) {
        List<Anomaly> out = new ArrayList<>();
        for (Anomaly a : anomalies) {
            List<Anomaly> pieces = new ArrayList<>(List.of(a));
            if (a.kind() != Kind.P5 && a.kind() != Kind.P6) {
                for (Report r : reports) {
                    if (r.fault() || !r.covers(a.subject())) continue;
                    List<Anomaly> next = new ArrayList<>();
                    for (Anomaly piece : pieces) cut(piece, r, grid, next);
                    pieces = next;
                }
            }
            out.addAll(pieces);
        }
        return out;
    }

    private static void cut(Anomaly a, Report r, Grid grid, List<Anomaly> out) {
        if (!a.live()) {
            out.add(a);
            return;
        }
        LocalDateTimeRange range = new LocalDateTimeRange(r.from().isAfter(r.reportedAt()) ? r.from() : r.reportedAt(), r.to());
        int from = Math.max(a.from(), range.firstSlot(grid));
        int to = Math.min(a.to(), range.endSlot(grid));
        if (from >= to) {
            out.add(a);
            return;
        }
        if (from - a.from() >= a.minSlots()) out.add(a.slice(a.from(), from));
        out.add(a.suppress(from, to, "已报备，不预警：" + r.describe()));
        if (a.to() - to >= a.minSlots()) out.add(a.slice(to, a.to()));
    }

    /** A report's effective period on the grid: slots starting at or after its start, ending by its end. */
    private record LocalDateTimeRange(java.time.LocalDateTime from, java.time.LocalDateTime to) {
        int firstSlot(Grid grid) {
            long minutes = java.time.Duration.between(grid.start(), from).toMinutes();
            if (minutes <= 0) return 0;
            return (int) Math.min(grid.slots(), (minutes + grid.intervalMinutes() - 1) / grid.intervalMinutes());
        }

        int endSlot(Grid grid) {
            if (to == null) return grid.slots();
            long minutes = java.time.Duration.between(grid.start(), to).toMinutes();
            if (minutes <= 0) return 0;
            return (int) Math.min(grid.slots(), minutes / grid.intervalMinutes());
        }
    }
}
