package tianping.monitoring.episodes;

import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.values.Mean;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Finds exceedance episodes of one factor against one limit. Hourly: a run of hourly means outside the limit in
 * consecutive clock hours; an hour without a valid mean ends the run, because an excluded hour is not evidence of
 * exceedance. Daily: every day whose daily mean is outside the limit.
 */
public final class Exceedances {

    private Exceedances() {
    }

    /** @param means hourly means for an hourly limit, daily means for a daily one, keyed by start minute */
    public static List<ExceedanceEpisode> find(FactorLimit limit, SortedMap<Long, Mean> means) {
        List<ExceedanceEpisode> out = new ArrayList<>();
        List<Mean.Valid> run = new ArrayList<>();
        for (Mean m : means.values()) {
            boolean exceeds = m instanceof Mean.Valid v && limit.exceededBy(v.value());
            if (exceeds && limit.hourly() && !run.isEmpty() && m.start() != run.get(run.size() - 1).start() + 60) {
                out.add(episode(limit, run));
                run.clear();
            }
            if (exceeds) {
                run.add((Mean.Valid) m);
                if (!limit.hourly()) {
                    out.add(episode(limit, run));
                    run.clear();
                }
            } else if (!run.isEmpty()) {
                out.add(episode(limit, run));
                run.clear();
            }
        }
        if (!run.isEmpty()) out.add(episode(limit, run));
        return out;
    }

    private static ExceedanceEpisode episode(FactorLimit limit, List<Mean.Valid> run) {
        BigDecimal peak = run.get(0).value();
        for (Mean.Valid v : run) if (limit.excess(v.value()).compareTo(limit.excess(peak)) > 0) peak = v.value();
        return new ExceedanceEpisode(limit, run.get(0).start(), limit.hourly() ? run.size() : 0, peak, run);
    }
}
