package tianping.power.episodes;

import java.util.ArrayList;
import java.util.List;

/**
 * P1: a production channel running (at or above its on-power) while a treatment channel serving it is off, for
 * at least the minimum duration. A gap in either ends the episode: nothing is assumed about unread slots. Days
 * already found as P3 (建而不用) are left to that episode.
 */
public final class TreatmentOffDetector implements Detector {

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        int min = sig.minSlots(t.minDuration());
        List<Anomaly> idle = found.stream().filter(a -> a.kind() == Kind.P3).toList();
        for (int c : sig.treatment()) {
            boolean[] taken = new boolean[sig.slots()];
            for (Anomaly a : idle) if (a.subject() == c) for (int s = a.from(); s < a.to(); s++) taken[s] = true;
            Runs.find(0, sig.slots(), min, s -> !taken[s] && sig.state(c, s) == Signals.OFF && sig.servedOn(c, s),
                    (from, to) -> found.add(episode(sig, c, from, to, min)));
        }
    }

    private static Anomaly episode(Signals sig, int c, int from, int to, int min) {
        Thresholds t = sig.thresholds();
        var series = sig.series();
        double maxTreatment = 0;
        double production = 0;
        for (int s = from; s < to; s++) {
            maxTreatment = Math.max(maxTreatment, series.kw(c, s));
            production += sig.servedKw(c, s);
        }
        List<String> channels = new ArrayList<>(List.of(sig.id(c)));
        channels.addAll(sig.servedRunning(c, from, to));
        String evidence = Kind.P1.label() + "：" + series.channel(c).label() + " 连续 " + Evidence.duration(to - from, t.intervalMinutes())
                + "低于额定功率（" + Evidence.kw(series.channel(c).ratedKw()) + "）的 " + Evidence.percent(t.treatmentOn().value())
                + "（最大 " + Evidence.kw(maxTreatment) + "），同期 " + String.join("、", channels.subList(1, channels.size()))
                + " 在运行（平均 " + Evidence.kw(production / (to - from)) + "）；" + Evidence.window(series, from, to, channels) + "；"
                + Evidence.thresholds(t.treatmentOn(), t.productionOn(), t.minDuration());
        return new Anomaly(Kind.P1, c, from, to, channels, evidence, min, false, "", null);
    }
}
