package tianping.power.episodes;

import java.util.List;

/**
 * P8 测点离线: a channel with no reading for at least the parameter's number of consecutive slots. Evidence of
 * missing data (a maintenance duty), not a violation: brief § 5.2 maps it to no penalty provision.
 */
public final class OfflineDetector implements Detector {

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        int min = (int) t.offlineSlots().value();
        var series = sig.series();
        for (int c = 0; c < series.channels().size(); c++) {
            int channel = c;
            Runs.find(0, sig.slots(), min, s -> sig.state(channel, s) == Signals.GAP, (from, to) -> {
                String evidence = Kind.P8.label() + "：" + series.channel(channel).label() + " 连续 " + (to - from) + " 个采样时段（"
                        + Evidence.duration(to - from, t.intervalMinutes()) + "）无读数，期间用电状况无法判断；"
                        + Evidence.thresholds(t.offlineSlots(), t.interval());
                found.add(new Anomaly(Kind.P8, channel, from, to, List.of(sig.id(channel)), evidence, min, true, "", null));
            });
        }
    }
}
