package tianping.monitoring.episodes;

import tianping.law.Numbers;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Thresholds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 规律性尖峰: hourly means far above their day's median (尖峰判定倍数), recurring at near-equal intervals
 * (周期性尖峰间隔偏差上限) at least 周期性尖峰最少次数 times — the sawtooth of data diluted or replaced on a
 * schedule (厦门 2025: nine regular spikes in two weeks, then a flat line). Adjacent spike hours count as one spike.
 */
public final class PeriodicSpikes {

    private PeriodicSpikes() {
    }

    private record Spike(long start, double peak, double median) {
    }

    /** @param hourly valid hourly means (measured, before O₂ correction) in time order */
    public static List<Sign> find(String code, String name, List<Point> hourly, Function<LocalDate, Thresholds> thresholds) {
        Map<Long, double[]> byDay = new LinkedHashMap<>();
        for (Point p : hourly) {
            byDay.merge(Minutes.day(p.minute()), new double[]{p.value()}, (a, b) -> {
                double[] c = Arrays.copyOf(a, a.length + 1);
                c[a.length] = b[0];
                return c;
            });
        }
        Map<Long, Double> medians = new LinkedHashMap<>();
        byDay.forEach((day, values) -> {
            double[] v = values.clone();
            Arrays.sort(v);
            medians.put(day, v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
        });
        List<Spike> spikes = new ArrayList<>();
        long lastSpikeHour = Long.MIN_VALUE;
        for (Point p : hourly) {
            double median = medians.get(Minutes.day(p.minute()));
            boolean spike = median > 0 && p.value() >= thresholds.apply(Minutes.date(p.minute())).spikeMultiple() * median;
            if (!spike) continue;
            if (p.minute() == lastSpikeHour + 60) {
                Spike s = spikes.remove(spikes.size() - 1);
                spikes.add(p.value() > s.peak() ? new Spike(s.start(), p.value(), median) : s);
            } else {
                spikes.add(new Spike(p.minute(), p.value(), median));
            }
            lastSpikeHour = p.minute();
        }
        List<Sign> out = new ArrayList<>();
        int i = 0;
        while (i + 1 < spikes.size()) {
            Thresholds t = thresholds.apply(Minutes.date(spikes.get(i).start()));
            long interval = spikes.get(i + 1).start() - spikes.get(i).start();
            int j = i + 1;
            while (j + 1 < spikes.size()
                    && Math.abs(spikes.get(j + 1).start() - spikes.get(j).start() - interval) <= t.spikeTolerance() * interval) {
                j++;
            }
            int count = j - i + 1;
            if (count >= t.spikeMinCount()) {
                List<Spike> run = spikes.subList(i, j + 1);
                long start = run.get(0).start();
                long end = run.get(run.size() - 1).start() + 60;
                out.add(new Sign("规律性尖峰", code, start, end, name + "（" + code + "）" + Minutes.text(start) + " 至 "
                        + Minutes.text(end) + " 出现 " + count + " 次尖峰，间隔约 " + Numbers.plain(interval / 60.0)
                        + " 小时（各次间隔相差不超过 " + Numbers.plain(t.spikeTolerance()) + " 倍；尖峰 = 小时均值不低于当日中位数的 "
                        + Numbers.plain(t.spikeMultiple()) + " 倍）：" + run.stream().map(s -> Minutes.text(s.start()) + " "
                        + Numbers.plain(s.peak()) + "（当日中位数 " + Numbers.plain(s.median()) + "）").collect(Collectors.joining("、"))));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
