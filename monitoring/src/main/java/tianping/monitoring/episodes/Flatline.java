package tianping.monitoring.episodes;

import tianping.law.Numbers;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Thresholds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * 数据异常平直: a run of consecutive valid values whose standard deviation stays within a small fraction of their
 * mean (平直判定变异系数上限) for at least 平直判定最短时长. A real analyzer's readings fluctuate; a long flat
 * line is what a fixed value fed to the data unit looks like (天津 2021: COD flat near 10 mg/L at a dyeing
 * plant that measured about 100 on a surprise check). Runs break at missing or invalid data.
 */
public final class Flatline {

    private Flatline() {
    }

    /**
     * @param points valid values in time order
     * @param step   minutes between consecutive values (the minute interval, or 60 for hourly means)
     */
    public static List<Sign> find(String code, String name, List<Point> points, int step, Function<LocalDate, Thresholds> thresholds) {
        List<Sign> out = new ArrayList<>();
        int i = 0;
        while (i < points.size()) {
            Thresholds t = thresholds.apply(Minutes.date(points.get(i).minute()));
            long n = 1;
            double mean = points.get(i).value();
            double m2 = 0;
            int j = i + 1;
            while (j < points.size() && points.get(j).minute() == points.get(j - 1).minute() + step) {
                double x = points.get(j).value();
                long n2 = n + 1;
                double d = x - mean;
                double mean2 = mean + d / n2;
                double m22 = m2 + d * (x - mean2);
                if (Math.sqrt(m22 / n2) > t.flatCv() * Math.abs(mean2)) break;
                n = n2;
                mean = mean2;
                m2 = m22;
                j++;
            }
            long start = points.get(i).minute();
            long end = points.get(j - 1).minute() + step;
            if (end - start >= t.flatHours() * 60) {
                double sd = Math.sqrt(m2 / n);
                out.add(new Sign("数据异常平直", code, start, end, name + "（" + code + "）" + (step == 60 ? "小时均值" : "分钟数据")
                        + " " + Minutes.text(start) + " 至 " + Minutes.text(end) + " 连续 " + n + " 个有效值几乎不变：均值 "
                        + Numbers.plain(mean) + "，标准差 " + Numbers.plain(sd) + "（不超过均值的 " + Numbers.plain(t.flatCv())
                        + " 倍），持续 " + Numbers.plain((end - start) / 60.0) + " 小时（平直判定最短时长 "
                        + Numbers.plain(t.flatHours()) + " 小时）"));
            }
            i = j;
        }
        return out;
    }
}
