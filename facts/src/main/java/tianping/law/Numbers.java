package tianping.law;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number display shared by conditions and decisions: plain decimals, at most four places, no trailing zeros. */
public final class Numbers {

    private Numbers() {
    }

    public static String plain(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) return String.valueOf(v);
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Yuan with thousands separators, rounded to the yuan: 199,000 元. */
    public static String yuan(double v) {
        long n = Math.round(v);
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (n < 0) b.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        return b.append(" 元").toString();
    }
}
