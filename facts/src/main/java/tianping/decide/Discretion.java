package tianping.decide;

import tianping.facts.Finding;
import tianping.law.Benchmark;
import tianping.law.Condition;
import tianping.law.LawBook;
import tianping.law.Numbers;
import tianping.law.PenaltyProvision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a fine within the legal range by the discretion benchmark (自由裁量基准) of the enterprise's region. The
 * benchmark is data (benchmarks.csv, discretion-levels.csv): which factors, which levels, which formula; so
 * swapping 浙江's additive percentages for 山东's factor levels is a row in a table, not code.
 *
 * <p>From the benchmark's place φ ∈ [0, 1] within the range: 从重 raises φ by the parameter 从重处罚幅度上调,
 * 从轻 (行政处罚法 Art. 32) multiplies it by 从轻处罚幅度系数; fine = min + (max − min) × φ, rounded down to the
 * benchmark's unit but never below the minimum.
 */
final class Discretion {

    private final LawBook book;

    Discretion(LawBook book) {
        this.book = book;
    }

    /** [min, max] in yuan of a provision for this finding. */
    static double[] range(PenaltyProvision p, Finding f) {
        return switch (p.basis()) {
            case RANGE -> new double[]{p.min().doubleValue(), p.max().doubleValue()};
            case INVESTMENT_PERCENT -> {
                Double investment = f.getTotalInvestment();
                if (investment == null) {
                    throw new MissingFactException(f, "details.totalInvestment",
                            p.id() + "（" + p.legalBasis() + "）按总投资额的 " + p.min().toPlainString() + "%–"
                                    + p.max().toPlainString() + "% 计罚，须提供建设项目总投资额");
                }
                yield new double[]{investment * p.min().doubleValue() / 100, investment * p.max().doubleValue() / 100};
            }
            case COST_MULTIPLE -> {
                Double cost = f.getDisposalCost();
                if (cost == null) {
                    throw new MissingFactException(f, "details.disposalCost",
                            p.id() + "（" + p.legalBasis() + "）按处置费用的 " + p.min().toPlainString() + "–"
                                    + p.max().toPlainString() + " 倍计罚，须提供所需处置费用");
                }
                double floor = p.floor().doubleValue();
                yield new double[]{Math.max(floor, cost * p.min().doubleValue()), Math.max(floor, cost * p.max().doubleValue())};
            }
        };
    }

    Fine fine(Resolution r) {
        Finding f = r.finding();
        Proposal fineProposal = r.disposition();
        PenaltyProvision p = book.provision(fineProposal.ruleId()).orElseThrow(() ->
                new IllegalStateException("罚款建议 " + fineProposal.ruleId() + " 不是罚则表中的条款"));
        double[] range = range(p, f);
        Benchmark b = book.benchmarkFor(f.getEnterprise().regionCode(), f.getJudgedOn());
        List<String> steps = new ArrayList<>();
        steps.add("法定幅度：" + Numbers.yuan(range[0]) + " 至 " + Numbers.yuan(range[1]) + "（" + p.legalBasis() + "）");
        String region = f.getEnterprise().regionCode();
        String applied = b.regions().stream().noneMatch(region::startsWith) ? "；企业所在地区未配置裁量基准，参照默认基准" : "";
        if (!b.validity().covers(f.getJudgedOn())) applied += "；违法行为发生于该基准施行（" + b.validity().from() + "）前，参照适用";
        steps.add("裁量基准：" + b.name() + "（" + b.method().label + applied + "）");
        double phi = switch (b.method()) {
            case ADDITIVE_PERCENT -> additive(b, f, steps);
            case FACTOR_LEVELS -> factorLevels(b, f, steps);
        };
        if (r.stands("从重处罚")) {
            double up = book.number("从重处罚幅度上调", f.getJudgedOn());
            double raised = Math.min(1.0, phi + up);
            steps.add("从重处罚：幅度位置 " + pct(phi) + " 上调 " + pct(up) + " = " + pct(raised));
            phi = raised;
        }
        if (r.stands("从轻处罚")) {
            double k = book.number("从轻处罚幅度系数", f.getJudgedOn());
            double lowered = phi * k;
            steps.add("从轻处罚（行政处罚法第三十二条）：幅度位置 " + pct(phi) + " × " + Numbers.plain(k) + " = " + pct(lowered));
            phi = lowered;
        }
        double raw = range[0] + (range[1] - range[0]) * phi;
        double unit = b.rounding().doubleValue();
        double amount = Math.max(range[0], Math.floor(raw / unit) * unit);
        if (amount <= 0) {
            amount = unit;
            steps.add("法定幅度为“" + Numbers.yuan(range[1]) + "以下”，裁量结果为零，按最低取整单位计 [K]");
        }
        steps.add("罚款 = " + Numbers.plain(range[0]) + " + (" + Numbers.plain(range[1]) + " − " + Numbers.plain(range[0])
                + ") × " + pct(phi) + " = " + Numbers.plain(raw) + " 元，按 " + Numbers.plain(unit) + " 元取整："
                + Numbers.yuan(amount));
        return new Fine(f, p.id(), p.legalBasis(), range[0], range[1], amount, b.id(), steps);
    }

    /** 比例累加: each factor contributes the percentage of its first matching level; φ = Σ% (at most 100%). */
    private static double additive(Benchmark b, Finding f, List<String> steps) {
        double sum = 0;
        for (var e : byFactor(b).entrySet()) {
            Benchmark.Level level = firstMatch(e.getValue(), f);
            if (level == null) {
                steps.add(e.getKey() + "：无相符档次，计 0%");
                continue;
            }
            sum += level.value().doubleValue();
            steps.add(e.getKey() + "：" + level.level() + "（" + describe(level, f) + "）" + level.value().stripTrailingZeros().toPlainString() + "%");
        }
        double phi = Math.min(1.0, sum / 100);
        steps.add("合计比例 " + Numbers.plain(sum) + "%" + (sum > 100 ? "，以 100% 计" : ""));
        return phi;
    }

    /** 因子档次: each determinable factor at level 1–5; φ = (Σ档次 − n) / (4n) over the n factors determined. */
    private static double factorLevels(Benchmark b, Finding f, List<String> steps) {
        int n = 0;
        double sum = 0;
        for (var e : byFactor(b).entrySet()) {
            Benchmark.Level level = firstMatch(e.getValue(), f);
            if (level == null) {
                steps.add(e.getKey() + "：案件未提供可判定的事实，不计入");
                continue;
            }
            n++;
            sum += level.value().doubleValue();
            steps.add(e.getKey() + "：第 " + level.value().stripTrailingZeros().toPlainString() + " 档 " + level.level() + "（" + describe(level, f) + "）");
        }
        double phi = n == 0 ? 0 : (sum - n) / (4.0 * n);
        steps.add("幅度位置 = (Σ档次 " + Numbers.plain(sum) + " − " + n + ") / (4 × " + n + ") = " + pct(phi));
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

    /** The case's values the level was chosen by: "危害后果 一般，违法持续时间 4.2 个月". */
    private static String describe(Benchmark.Level level, Finding f) {
        if (level.conditions().isEmpty()) return "无条件";
        StringBuilder b = new StringBuilder();
        for (Condition c : level.conditions()) {
            if (!b.isEmpty()) b.append('，');
            b.append(c.measure().label()).append(' ').append(c.actual(f));
        }
        return b.toString();
    }

    private static String pct(double phi) {
        return Numbers.plain(phi * 100) + "%";
    }
}
