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

    /** What reading one data file came to. */
    static final class FileReport {
        final String file;
        final String sha256;
        int packets;
        int problems;
        final List<Problem> listed = new ArrayList<>();
        Problem header;

        FileReport(String file, String sha256) {
            this.file = file;
            this.sha256 = sha256;
        }
    }

    private final FlagBook flags;
    private final Map<String, String> legacyCodes;
    private final Map<String, Map<String, Series>> byOutlet = new HashMap<>();
    private final long from;
    private final long to;
    private final TreeSet<String> otherMns = new TreeSet<>();
    private final List<FileReport> files = new ArrayList<>();
    private FileReport current;

    /**
     * @param wanted codes to keep per MN (2017 codes)
     * @param from   first minute of the period, {@code to} the minute after it
     */
    Collector(FlagBook flags, Map<String, String> legacyCodes, Map<String, List<String>> wanted, long from, long to) {
        this.flags = flags;
        this.legacyCodes = legacyCodes;
        this.from = from;
        this.to = to;
        wanted.forEach((mn, codes) -> {
            Map<String, Series> series = new HashMap<>();
            codes.forEach(c -> series.put(c, new Series()));
            byOutlet.put(mn, series);
        });
    }

    FileReport start(String file, String sha256) {
        current = new FileReport(file, sha256);
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

    boolean hasData(String mn) {
        return byOutlet.get(mn).values().stream().anyMatch(s -> !s.isEmpty());
    }

    /** MNs in the data that no outlet of the case has. */
    TreeSet<String> otherMns() {
        return otherMns;
    }

    @Override
    public void packet(Packet p) {
        current.packets++;
        Map<String, Series> outlet = byOutlet.get(p.mn());
        if (outlet == null) {
            otherMns.add(p.mn());
            return;
        }
        int cn = p.cn();
        if (cn != Packet.CN_MINUTE && cn != Packet.CN_HOUR && cn != Packet.CN_DAY) return;
        long minute = Math.floorDiv(p.dataTime(), 60);
        long key = cn == Packet.CN_MINUTE ? minute : cn == Packet.CN_HOUR ? Minutes.hour(minute) : Minutes.day(minute);
        if (key < from || key >= to) return;
        for (Reading r : p.readings()) {
            String code = p.edition() == Edition.HJ212_2005 ? legacyCodes.getOrDefault(r.code(), r.code()) : r.code();
            Series series = outlet.get(code);
            if (series == null) continue;
            double value = !Double.isNaN(r.avg()) ? r.avg() : r.cou();
            if (Double.isNaN(value)) {
                problem(new Problem(p.line(), "packet_value", r.code() + " 没有 Avg（或 Cou）值，该项不采用"));
                continue;
            }
            DataFlag flag = flags.of(p.edition(), r.flag());
            if (!flags.listed(flag)) {
                problem(new Problem(p.line(), "packet_value", r.code() + " 的数据标记 " + flag.flag() + " 不是 " + p.edition().label()
                        + " 的标记，按无效数据处理"));
            }
            TreeMap<Long, Observation> level = cn == Packet.CN_MINUTE ? series.minutes() : cn == Packet.CN_HOUR ? series.hours() : series.days();
            Observation earlier = level.putIfAbsent(key, new Observation(key, value, flag, current.file, p.line()));
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
