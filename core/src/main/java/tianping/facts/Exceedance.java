package tianping.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;

/**
 * One exceedance episode of one factor (超标时段): consecutive hourly means above the limit, one daily mean,
 * or one sample. {@code measured} is the highest value in the episode (O₂-corrected where the standard says so).
 * Values stay decimal: a multiple of exactly 0.1 must compare equal to the list's 0.1, which binary floating
 * point arithmetic would not guarantee ((1.1 − 1.0) / 1.0 ≠ 0.1 in doubles).
 *
 * @param averaging 小时均值 / 日均值 / 瞬时 / 手工监测
 * @param minutes   the episode's duration in whole minutes (小时均值 only; 0 otherwise). Whole minutes, not decimal
 *                  hours: 20 minutes is 1/3 hour, which no decimal holds exactly, while every duration a case can
 *                  state (3.5 小时, 3 小时 30 分钟, 4.25 小时) is a whole number of minutes, and the day's accumulated
 *                  duration (a union of intervals) is then exact integer arithmetic.
 */
public record Exceedance(
        Pollutant pollutant,
        String averaging,
        LocalDateTime start,
        long minutes,
        BigDecimal measured,
        BigDecimal limit,
        BigDecimal limitLow,
        String unit,
        String standard) {

    /** 超标倍数 = (measured − limit) / limit; null for a range limit such as pH, or for noise (dB). */
    public Double multiple() {
        if (limit == null || limitLow != null || isNoise()) return null;
        return measured.subtract(limit).divide(limit, MathContext.DECIMAL64).doubleValue();
    }

    /** measured / limit, the ratio the criminal thresholds are read against (两高解释 Art. 1(3)(4)). */
    public Double ratio() {
        if (limit == null || limitLow != null || isNoise()) return null;
        return measured.divide(limit, MathContext.DECIMAL64).doubleValue();
    }

    /** The duration as officers write it: "3 小时", "3 小时 30 分钟", "45 分钟"; empty when there is none. */
    public String durationText() {
        return durationText(minutes);
    }

    /** A duration in whole minutes as text: "3 小时", "3 小时 30 分钟", "45 分钟"; "0 分钟" for none. */
    public static String durationText(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) return m + " 分钟";
        return m == 0 ? h + " 小时" : h + " 小时 " + m + " 分钟";
    }

    public boolean isNoise() {
        return pollutant.medium().equals("噪声");
    }

    public boolean hourly() {
        return averaging.equals("小时均值");
    }

    public boolean daily() {
        return averaging.equals("日均值");
    }
}
