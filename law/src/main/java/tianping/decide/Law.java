package tianping.decide;

import tianping.facts.Finding;
import tianping.law.LawBook;
import tianping.law.PenaltyProvision;

import java.time.LocalDate;
import java.util.List;

/**
 * The DRL global {@code law}: the tables of the loaded rule set and the precedence among its rules, with the
 * few operations rules call on them. Immutable and shared by every session of a rule set.
 */
public final class Law {

    private final LawBook book;
    private final Precedence precedence;
    private final Discretion discretion;

    public Law(LawBook book, Precedence precedence) {
        this.book = book;
        this.precedence = precedence;
        this.discretion = new Discretion(book);
    }

    public LawBook book() {
        return book;
    }

    public Precedence precedence() {
        return precedence;
    }

    /**
     * A numeric threshold in force on {@code date} (parameters.csv), or NaN when none is: every comparison with NaN
     * is false, so a rule whose threshold was not yet law cannot match. (Unknown names are refused at load.)
     */
    public double number(String name, LocalDate date) {
        return book.parameterOn(name, date).map(p -> Double.parseDouble(p.value())).orElse(Double.NaN);
    }

    /** A whole-number parameter (a window in months or years); it must be in force on {@code date}. */
    public int integer(String name, LocalDate date) {
        return (int) book.number(name, date);
    }

    /**
     * 行政处罚法 Art. 36: the limitation period for this finding, in years — five where the act endangers life,
     * health or financial safety and caused harm (where that extension is in force), otherwise two.
     */
    public int limitationYears(Finding f) {
        if (f.isEndangersLifeOrHealth() && !f.getHarm().equals("无")) {
            var extended = book.parameterOn("追责时效（涉及生命健康安全）", f.getJudgedOn());
            if (extended.isPresent()) return Integer.parseInt(extended.get().value());
        }
        return integer("追责时效", f.getJudgedOn());
    }

    /**
     * The article allowing 按日连续处罚 for this finding's conduct: the basis of the first provision in force that
     * punishes its violation type and names one; empty if none does.
     */
    public String dailyPenaltyBasis(Finding f) {
        return book.provisions().stream()
                .filter(p -> p.violations().contains(f.getViolation()) && p.validity().covers(f.getJudgedOn()))
                .map(PenaltyProvision::dailyPenaltyBasis).filter(b -> !b.isEmpty()).findFirst().orElse("");
    }

    /**
     * One reading of 逃避监管 for every consequence of the act (the fine of 大气法第九十九条第（三）项 / 排污许可条例第三十四条
     * 第（二）项, 应当查封扣押 under 令第29号第四条第（四）项, and detention referral under 环境保护法第六十三条第（三）项):
     * an act of the 逃避监管 kind, except a sudden fault handled as the law requires ({@link Finding#faultHandledAsRequired}).
     */
    public boolean evasion(Finding f) {
        return f.getCategory().equals("逃避监管") && !f.faultHandledAsRequired(number("故障报告时限", f.getJudgedOn()));
    }

    /** Why an act of the 逃避监管 kind is not evasion: the fault, its report and the production cut. */
    public String notEvasionReason(Finding f) {
        double limit = number("故障报告时限", f.getJudgedOn());
        return "突发故障于 " + tianping.law.Numbers.plain(f.getFaultReportHours()) + " 小时内报告（时限 " + tianping.law.Numbers.plain(limit)
                + " 小时）并停产或减产：不属不正常运行防治污染设施（公治〔2014〕853号第七条第（六）项：故障后不及时检查维修的方属不正常运行），"
                + "不构成逃避监管";
    }

    public Resolution resolve(Finding f, int round, List<Proposal> proposals) {
        return precedence.resolve(f, round, proposals,
                p -> range(p) == null ? null : range(p).max(), p -> range(p) == null ? null : range(p).min());
    }

    /** The fine for a resolved 罚款, by the benchmark for the enterprise's region. */
    public Fine fine(Resolution r) {
        return discretion.fine(r);
    }

    /** The legal range in yuan of the provision behind a fine proposal, or null when it has none or lacks data. */
    private Discretion.Range range(Proposal p) {
        return book.provision(p.ruleId()).map(prov -> {
            try {
                return Discretion.range(prov, p.finding());
            } catch (MissingFactException e) {
                return null;
            }
        }).orElse(null);
    }

}
