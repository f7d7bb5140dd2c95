package tianping.decide;

import tianping.facts.Finding;
import tianping.law.Benchmark;
import tianping.law.Condition;
import tianping.law.LawBook;
import tianping.law.Numbers;
import tianping.law.PenaltyProvision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a fine within the legal range by the discretion benchmark (自由裁量基准) of the enterprise's region. The
 * benchmark is data (benchmarks.csv, discretion-levels.csv): which factors, which levels, which formula; so
 * swapping 浙江's additive percentages for 山东's factor levels is a row in a table, not code.
 *
 * <p>All arithmetic is exact: the legal range is decimal yuan, the benchmark's place φ ∈ [0, 1] within it is a
 * fraction ({@link Ratio}), and the fine min + (max − min) × φ is rounded once, down to the benchmark's unit, at
 * the end (never below the legal minimum). 从重 and 从轻 (行政处罚法 Art. 32) move the place as the benchmark row
 * says (benchmarks.csv 从重上调 / 从重最低位置, 从轻系数 / 从轻最高位置: by default 从重 at or above the midpoint,
 * 从轻 at or below it). Where both stand they offset and the benchmark's own place stands, with both named.
 */
final class Discretion {

    private final LawBook book;

    Discretion(LawBook book) {
        this.book = book;
    }

    /**
     * The legal range of a provision for this finding, in yuan, with how it was counted. Where the statute counts
     * a base "不足 X 的，按 X 计算" (固废法第一百一十二条第二款: 所需处置费用不足二十万元的，按二十万元计算), the
     * multiple applies to the counted base, not the real cost: the base is raised to X before it is multiplied.
     */
    static Range range(PenaltyProvision p, Finding f) {
        return switch (p.basis()) {
            case RANGE -> new Range(Money.plain(p.min()), Money.plain(p.max()), "");
            case INVESTMENT_PERCENT -> {
                BigDecimal investment = f.getTotalInvestment();
                if (investment == null) {
                    throw new MissingFactException(f, "details.totalInvestment",
                            p.id() + "（" + p.legalBasis() + "）按总投资额的 " + p.min().toPlainString() + "%–"
                                    + p.max().toPlainString() + "% 计罚，须提供建设项目总投资额");
                }
                BigDecimal base = counted(investment, p.floor());
                yield new Range(Money.plain(base.multiply(p.min()).movePointLeft(2)), Money.plain(base.multiply(p.max()).movePointLeft(2)),
                        baseNote("建设项目总投资额", investment, p.floor()) + "；罚款为其 " + p.min().toPlainString() + "% 至 " + p.max().toPlainString() + "%");
            }
            case COST_MULTIPLE -> {
                BigDecimal cost = f.getDisposalCost();
                if (cost == null) {
                    throw new MissingFactException(f, "details.disposalCost",
                            p.id() + "（" + p.legalBasis() + "）按处置费用的 " + p.min().toPlainString() + "–"
                                    + p.max().toPlainString() + " 倍计罚，须提供所需处置费用");
                }
                BigDecimal base = counted(cost, p.floor());
                yield new Range(Money.plain(base.multiply(p.min())), Money.plain(base.multiply(p.max())),
                        baseNote("所需处置费用", cost, p.floor()) + "；罚款为其 " + p.min().toPlainString() + " 至 " + p.max().toPlainString() + " 倍");
            }
        };
    }

    /** The base the statute counts: the real amount, or X where it is under X. */
    private static BigDecimal counted(BigDecimal real, BigDecimal floor) {
        return floor != null && real.compareTo(floor) < 0 ? floor : real;
    }

    private static String baseNote(String what, BigDecimal real, BigDecimal floor) {
        if (floor != null && floor.signum() > 0 && real.compareTo(floor) < 0) {
            return what + " " + Numbers.yuan(real) + "，不足 " + Numbers.yuan(floor) + "，按 " + Numbers.yuan(floor) + "计算";
        }
        return what + " " + Numbers.yuan(real);
    }

    /** A legal range in yuan and, for a counted base, how it was counted. */
    record Range(BigDecimal min, BigDecimal max, String basis) {
    }

