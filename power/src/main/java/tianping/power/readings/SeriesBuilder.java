package tianping.power.readings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the readings of one enterprise onto its grid, in whatever order they come. A repeated reading with
 * the same value is kept once (feeds resend); a repeated reading with another value is a conflict nobody can
 * settle from the data, so it is reported with both lines and the enterprise is not decided on guessed data.
 * Unknown channels, readings outside the period or between grid points are reported the same way.
 */
public final class SeriesBuilder {

    /** Problems kept per enterprise; further ones are only counted, so a garbage feed cannot exhaust memory. */
    public static final int MAX_PROBLEMS = 20;

    private final String enterprise;
    private final List<Channel> channels;
    private final Grid grid;
    private final Map<String, Integer> index = new HashMap<>();
    private final float[][] kw;
    private final long[][] source;
    private final int[] lastSlot;
    private final List<String> files = new ArrayList<>();
    private final List<ReadingProblem> problems = new ArrayList<>();
    private int problemCount;
    private int guess;
    private long readings;
    private long identical;
    private long outOfOrder;
    private long blanks;

    public SeriesBuilder(String enterprise, List<Channel> channels, Grid grid) {
        this.enterprise = enterprise;
        this.channels = List.copyOf(channels);
        this.grid = grid;
        this.kw = new float[channels.size()][grid.slots()];
        this.source = new long[channels.size()][grid.slots()];
        this.lastSlot = new int[channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            index.put(channels.get(c).id(), c);
            Arrays.fill(kw[c], Float.NaN);
        }
        Arrays.fill(lastSlot, -1);
    }

    public String enterprise() {
        return enterprise;
    }

    /** Registers a data file; readings name it by the returned number. */
    public int file(String name) {
        files.add(name);
        return files.size() - 1;
    }

    public void add(String channel, long epochMinute, double value, int file, long line) {
        int c = channelIndex(channel);
        if (c < 0) {
            problem(file, line, "reading_unknown_channel", "测点“" + channel + "”不在企业 " + enterprise + " 的测点清单中");
            return;
        }
        int slot = grid.slotOf(epochMinute);
        if (slot == Grid.OUTSIDE) {
            problem(file, line, "reading_outside_period", "读数时间 " + Timestamps.toTime(epochMinute) + " 不在分析期间 "
                    + grid.start() + " 至 " + grid.end() + " 内");
            return;
        }
        if (slot == Grid.OFF_GRID) {
            problem(file, line, "reading_off_grid", "读数时间 " + Timestamps.toTime(epochMinute) + " 不在 " + grid.intervalMinutes()
                    + " 分钟采样网格上（网格起点 " + grid.start() + "）");
            return;
        }
        if (Double.isNaN(value)) {
            blanks++;
            return;
        }
        if (slot < lastSlot[c]) outOfOrder++;
        else lastSlot[c] = slot;
        long here = ((long) file << 40) | line;
        if (source[c][slot] != 0) {
            if (kw[c][slot] == (float) value) {
                identical++;
            } else {
                long first = source[c][slot];
                problem(file, line, "reading_conflicting_duplicate", "测点 " + channel + " 在 " + grid.timeOf(slot) + " 有两个不同读数："
                        + files.get((int) (first >>> 40)) + ":" + (first & 0xFFFFFFFFFFL) + " 为 " + kw[c][slot] + " kW，本行为 "
                        + (float) value + " kW，无法判断哪个为真");
            }
            return;
        }
        source[c][slot] = here;
        kw[c][slot] = (float) value;
        readings++;
    }

    /** Feeds list an enterprise's channels in the same order every tick: try the one after the last first. */
    private int channelIndex(String channel) {
        int next = guess + 1 < channels.size() ? guess + 1 : 0;
        if (channels.get(next).id().equals(channel)) return guess = next;
        Integer c = index.get(channel);
        if (c == null) return -1;
        return guess = c;
    }

    /** A problem found outside the builder (a malformed row, a row of another enterprise). */
    public void problem(int file, long line, String code, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) problems.add(new ReadingProblem(files.get(file), line, code, message));
    }

    public List<ReadingProblem> problems() {
        return problems;
    }

    /** Every problem found, including those beyond {@link #MAX_PROBLEMS}. */
    public int problemCount() {
        return problemCount;
    }

    public EnterpriseSeries build() {
        long missing = (long) channels.size() * grid.slots() - readings;
        return new EnterpriseSeries(enterprise, channels, grid, kw,
                new ReadingStats(readings, identical, outOfOrder, blanks, missing), files);
    }
}
