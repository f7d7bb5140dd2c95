package tianping.monitoring.values;

import tianping.law.DataFlag;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Valid hourly and daily means. An hour's mean is computed from its minute data when there are any, and only if
 * enough minutes are valid (小时均值最少有效分钟数); an hour without minute data takes the hour value the station
 * transmitted, if its flag makes it usable. A day's mean likewise comes from its hourly means (日均值最少有效小时数),
 * or from the transmitted day value when the day has no finer data. Sums are exact decimals, so a mean of
 * 55.0 over limit 50 is a multiple of exactly 0.1, as the lists compare it.
 */
public final class Means {

    public static final String NO_DATA = "无数据";

    private final Function<LocalDate, Thresholds> thresholds;

    public Means(Function<LocalDate, Thresholds> thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Hourly means for every hour from {@code firstHour} to {@code lastHour} (minutes of the hours' starts).
     *
     * @param minuteInterval minutes one minute value stands for (1 unless the station sends every few minutes)
     */
    public TreeMap<Long, Mean> hourly(Series s, int minuteInterval, long firstHour, long lastHour) {
        TreeMap<Long, Mean> out = new TreeMap<>();
        for (long hour = firstHour; hour <= lastHour; hour += 60) {
            NavigableMap<Long, Observation> minutes = s.minutes().subMap(hour, true, hour + 59, true);
            Observation sent = s.hours().get(hour);
            Mean m;
            if (!minutes.isEmpty()) m = fromMinutes(hour, minutes.values(), minuteInterval);
            else if (sent != null) m = transmitted(hour, sent, "小时数据");
            else m = new Mean.Excluded(hour, NO_DATA);
            out.put(hour, m);
        }
        return out;
    }

    private Mean fromMinutes(long hour, Iterable<Observation> minutes, int interval) {
        BigDecimal sum = BigDecimal.ZERO;
        int usable = 0;
        int seen = 0;
        Map<String, Integer> unusable = new LinkedHashMap<>();
        Map<DataFlag, Integer> flagged = new LinkedHashMap<>();
        for (Observation o : minutes) {
            seen++;
            DataFlag f = o.flag();
            if (o.usable()) {
                usable++;
                sum = sum.add(BigDecimal.valueOf(o.value()));
                if (!f.judgement().equals("有效")) flagged.merge(f, interval, Integer::sum);
            } else {
                unusable.merge(f.flag() + "（" + f.meaning() + "）", interval, Integer::sum);
            }
        }
        int valid = usable * interval;
        int required = thresholds.apply(Minutes.date(hour)).minValidMinutes();
        if (valid < required) {
            List<String> why = new ArrayList<>();
            unusable.forEach((flag, n) -> why.add(flag + " " + n + " 分钟"));
            int missing = 60 - seen * interval;
            if (missing > 0) why.add("缺测 " + missing + " 分钟");
            return new Mean.Excluded(hour, "有效分钟 " + valid + " < " + required + (why.isEmpty() ? "" : "：" + String.join("、", why)));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(usable), MathContext.DECIMAL64);
        List<String> notes = new ArrayList<>();
        flagged.forEach((flag, n) -> notes.add(note(flag, n + " 分钟")));
        return new Mean.Valid(hour, mean, mean, null, valid, "分钟数据", notes);
    }

    private static Mean transmitted(long start, Observation o, String source) {
        if (!o.usable()) return new Mean.Excluded(start, source + "标记 " + o.flag().flag() + "（" + o.flag().meaning() + "）");
        BigDecimal v = BigDecimal.valueOf(o.value());
        List<String> notes = o.flag().judgement().equals("有效") ? List.of() : List.of(note(o.flag(), ""));
        return new Mean.Valid(start, v, v, null, 0, source, notes);
    }

    /**
     * Daily means for every day from {@code firstDay} to {@code lastDay} (minutes of the days' starts), from the
     * hourly means given; a day without minute or hour data takes the transmitted day value, passed through
     * {@code transmittedDay} (for O₂ correction).
     */
    public TreeMap<Long, Mean> daily(TreeMap<Long, Mean> hourly, Series s, long firstDay, long lastDay,
                                     UnaryOperator<Mean> transmittedDay) {
        TreeMap<Long, Mean> out = new TreeMap<>();
        for (long day = firstDay; day <= lastDay; day += 1440) {
            boolean finer = !s.minutes().subMap(day, true, day + 1439, true).isEmpty()
                    || !s.hours().subMap(day, true, day + 1439, true).isEmpty();
            Observation sent = s.days().get(day);
            Mean m;
            if (finer) m = fromHours(day, hourly.subMap(day, true, day + 1439, true).values());
            else if (sent != null) m = transmittedDay.apply(transmitted(day, sent, "日数据"));
            else m = new Mean.Excluded(day, NO_DATA);
            out.put(day, m);
        }
        return out;
    }

    private Mean fromHours(long day, Iterable<Mean> hours) {
        BigDecimal sum = BigDecimal.ZERO;
        int valid = 0;
        int noted = 0;
        for (Mean m : hours) {
            if (m instanceof Mean.Valid v) {
                valid++;
                sum = sum.add(v.value());
                if (!v.notes().isEmpty()) noted++;
            }
        }
        int required = thresholds.apply(Minutes.date(day)).minValidHours();
        if (valid < required) return new Mean.Excluded(day, "有效小时 " + valid + " < " + required);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(valid), MathContext.DECIMAL64);
        List<String> notes = noted == 0 ? List.of() : List.of("其中 " + noted + " 个小时均值含超量程或人工设定数据");
        return new Mean.Valid(day, mean, mean, null, valid, "小时均值", notes);
    }

    /** What a usable but flagged value means for the mean, and how much of it there is. */
    private static String note(DataFlag f, String amount) {
        String much = amount.isEmpty() ? "" : " " + amount;
        return f.judgement().equals("超量程")
                ? "含超量程（" + f.flag() + "）数据" + much + "，实际值不低于所报值"
                : "含" + f.judgement() + "值（" + f.flag() + "）" + much + "，须审核";
    }
}
