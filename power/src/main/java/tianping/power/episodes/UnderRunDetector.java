package tianping.power.episodes;

import java.util.ArrayList;
import java.util.List;

/**
 * P2 低负荷、空转、降频: while production it serves runs, a treatment channel that is on but draws less than the
 * low-load fraction of its rated power, or whose power per kW of production falls below the drop fraction of its
 * own baseline (the median ratio over the period's slots where both ran, when there are enough of them).
 */
public final class UnderRunDetector implements Detector {

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        int min = sig.minSlots(t.lowLoadDuration());
        var series = sig.series();
        for (int c : sig.treatment()) {
            double rated = series.channel(c).ratedKw();
            double[] ratio = new double[sig.slots()];
            int n = 0;
            for (int s = 0; s < sig.slots(); s++) {
                ratio[s] = Double.NaN;
                if (sig.state(c, s) == Signals.ON && sig.servedOn(c, s)) {
                    ratio[s] = series.kw(c, s) / sig.servedKw(c, s);
                    n++;
                }
            }
            double baseline = n >= t.baselineSlots().value() ? Median.of(ratio, n) : Double.NaN;
            double floor = baseline * t.ratioDrop().value();
            Runs.find(0, sig.slots(), min, s -> !Double.isNaN(ratio[s])
                            && (series.kw(c, s) < t.lowLoad().value() * rated || ratio[s] < floor),
                    (from, to) -> found.add(episode(sig, c, from, to, min, baseline)));
        }
    }

    private static Anomaly episode(Signals sig, int c, int from, int to, int min, double baseline) {
        Thresholds t = sig.thresholds();
        var series = sig.series();
        double mean = series.meanKw(c, from, to);
        double production = 0;
        for (int s = from; s < to; s++) production += sig.servedKw(c, s);
        production /= (to - from);
        List<String> channels = new ArrayList<>(List.of(sig.id(c)));
        channels.addAll(sig.servedRunning(c, from, to));
        String against = "平均 " + Evidence.kw(mean) + "，为额定功率（" + Evidence.kw(series.channel(c).ratedKw()) + "）的 "
                + Evidence.percent(mean / series.channel(c).ratedKw());
        if (!Double.isNaN(baseline)) {
            against += "；治污产污用电比 " + plain(mean / production) + "，本期基线 " + plain(baseline);
        }
        String evidence = Kind.P2.label() + "：" + series.channel(c).label() + " 在运行但连续 " + Evidence.duration(to - from, t.intervalMinutes())
                + "负荷不足（" + against + "），同期所服务的生产设施运行（平均 " + Evidence.kw(production) + "）；"
                + Evidence.window(series, from, to, channels) + "；"
                + Evidence.thresholds(t.lowLoad(), t.ratioDrop(), t.baselineSlots(), t.lowLoadDuration());
        return new Anomaly(Kind.P2, c, from, to, channels, evidence, min, false, "", null);
    }

    private static String plain(double v) {
        return tianping.law.Numbers.plain(Math.round(v * 1000) / 1000.0);
    }
}
