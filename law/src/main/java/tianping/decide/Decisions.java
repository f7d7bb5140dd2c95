package tianping.decide;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import tianping.facts.Finding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule's consequence calls to conclude something. The kind, legal basis and 应当/可以 come from the
 * rule's own metadata, so the text of a rule states them once and the consequence stays one line.
 */
public final class Decisions {

    /** What a rule's metadata says about its proposals, read once per rule. */
    private record Template(String id, String kind, int round, boolean mandatory, String legalBasis, boolean disposition) {
    }

    private static final Map<Rule, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Decisions() {
    }

    /** The round and category come from the rule set's outcome-kinds.csv (the session's global {@code law}). */
    private static Template template(Rule rule, tianping.law.OutcomeKinds kinds) {
        var meta = rule.getMetaData();
        String kind = Meta.text(meta, "disposition");
        if (kind.isEmpty()) kind = Meta.text(meta, "measure");
        if (kind.isEmpty()) throw new IllegalStateException("规则“" + rule.getName() + "”缺少 @disposition 或 @measure");
        return new Template(Meta.text(meta, "id"), kind, kinds.round(kind),
                !Meta.text(meta, "mandatory").equals("可以"), Meta.text(meta, "legalBasis"), kinds.isDisposition(kind));
    }

    public static void propose(RuleContext ctx, Finding f, String note) {
        propose(ctx, f, note, null);
    }

    /** Records that the measure of rule {@code rule} does not apply to {@code f}, and which condition failed. */
    public static void notApplied(RuleContext ctx, Finding f, String rule, String measure, String reason) {
        ctx.getKieRuntime().insert(new NotApplied(f, rule, measure, reason));
    }

    public static void propose(RuleContext ctx, Finding f, String note, java.math.BigDecimal amount) {
        Law law = (Law) ctx.getKieRuntime().getGlobal("law");
        Template t = TEMPLATES.computeIfAbsent(ctx.getRule(), r -> template(r, law.book().outcomeKinds()));
        ctx.getKieRuntime().insert(new Proposal(f, t.id(), t.kind(), t.round(), t.mandatory(), t.legalBasis(), note, amount, t.disposition()));
    }
}
