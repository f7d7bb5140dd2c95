package tianping.engine;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;
import tianping.decide.MissingFactException;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseRejected;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides cases with one rule set: a fresh session per case, facts inserted in the order of the case file, the
 * phases focused in order, rules held back when not in force on the judged date. Every finding is judged by the
 * law in force on its act date; when the rule set's law changed between the act and the decision, the case is
 * also judged by the law in force on the decision date and the lighter applies ({@link LighterLaw}).
 * Thread-safe: sessions are not shared, the rule set is immutable.
 */
public final class Decider {

    private final RuleSet ruleSet;

    public Decider(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * @throws CaseRejected when the rules need a fact the case lacks (with its JSON path), or when the rules
     *                      reach conflicting conclusions for a finding with no precedence between them
     */
    public Decision decide(String file, CaseFile c) throws CaseRejected {
        DecisionBuilder.Evaluation old = evaluate(file, c);
        LocalDate earliestAct = c.findings().stream().map(f -> f.getActDate()).min(Comparator.naturalOrder()).orElse(c.decisionDate());
        if (!ruleSet.lawChangedBetween(earliestAct, c.decisionDate())) {
            return DecisionBuilder.decision(ruleSet, c, old.findings(), old, List.of(), List.of());
        }
        List<Decision.LawComparison> comparisons = new ArrayList<>();
        DecisionBuilder.Evaluation now;
        try {
            now = evaluate(file, c.judgedOn(c.decisionDate()));
        } catch (CaseRejected e) {
            LighterLaw.unavailable(old, c.decisionDate(), e.errors().get(0).message(), comparisons);
            return DecisionBuilder.decision(ruleSet, c, old.findings(), old, comparisons, List.of());
        }
        List<Decision.FindingDecision> chosen = LighterLaw.choose(ruleSet.law().book().outcomeKinds(), old, now, comparisons);
        // no finding affected by what changed: the case reads as if the law had not changed (no Art. 37 record)
        return DecisionBuilder.decision(ruleSet, c, chosen, old, comparisons, comparisons.isEmpty() ? List.of() : now.trace());
    }

    /** One run of the rules, every finding judged under the law in force on its judged date. */
    private DecisionBuilder.Evaluation evaluate(String file, CaseFile c) throws CaseRejected {
        Trace trace = new Trace(ruleSet, c.decisionDate());
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            session.setGlobal("law", ruleSet.law());
            session.addEventListener((AgendaEventListener) trace);
            session.addEventListener((RuleRuntimeEventListener) trace);
            c.priorFindings().forEach(session::insert);
            c.orders().forEach(session::insert);
            c.reinspections().forEach(session::insert);
            c.warnings().forEach(session::insert);
            c.findings().forEach(session::insert);
            Agenda agenda = session.getAgenda();
            List<String> phases = ruleSet.law().book().outcomeKinds().phases();
            for (int i = phases.size() - 1; i >= 0; i--) agenda.getAgendaGroup(phases.get(i)).setFocus();
            session.fireAllRules(trace);
        } catch (RuntimeException e) {
            MissingFactException missing = missingFact(e);
            if (missing == null) throw e;
            throw new CaseRejected(List.of(new CaseError(file, pathOf(c, missing), "missing_fact", missing.getMessage())));
        } finally {
            session.dispose();
        }
        return new DecisionBuilder(ruleSet, c, trace).evaluate(file);
    }

    private static String pathOf(CaseFile c, MissingFactException e) {
        return e.finding() == null ? "$" : c.pathOf(e.finding()) + "." + e.path();
    }

    private static MissingFactException missingFact(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingFactException m) return m;
        }
        return null;
    }
}
