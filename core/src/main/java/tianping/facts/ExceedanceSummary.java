package tianping.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The measures the lists read from a finding's exceedance episodes, computed once: rules test them many times.
 * Every value is null when the finding carries no monitoring data.
 *
 * @param maxDailyExceedanceMinutes 日最大累计超标时长 in whole minutes: for each natural day, the minutes covered by
 *                                  an exceeding hourly-mean episode (any factor, each minute once), and the largest
 *                                  such day. Kept in minutes so that 4 h and 4 h 15 min compare exactly.
 */
record ExceedanceSummary(Integer factorsExceeded, Double maxHourlyMultiple, Double maxDailyMultiple, Double maxMultiple,
                         Long maxDailyExceedanceMinutes, Boolean toxicOrClassI, Boolean phExceeded, Double phMin,
                         Double phMax, Double noiseExcessDb, Boolean dailyMeanExceeded, LocalDateTime firstStart,
                         double maxHeavyMetalOrPopRatio, boolean sulphurOrNitrogenOxides,
                         Map<String, Double> maxRatioByMetalGroup) {

    static final ExceedanceSummary NONE = new ExceedanceSummary(null, null, null, null, null, null, null, null, null,
            null, null, null, 0.0, false, Map.of());

    static ExceedanceSummary of(List<Exceedance> exceedances) {
        if (exceedances.isEmpty()) return NONE;
        List<Exceedance> ph = exceedances.stream().filter(e -> e.pollutant().code().equals("w01001")).toList();
        return new ExceedanceSummary(
                (int) exceedances.stream().map(e -> e.pollutant().code()).distinct().count(),
                maxMultiple(exceedances, Exceedance::hourly),
                maxMultiple(exceedances, Exceedance::daily),
                maxMultiple(exceedances, e -> true),
                dailyMinutes(exceedances),
                exceedances.stream().anyMatch(e -> e.pollutant().toxicOrClassI()),
                !ph.isEmpty(),
                ph.stream().map(e -> e.measured().doubleValue()).min(Comparator.naturalOrder()).orElse(null),
                ph.stream().map(e -> e.measured().doubleValue()).max(Comparator.naturalOrder()).orElse(null),
                exceedances.stream().filter(Exceedance::isNoise).filter(e -> e.limit() != null)
                        .map(e -> e.measured().subtract(e.limit()).doubleValue()).max(Comparator.naturalOrder()).orElse(null),
                exceedances.stream().anyMatch(Exceedance::daily),
                exceedances.stream().map(Exceedance::start).min(Comparator.naturalOrder()).orElse(null),
                maxRatio(exceedances, e -> e.pollutant().heavyMetal() || e.pollutant().persistentOrganic()),
                exceedances.stream().anyMatch(e -> e.pollutant().code().equals("a21026") || e.pollutant().code().equals("a21002")),
                ratiosByMetalGroup(exceedances));
    }

    private static Map<String, Double> ratiosByMetalGroup(List<Exceedance> exceedances) {
        Map<String, Double> out = new HashMap<>();
        for (Exceedance e : exceedances) {
            Double ratio = e.ratio();
            if (ratio != null && e.pollutant().heavyMetal()) out.merge(e.pollutant().metalGroup(), ratio, Math::max);
        }
        return Map.copyOf(out);
    }

    /** measured / limit, the highest among the exceedances selected; 0 if none. */
    static double maxRatio(List<Exceedance> exceedances, Predicate<Exceedance> which) {
        return exceedances.stream().filter(which).map(Exceedance::ratio).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(0.0);
    }

    private static Double maxMultiple(List<Exceedance> exceedances, Predicate<Exceedance> which) {
        return exceedances.stream().filter(which).map(Exceedance::multiple).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The largest natural day's exceeding minutes. Each episode is the interval [start, start + minutes), cut at
     * midnight; the intervals of one day are merged so that a minute two factors exceed together counts once.
     */
    private static Long dailyMinutes(List<Exceedance> exceedances) {
        Map<LocalDate, List<long[]>> byDay = new HashMap<>();
        for (Exceedance e : exceedances) {
            if (!e.hourly() || e.minutes() <= 0) continue;
            LocalDateTime from = e.start().truncatedTo(ChronoUnit.MINUTES);
            LocalDateTime to = from.plusMinutes(e.minutes());
            while (from.isBefore(to)) {
                LocalDateTime midnight = from.toLocalDate().plusDays(1).atStartOfDay();
                LocalDateTime end = to.isBefore(midnight) ? to : midnight;
                long a = from.getHour() * 60L + from.getMinute();
                byDay.computeIfAbsent(from.toLocalDate(), d -> new ArrayList<>())
                        .add(new long[] {a, a + ChronoUnit.MINUTES.between(from, end)});
                from = end;
            }
        }
        long max = 0;
        for (List<long[]> intervals : byDay.values()) max = Math.max(max, covered(intervals));
        return max;
    }

    /** Minutes covered by the union of half-open intervals [a, b). */
    private static long covered(List<long[]> intervals) {
        intervals.sort(Comparator.comparingLong(i -> i[0]));
        long total = 0;
        long start = -1;
        long end = -1;
        for (long[] i : intervals) {
            if (i[0] > end) {
                total += end - start;
                start = i[0];
                end = i[1];
            } else {
                end = Math.max(end, i[1]);
            }
        }
        return total + end - start;
    }
}
