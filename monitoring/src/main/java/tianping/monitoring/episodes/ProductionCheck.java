package tianping.monitoring.episodes;

import tianping.law.Numbers;
import tianping.monitoring.values.Mean;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Thresholds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cross-checks the monitoring data with periods the enterprise is known to have been producing (power
 * monitoring, ledgers): a flow of zero, or data marked as stopped (停运), while production ran, for at least
 * 流量为零最短时长 — what an outlet marked "停产" with its exhaust rerouted looks like (济宁 2022).
 */
public final class ProductionCheck {

    private ProductionCheck() {
    }

    /** A production period: [start, end) in minutes, and what shows it. */
    public record Period(long start, long end, String source) {
    }

    /**
     * @param flow         hourly means of the outlet's flow, or an empty map when it has no flow measurement
     * @param stoppedHours hours (start minutes) with any value marked 停运
     */
    public static List<Sign> find(String flowCode, List<Period> production, Map<Long, Mean> flow, Set<Long> stoppedHours,
                                  Function<LocalDate, Thresholds> thresholds) {
        List<Sign> out = new ArrayList<>();
        for (Period p : production) {
            TreeSet<Long> zero = new TreeSet<>();
            TreeSet<Long> stopped = new TreeSet<>();
            for (long hour = Minutes.hour(p.start()); hour < p.end(); hour += 60) {
                if (hour < p.start()) continue;
                if (flow.get(hour) instanceof Mean.Valid v && v.measured().compareTo(BigDecimal.ZERO) == 0) zero.add(hour);
                if (stoppedHours.contains(hour)) stopped.add(hour);
            }
            runs(zero, thresholds, (start, end) -> out.add(new Sign("生产时段流量为零", flowCode, start, end,
                    "生产时段（依据：" + p.source() + "，" + Minutes.text(p.start()) + " 至 " + Minutes.text(p.end()) + "）内 "
                            + Minutes.text(start) + " 至 " + Minutes.text(end) + " 流量（" + flowCode + "）小时均值为零，持续 "
                            + Numbers.plain((end - start) / 60.0) + " 小时：污染物可能未经排放口监测而排放")));
            runs(stopped, thresholds, (start, end) -> out.add(new Sign("生产时段标记停运", "", start, end,
                    "生产时段（依据：" + p.source() + "，" + Minutes.text(p.start()) + " 至 " + Minutes.text(p.end())
                            + "）内 " + Minutes.text(start) + " 至 " + Minutes.text(end) + " 的监测数据标记为停运，持续 "
                            + Numbers.plain((end - start) / 60.0) + " 小时：标记与生产状况不符")));
        }
        return out;
    }

    private interface RunConsumer {
        void run(long start, long end);
    }

    /** Each run of consecutive hours at least 流量为零最短时长 long. */
    private static void runs(TreeSet<Long> hours, Function<LocalDate, Thresholds> thresholds, RunConsumer consumer) {
        Long start = null;
        long previous = 0;
        for (long h : hours) {
            if (start != null && h != previous + 60) {
                emit(start, previous + 60, thresholds, consumer);
                start = null;
            }
            if (start == null) start = h;
            previous = h;
        }
        if (start != null) emit(start, previous + 60, thresholds, consumer);
    }

    private static void emit(long start, long end, Function<LocalDate, Thresholds> thresholds, RunConsumer consumer) {
        if (end - start >= thresholds.apply(Minutes.date(start)).zeroFlowHours() * 60) consumer.run(start, end);
    }
}
