package tianping.power.readings;

import tianping.read.Excerpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the readings of one enterprise onto its grid, in whatever order they come. A repeated reading with
 * the same value is kept once (feeds resend); a repeated reading with another value is a conflict nobody can
 * settle from the data, so it is reported with both lines and the enterprise is not decided on guessed data.
 * Unknown channels, readings outside the period or between grid points are reported the same way.
 *
 * <p>The values live in a {@link Slab}, slot-major: a feed exported tick by tick (every meter of the province at
 * 00:00, then at 00:15, …) writes each tick's readings one after the other in memory, where channel-major
 * arrays per enterprise would make every reading a cache miss.
 */
public final class SeriesBuilder {

    /** Problems kept per enterprise; further ones are only counted, so a garbage feed cannot exhaust memory. */
    public static final int MAX_PROBLEMS = 20;

    private final String enterprise;
    private final List<Channel> channels;
    private final Grid grid;
    private final String[] ids;
    private final Slab slab;
    private final int base;
    private final List<String> files = new ArrayList<>();
    private final List<ReadingProblem> problems = new ArrayList<>();
    private int problemCount;
    private int guess;
    private long readings;
    private long identical;
    private long outOfOrder;
    private long blanks;
    /** The largest plausible reading, as a multiple of the channel's rated power (infinite: not checked). */
    private double ceilingMultiple = Double.POSITIVE_INFINITY;
    /**
     * Per channel, {@code ceilingMultiple × ratedKw}, or null while nothing is checked: {@link #add} runs once per
     * row of a province's feed, and reaching through the channel list to each channel's record there cost two
     * cache misses a row (the builders are visited round-robin, tick by tick), about as much as the rest of add.
     */
    private double[] ceilingKw;
    private String ceilingSource = "";

    /**
     * Storage for the readings of many enterprises on one grid: column {@code base + c} is channel c of the
     * enterprise whose builder starts at {@code base}; row s is slot s.
     */
    public static final class Slab {
        private final int columns;
        private final float[] kw;
        private final long[] source;
        private final int[] lastSlot;

        public Slab(Grid grid, int columns) {
            this.columns = columns;
            this.kw = new float[Math.multiplyExact(grid.slots(), columns)];
            this.source = new long[kw.length];
            this.lastSlot = new int[columns];
            Arrays.fill(kw, Float.NaN);
            Arrays.fill(lastSlot, -1);
        }
    }

    /** A builder with a slab of its own. */
    public SeriesBuilder(String enterprise, List<Channel> channels, Grid grid) {
        this(enterprise, channels, grid, new Slab(grid, channels.size()), 0);
    }

    /** A builder for columns {@code base} to {@code base + channels.size() - 1} of a shared slab. */
    public SeriesBuilder(String enterprise, List<Channel> channels, Grid grid, Slab slab, int base) {
        if (base < 0 || base + channels.size() > slab.columns) throw new IllegalArgumentException("slab columns");
        this.enterprise = enterprise;
        this.channels = List.copyOf(channels);
        this.grid = grid;
        this.slab = slab;
        this.base = base;
        this.ids = new String[channels.size()];
        for (int c = 0; c < channels.size(); c++) ids[c] = channels.get(c).id().intern();
    }

    /**
     * Readings above {@code multiple} × the channel's rated kW are no meter's reading: they are reported as
     * {@code reading_implausible} at their file and line, and not used. {@code source} names the parameter.
     */
    public SeriesBuilder plausibleUpTo(double multiple, String source) {
        this.ceilingMultiple = multiple;
        this.ceilingSource = source;
        this.ceilingKw = new double[channels.size()];
        for (int c = 0; c < ceilingKw.length; c++) ceilingKw[c] = multiple * channels.get(c).ratedKw();
        return this;
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
            if (!keeps()) {
                problemCount++;
                return;
            }
            problem(file, line, "reading_unknown_channel", "测点“" + Excerpt.of(channel) + "”不在企业 " + enterprise + " 的测点清单中");
            return;
        }
        int slot = grid.slotOf(epochMinute);
        if (slot < 0 && !keeps()) {
            problemCount++;
            return;
        }
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
        if (ceilingKw != null && !(value <= ceilingKw[c])) {
            problem(file, line, "reading_implausible", "测点 " + channel + " 的读数 " + Excerpt.of(String.valueOf(value)) + " kW 超过额定功率 "
                    + channels.get(c).ratedKw() + " kW 的 " + ceilingMultiple + " 倍（" + ceilingSource + "），不是电表能报出的值，不采用");
            return;
        }
        int column = base + c;
        if (slot < slab.lastSlot[column]) outOfOrder++;
        else slab.lastSlot[column] = slot;
        int cell = slot * slab.columns + column;
        long first = slab.source[cell];
        if (first != 0) {
            float kept = slab.kw[cell];
            if (kept == (float) value) {
                identical++;
            } else if (keeps()) {
                problem(file, line, "reading_conflicting_duplicate", "测点 " + channel + " 在 " + grid.timeOf(slot) + " 有两个不同读数："
                        + files.get((int) (first >>> 40)) + ":" + (first & 0xFFFFFFFFFFL) + " 为 " + kept + " kW，本行为 "
                        + (float) value + " kW，无法判断哪个为真");
            } else {
                problemCount++;
            }
            return;
        }
        slab.source[cell] = ((long) file << 40) | line;
        slab.kw[cell] = (float) value;
        readings++;
    }

    /**
     * Feeds list an enterprise's channels in the same order every tick: try the one after the last first. Ids
     * are compared by identity first (the parsers intern them, as {@link Channel} does), then by value.
     */
    private int channelIndex(String channel) {
        int n = ids.length;
        for (int k = 1; k <= n; k++) {
            int c = (guess + k) % n;
            if (ids[c] == channel) return guess = c;
        }
        for (int c = 0; c < n; c++) {
            if (ids[c].equals(channel)) return guess = c;
        }
        return -1;
    }

    /** Whether another problem's message is still kept (building messages for problems only counted costs time). */
    private boolean keeps() {
        return problems.size() < MAX_PROBLEMS;
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
        float[][] kw = new float[channels.size()][grid.slots()];
        for (int slot = 0, row = base; slot < grid.slots(); slot++, row += slab.columns) {
            for (int c = 0; c < kw.length; c++) kw[c][slot] = slab.kw[row + c];
        }
        long missing = (long) channels.size() * grid.slots() - readings;
        return new EnterpriseSeries(enterprise, channels, grid, kw,
                new ReadingStats(readings, identical, outOfOrder, blanks, missing), files);
    }
}
