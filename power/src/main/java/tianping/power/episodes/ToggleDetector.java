package tianping.power.episodes;

import java.util.ArrayList;
import java.util.List;

/**
 * P4 时开时停: within one natural day, the treatment channel went from on to off while production it serves ran
 * at least the parameter's number of times. Each stop may be too short to be a P1 episode; the pattern is the
 * anomaly. The episode runs from the first such stop to the restart after the last.
 */
public final class ToggleDetector implements Detector {

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        var grid = sig.series().grid();
        int needed = (int) t.togglesPerDay().value();
        for (int c : sig.treatment()) {
            int dayStart = 0;
            while (dayStart < sig.slots()) {
                int dayEnd = dayStart + 1;
                while (dayEnd < sig.slots() && !grid.midnight(dayEnd)) dayEnd++;
                day(sig, c, dayStart, dayEnd, needed, found);
                dayStart = dayEnd;
            }
        }
    }

    private static void day(Signals sig, int c, int from, int to, int needed, List<Anomaly> found) {
        List<Integer> stops = new ArrayList<>();
        int restart = to;
        for (int s = Math.max(from, 1); s < to; s++) {
            if (sig.state(c, s - 1) == Signals.ON && sig.state(c, s) == Signals.OFF && sig.servedOn(c, s)) stops.add(s);
        }
        if (stops.size() < needed) return;
        int last = stops.get(stops.size() - 1);
        for (int s = last; s < to; s++) {
            if (sig.state(c, s) == Signals.ON) {
                restart = s;
                break;
            }
        }
        Thresholds t = sig.thresholds();
        var grid = sig.series().grid();
        int start = stops.get(0);
        List<String> channels = new ArrayList<>(List.of(sig.id(c)));
        channels.addAll(sig.servedRunning(c, start, restart));
        List<String> times = stops.stream().map(s -> grid.timeOf(s).toLocalTime().toString()).toList();
        String evidence = Kind.P4.label() + "：" + sig.series().channel(c).label() + " 在 " + grid.timeOf(from).toLocalDate() + " 生产期间停运 "
                + stops.size() + " 次（" + String.join("、", times) + "）；" + Evidence.window(sig.series(), start, restart, channels) + "；"
                + Evidence.thresholds(t.togglesPerDay(), t.treatmentOn(), t.productionOn());
        found.add(new Anomaly(Kind.P4, c, start, restart, channels, evidence, 1, false, "", null));
    }
}