    Fine fine(Resolution r) {
        Finding f = r.finding();
        Proposal fineProposal = r.disposition();
        PenaltyProvision p = book.provision(fineProposal.ruleId()).orElseThrow(() ->
                new IllegalStateException("罚款建议 " + fineProposal.ruleId() + " 不是罚则表中的条款"));
        Range range = range(p, f);
        Benchmark b = book.benchmarkFor(f.getEnterprise().regionCode(), f.getJudgedOn());
        List<String> steps = new ArrayList<>();
        steps.add("法定幅度：" + Numbers.yuan(range.min()) + " 至 " + Numbers.yuan(range.max()) + "（" + p.legalBasis()
                + (range.basis().isEmpty() ? "" : "：" + range.basis()) + "）");
        String region = f.getEnterprise().regionCode();
        String applied = b.regions().stream().noneMatch(region::startsWith) ? "；企业所在地区未配置裁量基准，参照默认基准" : "";
        if (!b.validity().covers(f.getJudgedOn())) applied += "；违法行为发生于该基准施行（" + b.validity().from() + "）前，参照适用";
        steps.add("裁量基准：" + b.name() + "（" + b.method().label + applied + "）");
        Ratio phi = switch (b.method()) {
            case ADDITIVE_PERCENT -> additive(b, f, steps);
            case FACTOR_LEVELS -> factorLevels(b, f, steps);
        };
        phi = place(phi, r.stands("从重处罚"), r.stands("从轻处罚"), b, steps);
        return new Fine(f, p.id(), p.legalBasis(), range.min(), range.max(), amount(range, phi, b.rounding(), steps),
                b.id(), steps);
    }

    /** Where 从重 and 从轻 put the fine, from the benchmark's own place, as the benchmark says (benchmarks.csv). */
    private static Ratio place(Ratio phi, boolean aggravated, boolean mitigated, Benchmark b, List<String> steps) {
        if (aggravated && mitigated) {
            steps.add("从重处罚与从轻处罚情节并存，相互抵消，幅度位置仍为 " + phi.percentText() + " [K]");
            return phi;
        }
        if (aggravated) return shifted(phi, b.aggravated(), steps);
        if (mitigated) return shifted(phi, b.mitigated(), steps);
        return phi;
    }

    /**
     * 从重 (UP): φ + step, at least the bound (the midpoint unless the benchmark says otherwise), at most 100%;
     * 从轻 (DOWN, 行政处罚法第三十二条): φ × step, at most the bound.
     */
    static Ratio shift(Ratio phi, Benchmark.Placement p) {
        Ratio step = Ratio.of(p.step()), bound = Ratio.of(p.bound());
        return switch (p.direction()) {
            case UP -> phi.add(step).max(bound).min(Ratio.ONE);
            case DOWN -> phi.multiply(step).min(bound);
        };
    }

    private static Ratio shifted(Ratio phi, Benchmark.Placement p, List<String> steps) {
        Ratio moved = shift(phi, p);
        boolean up = p.direction() == Benchmark.Direction.UP;
        steps.add(p.direction().label + (up ? "" : "（行政处罚法第三十二条）") + "：幅度位置 " + phi.percentText()
                + (up ? " 上调 " + Ratio.of(p.step()).percentText() + "，且不低于 " : " × " + Ratio.of(p.step()).text() + "，且不高于 ")
                + Ratio.of(p.bound()).percentText() + (up ? "、不超过 100%" : "") + "：" + moved.percentText());
        return moved;
    }

    /** 比例累加: φ = Σ% of the levels found, at most 100%. */
    static Ratio additivePlace(List<BigDecimal> percents) {
        BigDecimal sum = percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Ratio.percent(sum).min(Ratio.ONE);
    }

    /** 因子档次: φ = (Σ档次 − n) / (4n) over the n factors determined; 0 when none is. */
    static Ratio levelPlace(List<BigDecimal> levels) {
        int n = levels.size();
        if (n == 0) return Ratio.ZERO;
        BigDecimal sum = levels.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Ratio.of(sum).subtract(Ratio.of(n, 1)).divide(Ratio.of(4L * n, 1));
    }

