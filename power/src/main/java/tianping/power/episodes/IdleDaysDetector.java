package tianping.power.episodes;

import java.util.List;

/**
 * P3 建而不用: a treatment channel that stayed off for whole natural days, every reading present and below its
 * on-power, while production it serves ran; runs of at least the parameter's days make one episode.
 */
public final class IdleDaysDetector implements Detector {

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        var grid = sig.series().grid();
        int perDay = grid.slotsPerDay();
        int first = firstMidnight(sig);
        int minProduction = sig.minSlots(t.minDuration());
        int minDays = (int) t.idleDays().value();
        for (int c : sig.treatment()) {
            int runStart = -1;
            int days = 0;
            for (int day = first; day + perDay <= sig.slots(); day += perDay) {
                if (idleDay(sig, c, day, day + perDay, minProduction)) {
                    if (runStart < 0) runStart = day;
                    days++;
                } else {
                    emit(sig, c, runStart, days, minDays, found);
                    runStart = -1;
                    days = 0;
                }
            }
            emit(sig, c, runStart, days, minDays, found);
        }
    }

    private static int firstMidnight(Signals sig) {
        var grid = sig.series().grid();
        for (int s = 0; s < sig.slots(); s++) {
            if (grid.midnight(s)) return s;
        }
        return sig.slots();
    }

    private static boolean idleDay(Signals sig, int c, int from, int to, int minProduction) {
        int producing = 0;
        for (int s = from; s < to; s++) {
            if (sig.state(c, s) != Signals.OFF) return false;
            if (sig.servedOn(c, s)) producing++;
        }
        return producing >= minProduction;
    }

    private static void emit(Signals sig, int c, int from, int days, int minDays, List<Anomaly> found) {
        if (from < 0 || days < minDays) return;
        Thresholds t = sig.thresholds();
        int to = from + days * sig.series().grid().slotsPerDay();
        List<String> channels = new java.util.ArrayList<>(List.of(sig.id(c)));
        channels.addAll(sig.servedRunning(c, from, to));
        String evidence = Kind.P3.label() + "：" + sig.series().channel(c).label() + " 连续 " + days + " 个自然日全部读数低于额定功率的 "
                + Evidence.percent(t.treatmentOn().value()) + "（最大 " + Evidence.kw(max(sig, c, from, to)) + "），同期所服务的生产设施运行；"
                + Evidence.window(sig.series(), from, to, channels) + "；"
                + Evidence.thresholds(t.idleDays(), t.treatmentOn(), t.productionOn(), t.minDuration());
        found.add(new Anomaly(Kind.P3, c, from, to, channels, evidence, to - from, false, "", null));
    }

    private static double max(Signals sig, int c, int from, int to) {
        double m = 0;
        for (int s = from; s < to; s++) if (sig.series().has(c, s)) m = Math.max(m, sig.series().kw(c, s));
        return m;
    }
}
