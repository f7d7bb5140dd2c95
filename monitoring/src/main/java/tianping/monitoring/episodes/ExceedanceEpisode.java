package tianping.monitoring.episodes;

import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.values.Mean;

import java.math.BigDecimal;
import java.util.List;

/**
 * One exceedance episode of one factor: consecutive valid hourly means outside the limit, or one daily mean.
 *
 * @param start   the minute the first hour or the day starts
 * @param hours   consecutive hours (hourly means); 0 for a daily mean
 * @param peak    the mean furthest outside the limit
 * @param counted the means the episode consists of, in order
 */
public record ExceedanceEpisode(FactorLimit factor, long start, int hours, BigDecimal peak, List<Mean.Valid> counted) {

    public ExceedanceEpisode {
        counted = List.copyOf(counted);
    }

    /** The minute just after the episode. */
    public long end() {
        return hours > 0 ? start + hours * 60L : start + 1440;
    }
}
