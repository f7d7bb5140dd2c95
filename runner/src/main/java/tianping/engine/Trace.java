package tianping.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import tianping.decide.Proposal;
import tianping.decide.Resolution;
import tianping.facts.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records one decision's run: every rule that fired, in order, with the objects it matched and the facts its
 * consequence inserted, and every rule held back because it was not in force on the judged date. It is also the
 * agenda filter that holds them back, so what is filtered and what is recorded cannot disagree. Rule bodies
 * never write to the trace; this listener observes them.
 */
final class Trace extends DefaultAgendaEventListener implements RuleRuntimeEventListener, AgendaFilter {

    /** A fired rule; facts are rendered to text only when the decision is built. */
    record Step(RuleMeta rule, List<Object> matched, List<Object> concluded) {
    }

    private final RuleSet ruleSet;
    private final LocalDate fallbackDate;
    private final List<Step> steps = new ArrayList<>();
    private final List<Object> inserted = new ArrayList<>();
    private final List<Decision.NotInForce> notInForce = new ArrayList<>();
    private final Set<String> notInForceSeen = new HashSet<>();
    private Step current;

    Trace(RuleSet ruleSet, LocalDate fallbackDate) {
        this.ruleSet = ruleSet;
        this.fallbackDate = fallbackDate;
    }

    @Override
    public boolean accept(Match match) {
        RuleMeta meta = ruleSet.byName(match.getRule().getName());
        if (meta.validity() == null) return true;
        Finding f = findingOf(match.getObjects());
        LocalDate date = f != null ? f.getJudgedOn() : fallbackDate;
        if (meta.inForceOn(date)) return true;
        String key = meta.id() + "\u0000" + (f == null ? "" : f.getId());
        if (notInForceSeen.add(key)) {
            notInForce.add(new Decision.NotInForce(meta.id(), meta.name(), f == null ? null : f.getId(), date, meta.validity().toString()));
        }
        return false;
    }

    /** The finding a match is about: matched directly, or through a resolution or proposal. */
    static Finding findingOf(List<?> objects) {
        for (Object o : objects) {
            if (o instanceof Finding f) return f;
            if (o instanceof Resolution r) return r.finding();
            if (o instanceof Proposal p) return p.finding();
        }
        return null;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = new Step(ruleSet.byName(event.getMatch().getRule().getName()),
                List.copyOf(event.getMatch().getObjects()), new ArrayList<>());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        steps.add(current);
        current = null;
    }

    /** Inserts made while a rule fires are its conclusions (the case's own facts are inserted before firing). */
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current == null) return;
        inserted.add(event.getObject());
        current.concluded().add(event.getObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    List<Step> steps() {
        return steps;
    }

    /** Everything the rules inserted, in the order they did. */
    List<Object> inserted() {
        return inserted;
    }

    List<Decision.NotInForce> notInForce() {
        return notInForce;
    }
}
