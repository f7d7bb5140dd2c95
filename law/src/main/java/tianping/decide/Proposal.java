package tianping.decide;

import tianping.facts.Finding;

/**
 * A conclusion a rule proposes for one finding: a disposition (处理结论) or a measure (措施). Proposals are
 * subject to precedence: an undefeated proposal of a rule that overrides another defeats it ({@link Precedence}).
 *
 * @param round     1: dispositions and coercive measures; 2: what follows from the resolved disposition
 *                  (education, correction order, graded warning)
 * @param mandatory 应当 (true) or 可以 (false), from the rule's @mandatory
 * @param amount    a fixed amount in yuan the rule computed itself (按日连续处罚: original fine × days), exact; else null
 * @param disposition whether {@code kind} is a disposition (处理结论) rather than a measure, as outcome-kinds.csv says
 */
public record Proposal(Finding finding, String ruleId, String kind, int round, boolean mandatory, String legalBasis,
                       String note, java.math.BigDecimal amount, boolean disposition) {

    public static final String NO_PENALTY = "不予处罚";
    /** 行政处罚法 Art. 36: not discovered in time, 不再给予行政处罚. */
    public static final String NOT_PUNISHED_AGAIN = "不再处罚";
    public static final String REMINDER = "提醒";
    public static final String FINE = "罚款";
    public static final String DAILY_PENALTY = "按日连续处罚";
    /** 不予处罚 with assistance or supervision under a local escalation pattern (一次帮扶、两次督导). */
    public static final String ASSISTANCE = "帮扶";
    public static final String SUPERVISION = "督导";

    public boolean isDisposition() {
        return disposition;
    }

    @Override
    public String toString() {
        return ruleId + " 建议" + kind + (note.isEmpty() ? "" : "（" + note + "）");
    }
}
