package tianping.decide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fraction: a fine's place within its legal range (Σ比例, (Σ档次 − n)/(4n), 从重 and 从轻 adjustments) is
 * kept exact until the one rounding the benchmark prescribes. {@code (Σ − n)/(4n)} with n = 3 is 7/12, which no
 * decimal or binary number holds; rounding it early would move a fine across a 100-yuan step.
 */
public record Ratio(BigInteger num, BigInteger den) implements Comparable<Ratio> {

    public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
    public static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);

    public Ratio {
        if (den.signum() == 0) throw new ArithmeticException("分母为零");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) den = BigInteger.ONE;
    }

    public static Ratio of(long num, long den) {
        return new Ratio(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    public static Ratio of(BigDecimal d) {
        return d.scale() >= 0 ? new Ratio(d.unscaledValue(), BigInteger.TEN.pow(d.scale()))
                : new Ratio(d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())), BigInteger.ONE);
    }

    /** A percentage: 57 → 57/100. */
    public static Ratio percent(BigDecimal p) {
        return of(p).divide(of(100, 1));
    }

    public Ratio add(Ratio o) {
        return new Ratio(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Ratio subtract(Ratio o) {
        return add(new Ratio(o.num.negate(), o.den));
    }

    public Ratio multiply(Ratio o) {
        return new Ratio(num.multiply(o.num), den.multiply(o.den));
    }

    public Ratio divide(Ratio o) {
        return new Ratio(num.multiply(o.den), den.multiply(o.num));
    }

    public Ratio min(Ratio o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Ratio max(Ratio o) {
        return compareTo(o) >= 0 ? this : o;
    }

    @Override
    public int compareTo(Ratio o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    /** The exact decimal, or empty when the fraction does not terminate (its denominator has a factor other than 2 and 5). */
    public java.util.Optional<BigDecimal> exactDecimal() {
        try {
            return java.util.Optional.of(Money.plain(new BigDecimal(num).divide(new BigDecimal(den))));
        } catch (ArithmeticException nonTerminating) {
            return java.util.Optional.empty();
        }
    }

    /** Rounded down to a whole multiple of {@code unit}: floor(this / unit) × unit. */
    public BigDecimal floorTo(BigDecimal unit) {
        Ratio steps = divide(of(unit));
        BigInteger[] qr = steps.num.divideAndRemainder(steps.den);
        BigInteger floor = qr[0];
        if (qr[1].signum() < 0) floor = floor.subtract(BigInteger.ONE);
        return Money.plain(new BigDecimal(floor).multiply(unit));
    }

    /** Rounded up to a whole multiple of {@code unit}. */
    public BigDecimal ceilingTo(BigDecimal unit) {
        Ratio steps = divide(of(unit));
        BigInteger[] qr = steps.num.divideAndRemainder(steps.den);
        BigInteger ceiling = qr[0];
        if (qr[1].signum() > 0) ceiling = ceiling.add(BigInteger.ONE);
        return Money.plain(new BigDecimal(ceiling).multiply(unit));
    }

    /** As a percentage for people: "57%", "31.25%", or "7/12（约 58.3333%）" when it does not terminate. */
    public String percentText() {
        Ratio p = multiply(of(100, 1));
        return p.exactDecimal().map(d -> d.toPlainString() + "%")
                .orElseGet(() -> num + "/" + den + "（约 " + Money.plain(new BigDecimal(p.num)
                        .divide(new BigDecimal(p.den), 4, RoundingMode.HALF_UP)).toPlainString() + "%）");
    }

    /** As a number for people: "0.5", or "1/3（约 0.3333）". */
    public String text() {
        return exactDecimal().map(BigDecimal::toPlainString).orElseGet(() -> num + "/" + den + "（约 "
                + Money.plain(new BigDecimal(num).divide(new BigDecimal(den), 4, RoundingMode.HALF_UP)).toPlainString() + "）");
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
