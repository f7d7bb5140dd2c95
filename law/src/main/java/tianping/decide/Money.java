package tianping.decide;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money in yuan as exact decimals, from the table to the decision's JSON. Every amount leaves here
 * without trailing zeros and never in exponent form (2E+5), so {@code 200000} in a table is {@code 200000} in the
 * decision and {@code 12345.67} stays {@code 12345.67}.
 */
public final class Money {

    /** One fen: the smallest amount a decision can order paid. */
    public static final BigDecimal FEN = new BigDecimal("0.01");

    private Money() {
    }

    /** The same value without trailing zeros and with a scale of at least 0 (so it prints without an exponent). */
    public static BigDecimal plain(BigDecimal v) {
        if (v == null) return null;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }

    public static BigDecimal of(long yuan) {
        return BigDecimal.valueOf(yuan);
    }

    public static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return plain(a.add(b));
    }
}
