package tianping.monitoring;

import tianping.law.DataFlag;
import tianping.monitoring.hj212.Edition;
import tianping.monitoring.hj212.Packet;
import tianping.monitoring.hj212.PacketHandler;
import tianping.monitoring.hj212.Problem;
import tianping.monitoring.hj212.Reading;
import tianping.monitoring.values.FlagBook;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Observation;
import tianping.monitoring.values.Series;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps, from the packets of the data files, the values the case needs: minute, hour and day data of the
 * configured outlets' factors (and their O₂ and flow), within the case's period, each with what its flag
 * means. HJ/T 212-2005 codes are taken as their 2017 equivalents. What it cannot use is counted or reported
 * per file: problems the readers found, unknown flags, values sent twice.
 */
final class Collector implements PacketHandler {

    /** How many problems of a file are listed in the report and the evidence (display only; all are counted). */
    static final int LISTED_PROBLEMS = 20;

    /**
     * The most values one case keeps (about 100 bytes each: 1,000,000 fit in a 256 MB heap with room for the
     * analysis). A month of minute data of a 10-factor outlet is 432,000; more means a period far longer than a
     * case examines, and the case is refused rather than the process running out of memory.
     */
    static final int MAX_VALUES = 1_000_000;
    /** MNs not in the case that are named in the report (all are counted). */
    static final int LISTED_MNS = 20;

    /** Thrown (unchecked, through the readers) when a case's data would keep more than {@link #MAX_VALUES}. */
    static final class TooManyValues extends RuntimeException {
        TooManyValues(String message) {
            super(message);
        }
    }

    /** What reading one data file came to. */
    static final class FileReport {
        final String file;
        /** Hex SHA-256 of the file, known once it has been read to its end. */
        String sha256;
        int packets;
        int problems;
        final List<Problem> listed = new ArrayList<>();
        Problem header;

        FileReport(String file) {
            this.file = file;
        }
    }

    /**
     * What a value can physically be: the window of real dates (in minutes) and, per MN and code, the largest
     * value an analyser can report (a multiple of the limit, and of the registered range), with why.
     */
    record Plausibility(long firstMinute, long endMinute, String window, Map<String, Map<String, Ceiling>> ceilings) {
        static Plausibility none() {
            return new Plausibility(Long.MIN_VALUE, Long.MAX_VALUE, "", Map.of());
        }
    }

    /** The largest plausible value of a factor, and the text saying where it comes from. */
    record Ceiling(double max, String why) {
    }

    private final FlagBook flags;
    private final Plausibility plausibility;
    /** Values kept whose flag makes them usable (valid, over range, set by hand), across all files. */
    private long usable;
    private long unknownFlags;
    private long implausible;
    private long outsideWindow;
    private final Map<String, String> legacyCodes;
    private final Map<String, Map<String, Series>> byOutlet = new HashMap<>();
    private final long from;
    private final long to;
    private final TreeSet<String> otherMns = new TreeSet<>();
    private long kept;
    private final List<FileReport> files = new ArrayList<>();
    private FileReport current;

    /**
     * @param wanted codes to keep per MN (2017 codes)
     * @param from   first minute of the period, {@code to} the minute after it
     */
    Collector(FlagBook flags, Map<String, String> legacyCodes, Map<String, List<String>> wanted, long from, long to) {
        this(flags, legacyCodes, wanted, from, to, Plausibility.none());
    }

    Collector(FlagBook flags, Map<String, String> legacyCodes, Map<String, List<String>> wanted, long from, long to,
              Plausibility plausibility) {
        this.flags = flags;
        this.plausibility = plausibility;
        this.legacyCodes = legacyCodes;
        this.from = from;
        this.to = to;
        wanted.forEach((mn, codes) -> {
            Map<String, Series> series = new HashMap<>();
            codes.forEach(c -> series.put(c, new Series()));
            byOutlet.put(mn, series);
        });
    }

    FileReport start(String file) {
        current = new FileReport(file);
        files.add(current);
        return current;
    }

    List<FileReport> files() {
        return files;
    }

    /** The series of an outlet's code (empty if the data had none). */
    Series series(String mn, String code) {
        return byOutlet.get(mn).get(code);
    }

    /** Values kept that can be used (not flagged invalid, flag known): none means the data are unusable. */
    long usable() {
        return usable;
    }