    /**
     * fine = min + (max − min) × φ, rounded once: down to a multiple of the benchmark's unit, never below the legal
     * minimum (a minimum with fen is paid to the fen, rounded up so it stays within the range).
     */
    static BigDecimal amount(Range range, Ratio phi, BigDecimal unit, List<String> steps) {
        Ratio raw = Ratio.of(range.min()).add(Ratio.of(range.max().subtract(range.min())).multiply(phi));
        BigDecimal rounded = raw.floorTo(unit);
        String rawText = raw.exactDecimal().map(BigDecimal::toPlainString).orElseGet(raw::text);
        BigDecimal amount = rounded;
        String note = "";
        if (rounded.compareTo(range.min()) < 0) {
            amount = Ratio.of(range.min()).ceilingTo(Money.FEN);
            note = "，低于法定下限，按下限";
        }
        if (amount.signum() <= 0 && range.max().signum() > 0) {
            amount = unit.min(range.max());
            note = "；法定幅度为“" + Numbers.yuan(range.max()) + "以下”，裁量结果为零，按最低取整单位（不超过上限）计 [K]";
        }
        steps.add("罚款 = " + range.min().toPlainString() + " + (" + range.max().toPlainString() + " − " + range.min().toPlainString()
                + ") × " + phi.percentText() + " = " + rawText + " 元，按 " + unit.toPlainString() + " 元向下取整"
                + note + "：" + Numbers.yuan(amount));
        return Money.plain(amount);
    }

    /** 比例累加: each factor contributes the percentage of its first matching level; φ = Σ% (at most 100%). */
    private static Ratio additive(Benchmark b, Finding f, List<String> steps) {
        List<BigDecimal> found = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (var e : byFactor(b).entrySet()) {
            Benchmark.Level level = firstMatch(e.getValue(), f);
            if (level == null) {
                steps.add(e.getKey() + "：无相符档次，计 0%");
                continue;
            }
            found.add(level.value());
            sum = sum.add(level.value());
            steps.add(e.getKey() + "：" + level.level() + "（" + describe(level, f) + "）" + Money.plain(level.value()).toPlainString() + "%");
        }
        Ratio phi = additivePlace(found);
        steps.add("合计比例 " + Money.plain(sum).toPlainString() + "%" + (sum.compareTo(BigDecimal.valueOf(100)) > 0 ? "，以 100% 计" : ""));
        return phi;
    }

    /** 因子档次: each determinable factor at level 1–5; φ = (Σ档次 − n) / (4n) over the n factors determined. */
    private static Ratio factorLevels(Benchmark b, Finding f, List<String> steps) {
        List<BigDecimal> found = new ArrayList<>();
        int n = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (var e : byFactor(b).entrySet()) {
            Benchmark.Level level = firstMatch(e.getValue(), f);
            if (level == null) {
                steps.add(e.getKey() + "：案件未提供可判定的事实，不计入");
                continue;
            }
            n++;
            found.add(level.value());
            sum = sum.add(level.value());
            steps.add(e.getKey() + "：第 " + Money.plain(level.value()).toPlainString() + " 档 " + level.level() + "（" + describe(level, f) + "）");
        }
        Ratio phi = levelPlace(found);
        steps.add("幅度位置 = (Σ档次 " + Money.plain(sum).toPlainString() + " − " + n + ") / (4 × " + n + ") = " + phi.percentText());
        return phi;
    }

    private static Map<String, List<Benchmark.Level>> byFactor(Benchmark b) {
        Map<String, List<Benchmark.Level>> m = new LinkedHashMap<>();
        for (Benchmark.Level l : b.levels()) m.computeIfAbsent(l.factor(), k -> new ArrayList<>()).add(l);
        return m;
    }

    private static Benchmark.Level firstMatch(List<Benchmark.Level> levels, Finding f) {
        for (Benchmark.Level l : levels) {
            if (l.conditions().stream().allMatch(c -> c.test(f))) return l;
        }
        return null;
    }

    /** The case's values the level was chosen by: "危害后果 一般，违法持续时间 4.2 个月" (each measure once). */
    private static String describe(Benchmark.Level level, Finding f) {
        if (level.conditions().isEmpty()) return "无条件";
        List<String> parts = new ArrayList<>();
        for (Condition c : level.conditions()) {
            String part = c.measure().label() + " " + c.actual(f);
            if (!parts.contains(part)) parts.add(part);
        }
        return String.join("，", parts);
    }
}
