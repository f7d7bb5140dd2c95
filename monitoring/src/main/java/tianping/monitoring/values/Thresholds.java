package tianping.monitoring.values;

import tianping.law.LawBook;

import java.time.LocalDate;

/**
 * The thresholds of the monitoring derivation in force on one date, every one a row of parameters.csv with its
 * source: data validity (HJ 75-2017) and the quantified signs of falsification (all [K]).
 */
public record Thresholds(int minValidMinutes, int minValidHours, double flatCv, double flatHours, double spikeMultiple,
                         int spikeMinCount, double spikeTolerance, double zeroFlowHours) {

    public static Thresholds on(LawBook law, LocalDate date) {
        return new Thresholds(
                (int) law.number("小时均值最少有效分钟数", date),
                (int) law.number("日均值最少有效小时数", date),
                law.number("平直判定变异系数上限", date),
                law.number("平直判定最短时长", date),
                law.number("尖峰判定倍数", date),
                (int) law.number("周期性尖峰最少次数", date),
                law.number("周期性尖峰间隔偏差上限", date),
                law.number("流量为零最短时长", date));
    }
}