    /** Every value kept, usable or not. */
    long kept() {
        return kept;
    }

    long unknownFlags() {
        return unknownFlags;
    }

    long implausible() {
        return implausible;
    }

    long outsideWindow() {
        return outsideWindow;
    }

    boolean hasData(String mn) {
        return byOutlet.get(mn).values().stream().anyMatch(s -> !s.isEmpty());
    }

    /** MNs in the data that no outlet of the case has (the first {@link #LISTED_MNS} in order). */
    TreeSet<String> otherMns() {
        return otherMns;
    }

    @Override
    public void packet(Packet p) {
        current.packets++;
        Map<String, Series> outlet = byOutlet.get(p.mn());
        if (outlet == null) {
            if (otherMns.size() < LISTED_MNS) otherMns.add(p.mn());
            return;
        }
        int cn = p.cn();
        if (cn != Packet.CN_MINUTE && cn != Packet.CN_HOUR && cn != Packet.CN_DAY) return;
        long minute = Math.floorDiv(p.dataTime(), 60);
        long key = cn == Packet.CN_MINUTE ? minute : cn == Packet.CN_HOUR ? Minutes.hour(minute) : Minutes.day(minute);
        if (minute < plausibility.firstMinute() || minute >= plausibility.endMinute()) {
            outsideWindow++;
            problem(new Problem(p.line(), "packet_implausible", "MN=" + p.mn() + " 的数据时间 " + Minutes.text(minute)
                    + " 不是真实的时间（" + plausibility.window() + "），该包不采用"));
            return;
        }
        if (key < from || key >= to) return;
        Map<String, Ceiling> ceilings = plausibility.ceilings().getOrDefault(p.mn(), Map.of());
        for (Reading r : p.readings()) {
            String code = p.edition() == Edition.HJ212_2005 ? legacyCodes.getOrDefault(r.code(), r.code()) : r.code();
            Series series = outlet.get(code);
            if (series == null) continue;
            double value = !Double.isNaN(r.avg()) ? r.avg() : r.cou();
            if (Double.isNaN(value)) {
                problem(new Problem(p.line(), "packet_value", r.code() + " 没有 Avg（或 Cou）值，该项不采用"));
                continue;
            }
            Ceiling ceiling = ceilings.get(code);
            if (ceiling != null && value > ceiling.max()) {
                implausible++;
                problem(new Problem(p.line(), "packet_implausible", r.code() + " 的值 " + tianping.read.Excerpt.of(tianping.law.Numbers.plain(value)) + " 超过" + ceiling.why()
                        + "，不是分析仪能报出的值，该项不采用"));
                continue;
            }
            DataFlag flag = flags.of(p.edition(), r.flag());
            boolean listed = flags.listed(flag);
            if (!listed) unknownFlags++;
            if (!listed) {
                problem(new Problem(p.line(), "packet_value", r.code() + " 的数据标记 " + flag.flag() + " 不是 " + p.edition().label()
                        + " 的标记，按无效数据处理"));
            }
            TreeMap<Long, Observation> level = cn == Packet.CN_MINUTE ? series.minutes() : cn == Packet.CN_HOUR ? series.hours() : series.days();
            Observation earlier = level.putIfAbsent(key, new Observation(key, value, flag, current.file, p.line()));
            if (earlier == null && listed && !flag.judgement().equals("无效")) usable++;
            if (earlier == null && ++kept > MAX_VALUES) {
                throw new TooManyValues("数据文件“" + tianping.read.Excerpt.of(current.file) + "”读到第 " + p.line() + " 行时，本案保留的数据值已超过 "
                        + MAX_VALUES + " 个（每个排放口每个因子每个时刻一个）：请以 period 限定核查期间");
            }
            if (earlier != null) {
                problem(new Problem(p.line(), "packet_duplicate", "MN=" + p.mn() + " " + code + " " + Minutes.text(key)
                        + " 的数据重复（首次在 " + earlier.file() + " 第 " + earlier.line() + " 行），采用首次上报的值"));
            }
        }
    }

    @Override
    public void problem(Problem problem) {
        current.problems++;
        if (problem.code().equals("csv_header")) current.header = problem;
        if (current.listed.size() < LISTED_PROBLEMS) current.listed.add(problem);
    }
}
