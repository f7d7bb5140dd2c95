package tianping.monitoring.episodes;

import org.junit.jupiter.api.Test;
import tianping.monitoring.TestLaw;
import tianping.monitoring.hj212.Edition;
import tianping.monitoring.values.FlagBook;
import tianping.monitoring.values.Mean;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Observation;
import tianping.monitoring.values.Thresholds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signs of falsification, each probed on both sides of its thresholds (parameters.csv: CV 0.01, 12 h, ×2, 5 spikes, 10 %, 1 h). */
class SignsTest {

    static final long T0 = Minutes.of(LocalDateTime.of(2024, 3, 1, 0, 0));
    private final Function<LocalDate, Thresholds> thresholds = TestLaw.thresholds();
    private final FlagBook flags = new FlagBook(TestLaw.book());

    /** Minute values from T0: {@code flat} minutes near 30 (σ/mean = cv), then noisy ones. */
    static List<Point> flatThenNoisy(int flat, double cv) {
        List<Point> out = new ArrayList<>();
        for (int m = 0; m < flat; m++) out.add(new Point(T0 + m, 30 + (m % 2 == 0 ? 30 * cv : -30 * cv)));
        SplittableRandom r = new SplittableRandom(1);
        for (int m = flat; m < flat + 120; m++) out.add(new Point(T0 + m, 30 + r.nextDouble(-10, 10)));
        return out;
    }

    @Test
    void twelveFlatHoursAreASignAndElevenAreNot() {
        List<Sign> twelve = Flatline.find("w01018", "化学需氧量", flatThenNoisy(12 * 60, 0.0099), 1, thresholds);
        assertEquals(1, twelve.size());
        assertEquals("数据异常平直", twelve.get(0).kind());
        assertEquals(T0, twelve.get(0).start());
        assertTrue(twelve.get(0).end() - twelve.get(0).start() >= 12 * 60);
        assertEquals(List.of(), Flatline.find("w01018", "化学需氧量", flatThenNoisy(11 * 60, 0.0099).subList(0, 11 * 60), 1, thresholds));
    }

    @Test
    void valuesVaryingMoreThanOnePercentAreNotFlat() {
        assertEquals(List.of(), Flatline.find("w01018", "化学需氧量", flatThenNoisy(24 * 60, 0.0101), 1, thresholds));
    }

    @Test
    void aGapBreaksAFlatRun() {
        List<Point> points = new ArrayList<>(flatThenNoisy(24 * 60, 0).subList(0, 24 * 60));
        points.removeIf(p -> p.minute() == T0 + 11 * 60);
        assertEquals(1, Flatline.find("w01018", "化学需氧量", points, 1, thresholds).size(), "11 h, a gap, then 13 h: only the second run");
    }

    /** Hourly means over {@code days} days near 40, with a spike at 02:00 of each listed day. */
    static List<Point> spikes(int days, double height, int... spikeDays) {
        List<Point> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(2);
        for (int h = 0; h < days * 24; h++) {
            int day = h / 24;
            boolean spike = h % 24 == 2 && java.util.Arrays.stream(spikeDays).anyMatch(d -> d == day);
            out.add(new Point(T0 + h * 60L, spike ? height : 40 + r.nextDouble(-3, 3)));
        }
        return out;
    }

    @Test
    void fiveSpikesAtEqualIntervalsAreASignAndFourAreNot() {
        List<Sign> five = PeriodicSpikes.find("w01018", "化学需氧量", spikes(14, 150, 0, 1, 2, 3, 4), thresholds);
        assertEquals(1, five.size());
        assertTrue(five.get(0).evidence().contains("出现 5 次尖峰，间隔约 24 小时"), five.get(0).evidence());
        assertEquals(List.of(), PeriodicSpikes.find("w01018", "化学需氧量", spikes(14, 150, 0, 1, 2, 3), thresholds));
    }

    @Test
    void irregularOrLowSpikesAreNotASign() {
        assertEquals(List.of(), PeriodicSpikes.find("w01018", "化学需氧量", spikes(14, 150, 0, 1, 3, 6, 10, 13), thresholds));
        assertEquals(List.of(), PeriodicSpikes.find("w01018", "化学需氧量", spikes(14, 75, 0, 1, 2, 3, 4, 5), thresholds), "75 < 2 × median 40");
    }

    Observation obs(long minute, double value, char flag) {
        return new Observation(minute, value, flags.of(Edition.HJ212_2017, flag), "f", minute - T0 + 1);
    }

    @Test
    void anOverRangeFlagBelowANormalValueMeansTheRangeWasChanged() {
        List<Sign> s = RangeChange.find("w01018", "化学需氧量", List.of(obs(T0, 180, 'N'), obs(T0 + 60, 95, 'T')), null);
        assertEquals(1, s.size());
        assertEquals("量程上限变更", s.get(0).kind());
        assertEquals(List.of(), RangeChange.find("w01018", "化学需氧量", List.of(obs(T0, 180, 'N'), obs(T0 + 60, 200, 'T')), null));
    }

    @Test
    void valuesContradictingTheRegisteredRangeAreSigns() {
        BigDecimal range = new BigDecimal("200");
        assertEquals(1, RangeChange.find("w01018", "化学需氧量", List.of(obs(T0, 100, 'T')), range).size());
        assertEquals(1, RangeChange.find("w01018", "化学需氧量", List.of(obs(T0, 250, 'N')), range).size());
        assertEquals(List.of(), RangeChange.find("w01018", "化学需氧量", List.of(obs(T0, 200, 'T'), obs(T0 + 1, 199, 'N')), range));
    }

    @Test
    void zeroFlowOrStopFlagsDuringProductionAreSigns() {
        List<ProductionCheck.Period> production = List.of(new ProductionCheck.Period(T0, T0 + 6 * 60, "用电监控"));
        Map<Long, Mean> flow = new TreeMap<>();
        for (int h = 0; h < 6; h++) {
            BigDecimal v = h == 2 ? BigDecimal.ZERO : BigDecimal.valueOf(5000);
            flow.put(T0 + h * 60L, new Mean.Valid(T0 + h * 60L, v, v, null, 60, "分钟数据", List.of()));
        }
        List<Sign> s = ProductionCheck.find("a00000", production, flow, Set.of(T0 + 4 * 60L, T0 + 9 * 60L), thresholds);
        assertEquals(List.of("生产时段流量为零", "生产时段标记停运"), s.stream().map(Sign::kind).toList());
        assertEquals(T0 + 120, s.get(0).start());
        assertEquals(T0 + 180, s.get(0).end());
        assertEquals(T0 + 240, s.get(1).start(), "the stop flag at 09:00 is outside production");
        assertEquals(List.of(), ProductionCheck.find("a00000", List.of(), flow, Set.of(T0), thresholds));
    }
}
