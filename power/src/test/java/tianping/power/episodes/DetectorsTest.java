package tianping.power.episodes;

import org.junit.jupiter.api.Test;
import tianping.law.AlertAllowance;
import tianping.power.readings.EnterpriseSeries;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tianping.power.Fixture.*;

/** Each detector on both sides of its thresholds (parameters.csv: on-power 10 %, 30 min, low load 30 %, …). */
class DetectorsTest {

    private static final double[] PRODUCING = flat(80);
    private static final double[] TREATING = flat(16);

    private static List<Anomaly> detect(EnterpriseSeries s, Detector... detectors) {
        List<Anomaly> found = new ArrayList<>();
        Signals sig = new Signals(s, T);
        for (Detector d : detectors) d.detect(sig, found);
        return found;
    }

    private static String spans(List<Anomaly> found) {
        return String.join(" ", found.stream().map(a -> a.kind() + "[" + a.from() + "," + a.to() + ")").toList());
    }

    @Test
    void p1NeedsTheTreatmentOffForTheMinimumDuration() {
        assertEquals("", spans(detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 41, 1.9)), new TreatmentOffDetector())),
                "15 分钟 < 30 分钟");
        assertEquals("P1[40,42)", spans(detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 42, 1.9)), new TreatmentOffDetector())));
        assertEquals("", spans(detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 42, 2.0)), new TreatmentOffDetector())),
                "恰为额定功率 10% 即为运行");
    }

    @Test
    void p1IsNotFoundWhileProductionIsStoppedOrUnread() {
        double[] stopped = with(PRODUCING, 40, 50, 9.9);
        assertEquals("", spans(detect(series(List.of(P1, T1), stopped, with(TREATING, 40, 50, 0)), new TreatmentOffDetector())));
        double[] gap = with(PRODUCING, 44, 45, Double.NaN);
        assertEquals("P1[40,44) P1[45,50)", spans(detect(series(List.of(P1, T1), gap, with(TREATING, 40, 50, 0)), new TreatmentOffDetector())));
    }

    @Test
    void p2LowLoadAgainstRatedPowerForAnHour() {
        assertEquals("P2[40,44)", spans(detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 44, 5.9)), new UnderRunDetector())));
        assertEquals("", spans(detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 43, 5.9)), new UnderRunDetector())), "45 分钟");
        assertEquals("", spans(detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 44, 8.1)), new UnderRunDetector())),
                "40% 额定，用电比 0.1 为基线 0.2 的一半以上");
    }

    @Test
    void p2TreatmentNotFollowingProductionAgainstItsOwnBaseline() {
        double[] doubled = with(PRODUCING, 40, 44, 95);
        double[] treating = with(TREATING, 40, 44, 11);
        assertEquals("", spans(detect(series(List.of(P1, T1), doubled, treating), new UnderRunDetector())), "用电比 0.116 ≥ 基线 0.2 × 0.5");
        assertEquals("P2[40,44)", spans(detect(series(List.of(P1, T1), with(PRODUCING, 40, 44, 100), with(TREATING, 40, 44, 7.9)),
                new UnderRunDetector())), "用电比 0.079 < 基线 0.2 × 0.5");
    }

    @Test
    void p3AWholeDayWithoutTreatmentReplacesP1() {
        List<Anomaly> found = detect(series(List.of(P1, T1), PRODUCING, flat(0.5)), new IdleDaysDetector(), new TreatmentOffDetector());
        assertEquals("P3[0,96)", spans(found));
        found = detect(series(List.of(P1, T1), PRODUCING, with(flat(0.5), 0, 1, 10)), new IdleDaysDetector(), new TreatmentOffDetector());
        assertEquals("P1[1,96)", spans(found), "一个时段运行即非整日未运行");
    }

    @Test
    void p4ThreeStopsInADayWhileProducing() {
        double[] two = with(with(TREATING, 40, 41, 0), 46, 47, 0);
        assertEquals("", spans(detect(series(List.of(P1, T1), PRODUCING, two), new ToggleDetector())));
        double[] three = with(two, 52, 53, 0);
        assertEquals("P4[40,53)", spans(detect(series(List.of(P1, T1), PRODUCING, three), new ToggleDetector())));
    }

    @Test
    void nightUseOnlyWithATotalMeterAloneAtOneAndAHalfTimesTheDay() {
        double[] day = flat(100);
        double[] night = with(with(day, 0, 24, 150), 88, 96, 150);
        List<Anomaly> found = detect(series(List.of(M1), night), new NightUseDetector());
        assertEquals("P4[0,96)", spans(found));
        assertTrue(found.get(0).clue());
        double[] less = with(with(day, 0, 24, 149), 88, 96, 149);
        assertEquals("", spans(detect(series(List.of(M1), less), new NightUseDetector())));
        assertEquals("", spans(detect(series(List.of(P1, T1, M1), PRODUCING, TREATING, night), new NightUseDetector())), "有分表不适用");
    }

    @Test
    void p8FourSlotsWithoutReadings() {
        assertEquals("", spans(detect(series(List.of(P1, T1), with(PRODUCING, 10, 13, Double.NaN), TREATING), new OfflineDetector())));
        List<Anomaly> found = detect(series(List.of(P1, T1), with(PRODUCING, 10, 14, Double.NaN), TREATING), new OfflineDetector());
        assertEquals("P8[10,14)", spans(found));
        assertTrue(found.get(0).clue());
    }

    private static List<Anomaly> alert(String grade, double kw) {
        AlertAllowance allowance = LAW.alertAllowance(grade, "橙色", DAY).orElseThrow();
        return detect(series(List.of(P1, T1), with(flat(1), 32, 80, kw), TREATING), new AlertDetector(List.of(new AlertWindow("橙色", 0, 96, allowance))));
    }

    @Test
    void p5DependsOnTheGradesAllowance() {
        assertEquals("P5[32,80)", spans(alert("B", 81)), "B 级橙色预警允许 80%");
        assertEquals("", spans(alert("B", 79)));
        assertEquals("", spans(alert("A", 100)), "A 级自主减排");
        assertEquals("", spans(alert("引领性", 100)), "绩效引领性自主减排");
        assertEquals("P5[32,80)", spans(alert("D", 10)), "D 级橙色预警停产：运行即超出");
        assertEquals("", spans(alert("D", 9)), "待机功率不是生产");
    }

    @Test
    void p6ProductionDuringAStopOrderOrAboveALimit() {
        double[] night = with(flat(1), 80, 92, 60);
        assertEquals("P6[80,92)", spans(detect(series(List.of(P1, T1), night, TREATING),
                new OrderDetector(List.of(new OrderWindow("O1", "停产整治", 0, 96, List.of(0), 0))))));
        assertEquals("", spans(detect(series(List.of(P1, T1), night, TREATING),
                new OrderDetector(List.of(new OrderWindow("O1", "限制生产", 0, 96, List.of(0), 0.6))))), "恰为允许负荷");
        assertEquals("P6[80,92)", spans(detect(series(List.of(P1, T1), night, TREATING),
                new OrderDetector(List.of(new OrderWindow("O1", "限制生产", 0, 96, List.of(0), 0.59))))));
        assertEquals("", spans(detect(series(List.of(P1, T1), night, TREATING),
                new OrderDetector(List.of(new OrderWindow("O1", "查封扣押", 0, 80, List.of(0), 0))))), "决定解除后");
    }

    @Test
    void aReportMadeBeforeTheStopSuppressesWhatItCoversAndOnlyThat() {
        List<Anomaly> p1 = detect(series(List.of(P1, T1), PRODUCING, with(TREATING, 40, 48, 0)), new TreatmentOffDetector());
        Report before = new Report("检修", List.of(1), at(40), at(48), at(0).minusHours(8), null);
        List<Anomaly> out = Suppression.apply(p1, List.of(before), GRID);
        assertEquals("P1[40,48)", spans(out));
        assertTrue(out.get(0).suppressed().startsWith("已报备，不预警：检修报备"));
        Report late = new Report("检修", List.of(1), at(40), at(48), at(44), null);
        out = Suppression.apply(p1, List.of(late), GRID);
        assertEquals("P1[40,44) P1[44,48)", spans(out));
        assertTrue(out.get(0).live() && !out.get(1).live(), "报备之前的部分不因事后报备而免于预警");
        Report otherChannel = new Report("停电", List.of(0), at(40), at(48), at(0), null);
        assertTrue(Suppression.apply(p1, List.of(otherChannel), GRID).get(0).live());
        Report fault = new Report("故障", List.of(1), at(40), null, at(41), true);
        assertTrue(Suppression.apply(p1, List.of(fault), GRID).get(0).live(), "故障报告不是报备");
    }

    @Test
    void medianSelectsWithoutSorting() {
        assertEquals(2.0, Median.of(new double[]{3, Double.NaN, 1, 2}, 3));
        assertEquals(2.5, Median.of(new double[]{4, 1, 3, 2}, 4));
        assertEquals(5.0, Median.of(new double[]{5, 5, 5, 5, 5, 1, 9, 5}, 8));
    }
}
