package tianping.power.episodes;

import java.util.List;

/**
 * P4 夜间用电异常 (株洲 practice), only for enterprises metered by a total meter alone: on a natural day whose
 * night mean power reaches the night/day ratio times the day mean (and is at least the on-power, so a dark
 * site's standby does not count). A clue for an on-site check, not a finding: without treatment metering the
 * readings cannot show which facility ran. Each half needs at least half of its slots read.
 */
public final class NightUseDetector implements Detector {

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        if (!sig.production().isEmpty() || !sig.treatment().isEmpty()) return;
        var grid = sig.series().grid();
        for (int c : sig.total()) {
            int dayStart = 0;
            while (dayStart < sig.slots()) {
                int dayEnd = dayStart + 1;
                while (dayEnd < sig.slots() && !grid.midnight(dayEnd)) dayEnd++;
                day(sig, c, dayStart, dayEnd, found);
                dayStart = dayEnd;
            }
        }
    }

    private static void day(Signals sig, int c, int from, int to, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        var series = sig.series();
        int nightStart = (int) t.nightStart().value();
        int nightEnd = (int) t.nightEnd().value();
        double nightSum = 0, daySum = 0;
        int nightSlots = 0, daySlots = 0, nightRead = 0, dayRead = 0;
        for (int s = from; s < to; s++) {
            int hour = series.grid().hourOf(s);
            boolean night = nightStart > nightEnd ? hour >= nightStart || hour < nightEnd : hour >= nightStart && hour < nightEnd;
            if (night) nightSlots++;
            else daySlots++;
            if (!series.has(c, s)) continue;
            if (night) {
                nightSum += series.kw(c, s);
                nightRead++;
            } else {
                daySum += series.kw(c, s);
                dayRead++;
            }
        }
        if (nightSlots == 0 || daySlots == 0 || nightRead * 2 < nightSlots || dayRead * 2 < daySlots) return;
        double night = nightSum / nightRead;
        double day = daySum / dayRead;
        double on = t.productionOn().value() * series.channel(c).ratedKw();
        if (night < on || night < t.nightRatio().value() * day) return;
        String ratio = day > 0 ? tianping.law.Numbers.plain(Math.round(night / day * 100) / 100.0) + " 倍" : "（白天无用电）";
        String evidence = "夜间用电异常（仅有总表，线索）：" + series.channel(c).label() + " " + series.grid().timeOf(from).toLocalDate()
                + " 夜间平均 " + Evidence.kw(night) + "，白天平均 " + Evidence.kw(day) + "，夜间为白天的 " + ratio + "；"
                + Evidence.window(series, from, to, List.of(sig.id(c))) + "；"
                + Evidence.thresholds(t.nightRatio(), t.nightStart(), t.nightEnd(), t.productionOn());
        found.add(new Anomaly(Kind.P4, c, from, to, List.of(sig.id(c)), evidence, 1, true, "", null));
    }
}
