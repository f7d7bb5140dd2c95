package tianping.monitoring.values;

import org.junit.jupiter.api.Test;
import tianping.law.DataFlag;
import tianping.monitoring.TestLaw;
import tianping.monitoring.hj212.Edition;
import tianping.monitoring.hj212.Reading;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given minute, hour and day values with flags, when averaged, then only enough valid data make a mean. */
class MeansTest {

    static final long HOUR = Minutes.of(LocalDateTime.of(2024, 3, 1, 8, 0));
    static final long DAY = Minutes.of(LocalDateTime.of(2024, 3, 1, 0, 0));
    private final FlagBook flags = new FlagBook(TestLaw.book());
    private final Means means = new Means(TestLaw.thresholds());

    DataFlag flag(char c) {
        return flags.of(Edition.HJ212_2017, c);
    }

    /** 60 minute values: the first {@code invalid} flagged M, the rest N at {@code value}. */
    Series hourWith(int invalid, double value) {
        Series s = new Series();
        for (int m = 0; m < 60; m++) s.minutes().put(HOUR + m, new Observation(HOUR + m, m < invalid ? 999 : value, flag(m < invalid ? 'M' : 'N'), "f", m + 1));
        return s;
    }

    @Test
    void fortyFiveValidMinutesMakeAnHourlyMean() {
        Mean m = means.hourly(hourWith(15, 52.5), 1, HOUR, HOUR).get(HOUR);
        Mean.Valid v = assertInstanceOf(Mean.Valid.class, m);
        assertEquals(new BigDecimal("52.5"), v.value());
        assertEquals(45, v.count());
        assertEquals("分钟数据", v.source());
    }

    @Test
    void fortyFourValidMinutesDoNotAndSayWhy() {
        Mean m = means.hourly(hourWith(16, 52.5), 1, HOUR, HOUR).get(HOUR);
        Mean.Excluded x = assertInstanceOf(Mean.Excluded.class, m);
        assertEquals("有效分钟 44 < 45：M（在线监控（监测）仪器仪表处于维护期间产生的数据） 16 分钟", x.reason());
    }

    @Test
    void missingMinutesCountAgainstTheHourAndAreNamed() {
        Series s = new Series();
        for (int m = 0; m < 40; m++) s.minutes().put(HOUR + m, new Observation(HOUR + m, 1, flag('N'), "f", m + 1));
        Mean.Excluded x = assertInstanceOf(Mean.Excluded.class, means.hourly(s, 1, HOUR, HOUR).get(HOUR));
        assertEquals("有效分钟 40 < 45：缺测 20 分钟", x.reason());
    }

    @Test
    void aValueStandingForSeveralMinutesCountsThemAll() {
        Series s = new Series();
        for (int m = 0; m < 60; m += 10) s.minutes().put(HOUR + m, new Observation(HOUR + m, 10, flag(m == 50 ? 'C' : 'N'), "f", 1));
        assertInstanceOf(Mean.Valid.class, means.hourly(s, 10, HOUR, HOUR).get(HOUR), "5 values × 10 minutes = 50 ≥ 45");
    }

    @Test
    void theMeanIsAnExactDecimal() {
        Series s = new Series();
        double[] values = {54.95, 55.05, 54.99, 55.01};
        for (int m = 0; m < 60; m++) s.minutes().put(HOUR + m, new Observation(HOUR + m, values[m % 4], flag('N'), "f", 1));
        Mean.Valid v = assertInstanceOf(Mean.Valid.class, means.hourly(s, 1, HOUR, HOUR).get(HOUR));
        assertEquals(0, v.value().compareTo(new BigDecimal("55")), v.value().toPlainString());
    }

    @Test
    void overRangeAndManualValuesCountButAreNoted() {
        Series s = hourWith(0, 100);
        s.minutes().put(HOUR, new Observation(HOUR, 500, flag('T'), "f", 1));
        s.minutes().put(HOUR + 1, new Observation(HOUR + 1, 100, flag('S'), "f", 2));
        Mean.Valid v = assertInstanceOf(Mean.Valid.class, means.hourly(s, 1, HOUR, HOUR).get(HOUR));
        assertEquals(60, v.count());
        assertEquals("含超量程（T）数据 1 分钟，实际值不低于所报值", v.notes().get(0));
        assertEquals("含人工设定值（S） 1 分钟，须审核", v.notes().get(1));
    }

    @Test
    void everyInvalidFlagOfBothEditionsExcludesItsValues() {
        for (char c : "FMDCB".toCharArray()) assertTrue(!flag(c).usable(), c + " (2017)");
        for (char c : "PFCMD".toCharArray()) assertTrue(!flags.of(Edition.HJ212_2005, c).usable(), c + " (2005)");
        for (char c : "NTS".toCharArray()) assertTrue(flag(c).usable(), c + " (2017)");
        assertTrue(flags.of(Edition.HJ212_2017, Reading.NO_FLAG).usable());
        assertEquals("停运", flags.of(Edition.HJ212_2005, 'F').judgement());
        assertTrue(!flags.of(Edition.HJ212_2017, 'P').usable(), "P is a 2005 flag only");
        assertTrue(!flags.listed(flags.of(Edition.HJ212_2017, 'P')));
    }

    @Test
    void anHourWithoutMinuteDataTakesTheTransmittedHourValueIfItsFlagAllows() {
        Series s = new Series();
        s.hours().put(HOUR, new Observation(HOUR, 42.5, flag('N'), "f", 1));
        s.hours().put(HOUR + 60, new Observation(HOUR + 60, 42.5, flag('D'), "f", 2));
        TreeMap<Long, Mean> h = means.hourly(s, 1, HOUR, HOUR + 120);
        assertEquals("小时数据", assertInstanceOf(Mean.Valid.class, h.get(HOUR)).source());
        assertEquals("小时数据标记 D（在线监控（监测）仪器仪表故障）", assertInstanceOf(Mean.Excluded.class, h.get(HOUR + 60)).reason());
        assertEquals(Means.NO_DATA, assertInstanceOf(Mean.Excluded.class, h.get(HOUR + 120)).reason());
    }

    /** A day of hour values, {@code valid} of them N at 10, the rest F. */
    TreeMap<Long, Mean> day(Series s, int valid) {
        for (int h = 0; h < 24; h++) s.hours().put(DAY + h * 60L, new Observation(DAY + h * 60L, 10, flag(h < valid ? 'N' : 'F'), "f", h + 1));
        return means.daily(means.hourly(s, 1, DAY, DAY + 23 * 60), s, DAY, DAY, m -> m);
    }

    @Test
    void twentyValidHoursMakeADailyMeanAndNineteenDoNot() {
        Mean.Valid v = assertInstanceOf(Mean.Valid.class, day(new Series(), 20).get(DAY));
        assertEquals(20, v.count());
        assertEquals(0, v.value().compareTo(BigDecimal.TEN));
        assertEquals("有效小时 19 < 20", assertInstanceOf(Mean.Excluded.class, day(new Series(), 19).get(DAY)).reason());
    }

    @Test
    void aDayWithoutFinerDataTakesTheTransmittedDayValue() {
        Series s = new Series();
        s.days().put(DAY, new Observation(DAY, 62.3, flag('N'), "f", 1));
        TreeMap<Long, Mean> d = means.daily(means.hourly(s, 1, DAY, DAY + 23 * 60), s, DAY, DAY, m -> m);
        assertEquals("日数据", assertInstanceOf(Mean.Valid.class, d.get(DAY)).source());
    }
}
