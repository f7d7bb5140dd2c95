package tianping.power;

import tianping.law.LawBook;
import tianping.law.RuleFiles;
import tianping.power.episodes.Thresholds;
import tianping.power.readings.Channel;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Grid;
import tianping.power.readings.Role;
import tianping.power.readings.SeriesBuilder;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Test data: the rule set's own tables, one day's grid, and series written slot by slot. */
public final class Fixture {

    public static final LocalDate DAY = LocalDate.of(2024, 11, 20);
    public static final Grid GRID = Grid.between(DAY.atStartOfDay(), DAY.plusDays(1).atStartOfDay(), 15);
    public static final LawBook LAW = law();
    public static final Thresholds T = Thresholds.in(LAW, DAY);

    public static final Channel P1 = new Channel("P1", "生产线", Role.PRODUCTION, 100, null, null);
    public static final Channel T1 = new Channel("T1", "风机", Role.TREATMENT, 20, "大气", List.of("P1"));
    public static final Channel M1 = new Channel("M1", "总表", Role.TOTAL, 200, "大气", null);

    private Fixture() {
    }

    private static LawBook law() {
        try {
            return LawBook.read(RuleFiles.fromDirectory(Path.of("..", "rules")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A channel's 96 readings, all {@code kw}. */
    public static double[] flat(double kw) {
        double[] v = new double[96];
        Arrays.fill(v, kw);
        return v;
    }

    /** The same readings with [from, to) set to {@code kw} (NaN for a gap). */
    public static double[] with(double[] v, int from, int to, double kw) {
        double[] copy = v.clone();
        Arrays.fill(copy, from, to, kw);
        return copy;
    }

    public static EnterpriseSeries series(List<Channel> channels, double[]... readings) {
        SeriesBuilder b = new SeriesBuilder("91430111MA4T00P00F", channels, GRID);
        int file = b.file("test.csv");
        long start = DAY.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 60;
        for (int c = 0; c < channels.size(); c++) {
            for (int s = 0; s < 96; s++) {
                if (!Double.isNaN(readings[c][s])) b.add(channels.get(c).id(), start + 15L * s, readings[c][s], file, s + 2L);
            }
        }
        return b.build();
    }

    public static LocalDateTime at(int slot) {
        return GRID.timeOf(slot);
    }
}
