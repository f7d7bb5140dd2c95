package tianping.engine;

import tianping.law.Numbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 从旧兼从轻 (行政处罚法 Art. 37): an act is judged by the law in force when it was committed; but where, by the
 * time of the decision, the law has changed and the new law punishes it more lightly or no longer at all, the
 * new law applies. Each finding is compared on its disposition, then its amount; on a tie the old law stands.
 * A finding is recorded only when something bearing on it differs between the two dates (a provision, list item,
 * benchmark or parameter it uses); a change elsewhere in the rule set leaves no Art. 37 record.
 */
final class LighterLaw {

    static final String OLD = "行为时规定";
    static final String NEW = "裁决时规定";

    private LighterLaw() {
    }

    /** The lighter of the two decisions on each finding, with the comparison recorded. */
    static List<Decision.FindingDecision> choose(tianping.law.OutcomeKinds kinds, DecisionBuilder.Evaluation underActDateLaw,
                                                 DecisionBuilder.Evaluation underDecisionDateLaw,
                                                 List<Decision.LawComparison> comparisons) {
        List<Decision.FindingDecision> chosen = new ArrayList<>();
        for (int i = 0; i < underActDateLaw.findings().size(); i++) {
            Decision.FindingDecision old = underActDateLaw.findings().get(i);
            Decision.FindingDecision now = underDecisionDateLaw.findings().get(i);
            if (sameUnderBoth(old, now)) {
                // nothing that bears on this finding changed (the rule set changed elsewhere): no Art. 37 record
                chosen.add(old);
                continue;
            }
            boolean lighter = compare(kinds, now, old) < 0;
            chosen.add(lighter ? now : old);
            comparisons.add(new Decision.LawComparison(old.id(), old.actDate(), describe(old), describe(now),
                    lighter ? NEW : OLD, lighter ? "裁决时的规定处罚较轻，依行政处罚法第三十七条适用裁决时的规定"
                    : "裁决时的规定并不更轻，依行政处罚法第三十七条适用违法行为发生时的规定"));
        }
        return chosen;
    }

    /** When the decision-date law could not be applied, the act-date law stands and the reason is recorded. */
    static void unavailable(DecisionBuilder.Evaluation underActDateLaw, LocalDate decisionDate, String why,
                            List<Decision.LawComparison> comparisons) {
        for (Decision.FindingDecision old : underActDateLaw.findings()) {
            comparisons.add(new Decision.LawComparison(old.id(), old.actDate(), describe(old), "无法得出（" + why + "）",
                    OLD, "依 " + decisionDate + " 施行的规定无法得出处理结论，适用违法行为发生时的规定"));
        }
    }

    /** The finding comes out the same under both dates' law, in every part of its decision but the date judged. */
    static boolean sameUnderBoth(Decision.FindingDecision old, Decision.FindingDecision now) {
        return old.equals(new Decision.FindingDecision(now.id(), now.violation(), now.violationName(), now.violatedProvision(),
                now.actDate(), old.judgedOn(), now.disposition(), now.fine(), now.measures(), now.escalation(), now.warning(),
                now.superseded(), now.exemptions(), now.evidence(), now.notApplied(), now.warningScheme()));
    }

    /** Heavier disposition (by outcome-kinds.csv's 轻重 column) first, then the larger amount. */
    private static int compare(tianping.law.OutcomeKinds kinds, Decision.FindingDecision a, Decision.FindingDecision b) {
        int byKind = Integer.compare(kinds.weight(a.disposition().kind()), kinds.weight(b.disposition().kind()));
        return byKind != 0 ? byKind : DecisionBuilder.amount(a).compareTo(DecisionBuilder.amount(b));
    }

    private static String describe(Decision.FindingDecision fd) {
        java.math.BigDecimal amount = DecisionBuilder.amount(fd);
        return fd.disposition().kind() + (amount.signum() > 0 ? " " + Numbers.yuan(amount) : "") + "（" + fd.disposition().rule() + "）";
    }
}
