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
     * A numeric parameter in force on {@code date} (parameters.csv); NaN where none is, so a threshold of a law
     * not yet in force is never met (every comparison with NaN is false).
     */
    public double number(String name, LocalDate date) {
        return book.parameterOn(name, date).map(p -> Double.parseDouble(p.value())).orElse(Double.NaN);
    }

    /** A whole-number parameter (years, months, counts). */
    public int integer(String name, LocalDate date) {
        return (int) book.number(name, date);
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

    public Resolution resolve(Finding f, int round, List<Proposal> proposals) {
        return precedence.resolve(f, round, proposals,
                p -> range(p)[1], p -> range(p)[0]);
    }

    /** The fine for a resolved 罚款, by the benchmark for the enterprise's region. */
    public Fine fine(Resolution r) {
        return discretion.fine(r);
    }

    /** [min, max] in yuan of the provision behind a fine proposal, or NaN when it has none or lacks data. */
    private double[] range(Proposal p) {
        return book.provision(p.ruleId()).map(prov -> {
            try {
                return Discretion.range(prov, p.finding());
            } catch (MissingFactException e) {
                return new double[]{Double.NaN, Double.NaN};
            }
        }).orElse(new double[]{Double.NaN, Double.NaN});
    }

    public PenaltyProvision provision(String id) {
        return book.provision(id).orElseThrow(() -> new IllegalArgumentException("没有罚则 " + id));
    }
}
