package tianping.power.episodes;

import tianping.law.LawBook;
import tianping.law.Parameter;

import java.time.LocalDate;

/**
 * The thresholds of power-anomaly detection in force on a date, each read from parameters.csv with its source:
 * legal staff change them there, never here.
 */
public record Thresholds(Threshold interval, Threshold productionOn, Threshold treatmentOn, Threshold minDuration,
                         Threshold lowLoad, Threshold lowLoadDuration, Threshold ratioDrop, Threshold baselineSlots,
                         Threshold idleDays, Threshold togglesPerDay, Threshold nightRatio, Threshold nightStart,
                         Threshold nightEnd, Threshold faultReportHours, Threshold cutResponse, Threshold cutFraction,
                         Threshold offlineSlots) {

    public static Thresholds in(LawBook law, LocalDate date) {
        return new Thresholds(t(law, "用电采样间隔", date), t(law, "生产设施运行功率比例", date),
                t(law, "治污设施运行功率比例", date), t(law, "用电异常最短持续时间", date), t(law, "治污设施低负荷比例", date),
                t(law, "治污设施低负荷最短持续时间", date), t(law, "治污产污用电比下降比例", date),
                t(law, "用电比基线最少时段数", date), t(law, "建而不用最少天数", date), t(law, "时开时停日启停次数", date),
                t(law, "夜间白天用电比", date), t(law, "夜间开始时刻", date), t(law, "夜间结束时刻", date),
                t(law, "故障报告时限", date), t(law, "故障减产响应时限", date), t(law, "故障减产负荷比例", date),
                t(law, "测点离线判定时段数", date));
    }

    private static Threshold t(LawBook law, String name, LocalDate date) {
        Parameter p = law.parameter(name, date);
        return new Threshold(name, Double.parseDouble(p.value()), p.unit(), p.source());
    }

    public int intervalMinutes() {
        return (int) interval.value();
    }
}
