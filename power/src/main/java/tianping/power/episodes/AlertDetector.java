package tianping.power.episodes;

import java.util.List;

/**
 * P5: during a heavy-pollution alert, a production channel drawing more than its grade allows (alert-allowances.csv)
 * for at least the minimum duration. Grades that reduce on their own initiative (A, A+, 引领性: 自主减排) have no
 * mandated limit and are not checked. How a limit or a stop is breached: {@link Signals#beyondAllowance}.
 */
public final class AlertDetector implements Detector {

    private final List<AlertWindow> alerts;

    public AlertDetector(List<AlertWindow> alerts) {
        this.alerts = List.copyOf(alerts);
    }

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        int min = sig.minSlots(t.minDuration());
        var series = sig.series();
        for (AlertWindow alert : alerts) {
            if (alert.allowance().selfDirected()) continue;
            for (int p : sig.production()) {
                sig.beyondAllowance(p, alert.allowance().loadFraction(), alert.from(), alert.to(), min, (from, to, limit) -> {
                    String evidence = Kind.P5.label() + "：" + alert.level() + "预警期间，" + series.channel(p).label() + " 连续 "
                            + Evidence.duration(to - from, t.intervalMinutes()) + "平均 " + Evidence.kw(series.meanKw(p, from, to))
                            + "，超过绩效等级 " + alert.allowance().grade() + " 的允许负荷（额定功率的 "
                            + Evidence.percent(alert.allowance().loadFraction()) + "，" + alert.allowance().measure() + "，即 "
                            + Evidence.kw(limit) + "）；" + Evidence.window(series, from, to, List.of(sig.id(p))) + "；"
                            + Evidence.thresholds(new Threshold("允许负荷比例（" + alert.allowance().grade() + "，" + alert.level() + "）",
                                    alert.allowance().loadFraction(), "", alert.allowance().source()), t.productionOn(), t.minDuration())
                            + "（alert-allowances.csv 来源：" + alert.allowance().source() + "）";
                    found.add(new Anomaly(Kind.P5, p, from, to, List.of(sig.id(p)), evidence, min, false, alert.level(), null));
                });
            }
        }
    }
}
