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

    /**
     * An exact amount in yuan with thousands separators, fen kept where there are any: 122,600 元, 12,345.67 元.
     * Nothing is rounded here: amounts are rounded once, where the benchmark says, before they are shown.
     */
    public static String yuan(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) s = s.setScale(0, RoundingMode.UNNECESSARY);
        String plain = s.abs().toPlainString();
        int dot = plain.indexOf('.');
        String digits = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder(plain.length() + 8);
        if (s.signum() < 0) b.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        if (dot >= 0) b.append(plain.substring(dot));
        return b.append(" 元").toString();
    }

    /** Yuan with thousands separators, rounded to the yuan: 199,000 元. For measures, not amounts decided. */
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
