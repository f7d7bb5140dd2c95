package tianping.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The measures the lists read from a finding's exceedance episodes, computed once: rules test them many times.
 * Every value is null when the finding carries no monitoring data.
 *
 * @param maxDailyExceedanceHours 日最大累计超标时长: for each natural day, the hours whose hourly mean exceeded
 *                                (any factor, each hour once), and the largest such day
 */
record ExceedanceSummary(Integer factorsExceeded, Double maxHourlyMultiple, Double maxDailyMultiple, Double maxMultiple,
                         Double maxDailyExceedanceHours, Boolean toxicOrClassI, Boolean phExceeded, Double phMin,
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
                dailyHours(exceedances),
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

    private static Double dailyHours(List<Exceedance> exceedances) {
        Map<LocalDate, Set<LocalDateTime>> hoursByDay = new HashMap<>();
        for (Exceedance e : exceedances) {
            if (!e.hourly()) continue;
            LocalDateTime hour = e.start().truncatedTo(ChronoUnit.HOURS);
            for (int i = 0; i < e.hours(); i++, hour = hour.plusHours(1)) {
                hoursByDay.computeIfAbsent(hour.toLocalDate(), d -> new HashSet<>()).add(hour);
            }
        }
        return (double) hoursByDay.values().stream().mapToInt(Set::size).max().orElse(0);
    }
}
