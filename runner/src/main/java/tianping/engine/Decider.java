package tianping.engine;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;
import tianping.decide.MissingFactException;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseRejected;

import java.util.List;

/**
 * Decides cases with one rule set: a fresh session per case, facts inserted in the order of the case file, the
 * phases focused in order, rules held back when not in force on the judged date. Thread-safe: sessions are not
 * shared, the rule set is immutable.
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
            for (int i = Phases.ORDER.size() - 1; i >= 0; i--) agenda.getAgendaGroup(Phases.ORDER.get(i)).setFocus();
            session.fireAllRules(trace);
        } catch (RuntimeException e) {
            MissingFactException missing = missingFact(e);
            if (missing == null) throw e;
            throw new CaseRejected(List.of(new CaseError(file, pathOf(c, missing), "missing_fact", missing.getMessage())));
        } finally {
            session.dispose();
        }
        return new DecisionBuilder(ruleSet, c, trace).build(file);
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
