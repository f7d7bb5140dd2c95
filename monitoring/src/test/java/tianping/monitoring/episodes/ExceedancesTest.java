package tianping.monitoring.episodes;

import org.junit.jupiter.api.Test;
import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.values.Mean;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExceedancesTest {

    static final FactorLimit SO2 = new FactorLimit("a21026", "小时均值", new BigDecimal("200"), null, "mg/m3", "GB 13271-2014 表3", null);

    /** Hourly means from hour 0: a number is a valid mean, null an excluded hour. */
    static TreeMap<Long, Mean> hours(Integer... values) {
        TreeMap<Long, Mean> out = new TreeMap<>();
        for (int h = 0; h < values.length; h++) {
            long start = h * 60L;
            out.put(start, values[h] == null ? new Mean.Excluded(start, "无数据")
                    : new Mean.Valid(start, BigDecimal.valueOf(values[h]), BigDecimal.valueOf(values[h]), null, 60, "分钟数据", List.of()));
        }
        return out;
    }

    @Test
    void consecutiveExceedingHoursAreOneEpisodeWithTheirPeak() {
        List<ExceedanceEpisode> e = Exceedances.find(SO2, hours(150, 210, 230, 220, 199, 201));
        assertEquals(2, e.size());
        assertEquals(60, e.get(0).start());
        assertEquals(3, e.get(0).hours());
        assertEquals(new BigDecimal("230"), e.get(0).peak());
        assertEquals(240, e.get(0).end());
        assertEquals(1, e.get(1).hours());
    }

    @Test
    void theLimitItselfIsNotAnExceedance() {
        assertEquals(List.of(), Exceedances.find(SO2, hours(200, 200)));
    }

    @Test
    void anExcludedHourEndsAnEpisode() {
        List<ExceedanceEpisode> e = Exceedances.find(SO2, hours(210, null, 210));
        assertEquals(List.of(1, 1), e.stream().map(ExceedanceEpisode::hours).toList());
    }

    @Test
    void everyExceedingDayIsItsOwnEpisode() {
        FactorLimit cod = new FactorLimit("w01018", "日均值", new BigDecimal("50"), null, "mg/L", "许可证", null);
        TreeMap<Long, Mean> days = new TreeMap<>();
        for (int d = 0; d < 3; d++) days.put(d * 1440L, new Mean.Valid(d * 1440L, BigDecimal.valueOf(60), BigDecimal.valueOf(60), null, 24, "小时均值", List.of()));
        List<ExceedanceEpisode> e = Exceedances.find(cod, days);
        assertEquals(3, e.size());
        assertEquals(0, e.get(0).hours());
        assertEquals(1440, e.get(0).end());
    }

    @Test
    void aRangeLimitIsExceededOnEitherSideAndThePeakIsTheFurthest() {
        FactorLimit ph = new FactorLimit("w01001", "日均值", new BigDecimal("9"), new BigDecimal("6"), "无量纲", "GB 8978-1996", null);
        TreeMap<Long, Mean> days = new TreeMap<>();
        days.put(0L, new Mean.Valid(0, new BigDecimal("5.5"), new BigDecimal("5.5"), null, 24, "小时均值", List.of()));
        days.put(1440L, new Mean.Valid(1440, new BigDecimal("7"), new BigDecimal("7"), null, 24, "小时均值", List.of()));
        days.put(2880L, new Mean.Valid(2880, new BigDecimal("9.2"), new BigDecimal("9.2"), null, 24, "小时均值", List.of()));
        assertEquals(List.of(new BigDecimal("5.5"), new BigDecimal("9.2")), Exceedances.find(ph, days).stream().map(ExceedanceEpisode::peak).toList());
    }
}
