package tianping.monitoring.section;

import java.math.BigDecimal;

/**
 * The limit one factor of an outlet is held to, for one averaging period, and the standard or permit it comes from.
 *
 * @param averaging 小时均值 or 日均值
 * @param limitLow  the lower end of a range limit (pH), or null
 * @param range     the analyzer's registered measuring range (备案量程上限), or null
 */
public record FactorLimit(String code, String averaging, BigDecimal limit, BigDecimal limitLow, String unit,
                          String standard, BigDecimal range) {

    public boolean hourly() {
        return averaging.equals("小时均值");
    }

    /** Is {@code value} outside the limit? */
    public boolean exceededBy(BigDecimal value) {
        return value.compareTo(limit) > 0 || limitLow != null && value.compareTo(limitLow) < 0;
    }

    /** How far {@code value} lies outside the limit (0 inside): the larger, the worse. */
    public BigDecimal excess(BigDecimal value) {
        if (value.compareTo(limit) > 0) return value.subtract(limit);
        if (limitLow != null && value.compareTo(limitLow) < 0) return limitLow.subtract(value);
        return BigDecimal.ZERO;
    }
}
