package tianping.decide;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every step of a benchmark's fine, checked against exact rational arithmetic written here independently
 * (numerator and denominator as BigInteger, no Ratio): the place φ from 比例累加 or 因子档次, the 从重 and 从轻
 * placement, and the fine min + (max − min) × φ rounded once down to the unit, never below the minimum. Given
 * thousands of random ranges, percentages, levels and units, when the production code computes the fine, then
 * it equals the exact answer to the fen.
 */
class DiscretionArithmeticTest {

    /** An independent exact fraction: {n, d} with d > 0. */
    private static BigInteger[] frac(BigInteger n, BigInteger d) {
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (g.signum() == 0) g = BigInteger.ONE;
        return new BigInteger[]{n.divide(g), d.divide(g)};
    }

    private static BigInteger[] frac(BigDecimal v) {
        return v.scale() >= 0 ? frac(v.unscaledValue(), BigInteger.TEN.pow(v.scale()))
                : frac(v.unscaledValue().multiply(BigInteger.TEN.pow(-v.scale())), BigInteger.ONE);
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        return frac(a[0].multiply(b[1]).add(b[0].multiply(a[1])), a[1].multiply(b[1]));
    }

    private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
        return frac(a[0].multiply(b[0]), a[1].multiply(b[1]));
    }

    private static int cmp(BigInteger[] a, BigInteger[] b) {
        return a[0].multiply(b[1]).compareTo(b[0].multiply(a[1]));
    }

    private static BigInteger[] min(BigInteger[] a, BigInteger[] b) {
        return cmp(a, b) <= 0 ? a : b;
    }

    private static BigInteger[] max(BigInteger[] a, BigInteger[] b) {
        return cmp(a, b) >= 0 ? a : b;
    }

    private static void assertSame(BigInteger[] expected, Ratio actual, String what) {
        assertEquals(expected[0] + "/" + expected[1], actual.num() + "/" + actual.den(), what);
    }

    /** The fine by hand: floor((min + (max − min) φ) / unit) × unit; below min → min (to the fen, upwards); 0 → unit (≤ max). */
    private static BigDecimal expectedFine(BigDecimal min, BigDecimal max, BigInteger[] phi, BigDecimal unit) {
        BigInteger[] raw = add(frac(min), mul(frac(max.subtract(min)), phi));
        BigInteger[] u = frac(unit);
        BigInteger[] steps = mul(raw, frac(u[1], u[0]));
        BigInteger floor = steps[0].divide(steps[1]);
        if (steps[0].signum() < 0 && !steps[0].mod(steps[1]).equals(BigInteger.ZERO)) floor = floor.subtract(BigInteger.ONE);
        BigDecimal amount = new BigDecimal(floor).multiply(unit);
        if (amount.compareTo(min) < 0) amount = min.setScale(2, java.math.RoundingMode.CEILING);
        if (amount.signum() <= 0 && max.signum() > 0) amount = unit.min(max);
        return amount;
    }

    private static BigDecimal money(Random r) {
        // whole yuan mostly, sometimes with fen (a range from a percentage of an investment)
        long yuan = r.nextInt(5) == 0 ? r.nextInt(1000) : (long) r.nextInt(200) * 5000;
        return r.nextInt(4) == 0 ? BigDecimal.valueOf(yuan * 100 + r.nextInt(100), 2) : BigDecimal.valueOf(yuan);
    }

    @Test
    void theZhejiangExampleOfTheIssueIs122600Yuan() {
        // 浙江 outlet_not_standard: 重大 32% + 3–6 个月 5% + 二年内 2 次 5% + 投诉查实 15% = 57%.
        // 20000 + 180000 × 57% = 122600 exactly; in double arithmetic it is 122599.99999999999 and rounds down to 122,500.
        Ratio phi = Discretion.additivePlace(List.of(new BigDecimal("32"), new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("15")));
        assertEquals("57%", phi.percentText());
        List<String> steps = new ArrayList<>();
        BigDecimal fine = Discretion.amount(new Discretion.Range(new BigDecimal("20000"), new BigDecimal("200000"), ""), phi,
                new BigDecimal("100"), steps);
        assertEquals(new BigDecimal("122600"), fine);
        assertEquals("罚款 = 20000 + (200000 − 20000) × 57% = 122600 元，按 100 元向下取整：122,600 元", steps.get(0));
        assertTrue(20000 + (200000 - 20000) * 0.57 < 122600, "the double arithmetic this replaces really was off");
    }

    @Test
    void aFactorLevelPlaceThatDoesNotTerminateIsRoundedOnlyOnce() {
        // 3 factors at levels 3, 3, 4: (10 − 3) / 12 = 7/12; 200000 + 800000 × 7/12 = 666666.67 → 666,600 元
        Ratio phi = Discretion.levelPlace(List.of(new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("4")));
        assertEquals("7/12（约 58.3333%）", phi.percentText());
        BigDecimal fine = Discretion.amount(new Discretion.Range(new BigDecimal("200000"), new BigDecimal("1000000"), ""), phi,
                new BigDecimal("100"), new ArrayList<>());
        assertEquals(new BigDecimal("666600"), fine);
    }

    private static Ratio up(Ratio phi, String step, String bound) {
        return Discretion.shift(phi, new tianping.law.Benchmark.Placement(tianping.law.Benchmark.Direction.UP, new BigDecimal(step), new BigDecimal(bound)));
    }

    private static Ratio down(Ratio phi, String step, String bound) {
        return Discretion.shift(phi, new tianping.law.Benchmark.Placement(tianping.law.Benchmark.Direction.DOWN, new BigDecimal(step), new BigDecimal(bound)));
    }

    @Test
    void aggravationIsNeverBelowItsBoundAndMitigationNeverAbove() {
        Ratio half = Ratio.of(1, 2);
        assertEquals(half, up(Ratio.of(11, 100), "0.2", "0.5"), "11% + 20% = 31% < 50%：从重取中间值");
        assertEquals(Ratio.of(70, 100), up(Ratio.of(50, 100), "0.2", "0.5"));
        assertEquals(Ratio.ONE, up(Ratio.of(95, 100), "0.2", "0.5"), "不超过上限");
        assertEquals(half, down(Ratio.ONE, "0.5", "0.5"));
        assertEquals(Ratio.of(1, 10), down(Ratio.of(20, 100), "0.5", "0.5"));
        // a benchmark that puts 从重 at or above 60% and 从轻 at or below 40% (a row of benchmarks.csv) is obeyed
        assertEquals(Ratio.of(60, 100), up(Ratio.of(11, 100), "0.2", "0.6"));
        assertEquals(Ratio.of(40, 100), down(Ratio.ONE, "0.5", "0.4"));
    }

    @Test
    void everyStepEqualsExactRationalArithmeticOverRandomInputs() {
        Random r = new Random(20261201L);
        BigDecimal[] units = {BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("100"), new BigDecimal("1000")};
        for (int i = 0; i < 20_000; i++) {
            BigDecimal a = money(r);
            BigDecimal b = money(r);
            BigDecimal min = a.min(b);
            BigDecimal max = a.max(b);
            BigDecimal unit = units[r.nextInt(units.length)];
            BigInteger[] phi;
            Ratio place;
            if (r.nextBoolean()) {
                List<BigDecimal> percents = new ArrayList<>();
                BigInteger[] sum = frac(BigInteger.ZERO, BigInteger.ONE);
                for (int k = r.nextInt(6); k > 0; k--) {
                    BigDecimal p = BigDecimal.valueOf(r.nextInt(400), r.nextInt(2)); // 0–40%, sometimes 2.5%
                    percents.add(p);
                    sum = add(sum, frac(p));
                }
                phi = min(mul(sum, frac(BigInteger.ONE, BigInteger.valueOf(100))), frac(BigInteger.ONE, BigInteger.ONE));
                place = Discretion.additivePlace(percents);
            } else {
                List<BigDecimal> levels = new ArrayList<>();
                long sum = 0;
                int n = r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    int level = 1 + r.nextInt(5);
                    levels.add(BigDecimal.valueOf(level));
                    sum += level;
                }
                phi = n == 0 ? frac(BigInteger.ZERO, BigInteger.ONE) : frac(BigInteger.valueOf(sum - n), BigInteger.valueOf(4L * n));
                place = Discretion.levelPlace(levels);
            }
            assertSame(phi, place, "幅度位置");
            BigInteger[] half = frac(BigInteger.ONE, BigInteger.TWO);
            switch (r.nextInt(3)) {
                case 0 -> {
                    BigInteger[] up = frac(BigInteger.valueOf(r.nextInt(30)), BigInteger.valueOf(100));
                    phi = min(max(add(phi, up), half), frac(BigInteger.ONE, BigInteger.ONE));
                    place = up(place, new BigDecimal(up[0]).divide(new BigDecimal(up[1])).toPlainString(), "0.5");
                    assertTrue(cmp(phi, half) >= 0, "从重不低于中间值");
                }
                case 1 -> {
                    BigInteger[] k = frac(BigInteger.valueOf(r.nextInt(10)), BigInteger.TEN);
                    phi = min(mul(phi, k), half);
                    place = down(place, new BigDecimal(k[0]).divide(new BigDecimal(k[1])).toPlainString(), "0.5");
                }
                default -> {
                }
            }
            assertSame(phi, place, "从重、从轻后的幅度位置");
            BigDecimal actual = Discretion.amount(new Discretion.Range(min, max, ""), place, unit, new ArrayList<>());
            BigDecimal expected = expectedFine(min, max, phi, unit);
            assertEquals(0, expected.compareTo(actual), "[" + min + ", " + max + "] × " + phi[0] + "/" + phi[1] + " 按 " + unit
                    + "：期望 " + expected + "，实际 " + actual);
            assertTrue(actual.compareTo(max) <= 0 || max.signum() == 0, "不超过上限");
            assertTrue(actual.scale() <= 2, "到分为止");
        }
    }
}
