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

    /** Yuan with thousands separators: 199,000 元. */
    public static String yuan(double v) {
        return String.format("%,.0f 元", v);
    }
}
