package tianping.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import tianping.decide.Meta;
import tianping.decide.RuleInfo;
import tianping.law.TableError;
import tianping.law.Validity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A rule's metadata, read once at load: what the trace, the in-force filter and precedence need.
 *
 * @param phase    the agenda group the rule belongs to
 * @param validity when the rule is in force (null: always)
 * @param ladder   the escalation ladder it is a step of (@ladder), or empty
 */
public record RuleMeta(String id, String name, String phase, String legalBasis, Validity validity, String concludes,
                       boolean mandatory, String kind, String ladder, int step, RuleInfo info) {

    static RuleMeta of(Rule rule, tianping.law.OutcomeKinds kinds, List<TableError> errors) {
        Map<String, Object> m = rule.getMetaData();
        String id = Meta.text(m, "id");
        String where = "规则“" + rule.getName() + "”";
        if (id.isEmpty()) errors.add(new TableError(rule.getName(), 0, "rule_metadata_error", where + "缺少 @id"));
        String concludes = Meta.text(m, "disposition");
        if (concludes.isEmpty()) concludes = Meta.text(m, "measure");
        Validity validity = null;
        try {
            String from = Meta.text(m, "validFrom");
            String to = Meta.text(m, "validTo");
            if (!from.isEmpty() || !to.isEmpty()) {
                validity = new Validity(from.isEmpty() ? LocalDate.MIN : LocalDate.parse(from), to.isEmpty() ? null : LocalDate.parse(to));
            }
        } catch (DateTimeParseException e) {
            errors.add(new TableError(id, 0, "rule_metadata_error", where + "的 @validFrom/@validTo 应为 YYYY-MM-DD"));
        }
        if (!concludes.isEmpty() && Meta.text(m, "legalBasis").isEmpty()) {
            errors.add(new TableError(id, 0, "rule_metadata_error", where + "作出结论，须以 @legalBasis 注明法律依据"));
        }
        String step = Meta.text(m, "step");
        RuleInfo info = new RuleInfo(id, rule.getName(), concludes, Meta.list(m, "violation"), Meta.list(m, "region"),
                validity == null ? new Validity(LocalDate.MIN, null) : validity, Meta.list(m, "overrides"), Meta.list(m, "yieldsTo"),
                kinds.isDisposition(concludes));
        return new RuleMeta(id, rule.getName(), ((RuleImpl) rule).getAgendaGroup(), Meta.text(m, "legalBasis"), validity,
                concludes, !Meta.text(m, "mandatory").equals("可以"), Meta.text(m, "kind"), Meta.text(m, "ladder"),
                step.isEmpty() ? 0 : Integer.parseInt(step), info);
    }

    public boolean inForceOn(LocalDate date) {
        return validity == null || validity.covers(date);
    }
}
