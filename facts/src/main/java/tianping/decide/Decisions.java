package tianping.decide;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import tianping.facts.Finding;

import java.util.Set;

/**
 * What a rule's consequence calls to conclude something. The kind, legal basis and 应当/可以 come from the
 * rule's own metadata, so the text of a rule states them once and the consequence stays one line.
 */
public final class Decisions {

    /** Kinds that follow from the resolved disposition and are resolved in round 2. */
    private static final Set<String> ROUND_2 = Set.of("教育", "责令改正", "蓝色预警", "黄色预警", "红色预警");

    private Decisions() {
    }

    public static void propose(RuleContext ctx, Finding f, String note) {
        propose(ctx, f, note, null);
    }

    public static void propose(RuleContext ctx, Finding f, String note, Double amount) {
        Rule rule = ctx.getRule();
        var meta = rule.getMetaData();
        String kind = Meta.text(meta, "disposition");
        if (kind.isEmpty()) kind = Meta.text(meta, "measure");
        if (kind.isEmpty()) throw new IllegalStateException("规则“" + rule.getName() + "”缺少 @disposition 或 @measure");
        boolean mandatory = !Meta.text(meta, "mandatory").equals("可以");
        ctx.getKieRuntime().insert(new Proposal(f, Meta.text(meta, "id"), kind, ROUND_2.contains(kind) ? 2 : 1,
                mandatory, Meta.text(meta, "legalBasis"), note, amount));
    }
}
