package tianping.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import tianping.law.ConditionResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The decision on one case with its rule trace. Depends only on the case and the rule set (both fingerprinted),
 * so a replay with the same rule set reproduces it exactly.
 *
 * @param outcome   what the case comes to, most severe first (处理结论与措施)
 * @param summary   the outcome in one line for officers
 * @param warning   the highest graded warning of the case (蓝色预警 / 黄色预警 / 红色预警), or null
 * @param totalFine fines and daily penalties of all findings, in yuan, an exact decimal (as is every amount here)
 * @param clues     anomalies the raw data showed that are no violation (a meter offline, …), to verify on site;
 *                  left out of the JSON when there are none, so decisions without raw data read as before
 * @param lighterLaw         行政处罚法 Art. 37: when the law changed between the act and the decision, each finding
 *                           judged under both, and which applied; empty when the law did not change
 * @param traceAtDecisionDate the rule trace under the law in force on the decision date, when it was evaluated
 * @param historySources where each prior finding came from — 案件自带, or 决定记录 seq N — when some were filled in
 *                       from tianping's own records ({@code --history-from-store}); left out of the JSON otherwise
 */
public record Decision(String caseId, LocalDate decisionDate, EnterpriseRef enterprise, List<String> outcome,
                       String summary, String warning, BigDecimal totalFine, List<FindingDecision> findings,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> clues, List<TraceStep> trace, List<NotInForce> notInForce, List<LawComparison> lighterLaw,
                       List<TraceStep> traceAtDecisionDate,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> historySources, Fingerprints fingerprints) {

    /** A decision read back from its JSON (tianping show) has no list where the JSON left an empty one out. */
    public Decision {
        clues = clues == null ? List.of() : clues;
        historySources = historySources == null ? List.of() : historySources;
    }

    /**
     * One finding judged under the law in force when the act was committed and when it is decided (从旧兼从轻).
     *
     * @param applied 行为时规定 or 裁决时规定
     */
    public record LawComparison(String finding, LocalDate actDate, String underActDateLaw, String underDecisionDateLaw,
                                String applied, String reason) {
    }

    public record EnterpriseRef(String uscc, String name, String regionCode, String regionName) {
    }

    /**
     * The decision on one finding.
     *
     * @param violatedProvision the provision violated (违反条款: the duty article of violation-types.csv), cited in every
     *                   decision beside the penalty provision, no-penalty decisions included
     * @param judgedOn   the date whose law was applied (the act date; 行政处罚法 Art. 37)
     * @param escalation the steps reached on each enforcement ladder
     * @param superseded proposals that did not stand, and what defeated them
     * @param exemptions every no-penalty item of the enterprise's region for this violation type, applied or not
     * @param evidence   the monitoring exceedances and anomaly episodes the finding rests on, one line each
     * @param notApplied mandatory measures the kind of act would call for that do not apply, and the condition that
     *                   failed; left out of the JSON when there are none
     * @param warningScheme "本地区未配置预警办法" where no rule of the rule set grades warnings in the enterprise's
     *                   region (graded warnings exist only where a local scheme is encoded); left out where one is
     */
    public record FindingDecision(String id, String violation, String violationName, String violatedProvision, LocalDate actDate,
                                  LocalDate judgedOn, Conclusion disposition, FineDetail fine, List<Conclusion> measures,
                                  List<LadderStep> escalation, String warning, List<SupersededRef> superseded,
                                  List<ExemptionCheck> exemptions, List<String> evidence,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NotAppliedRef> notApplied,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String warningScheme) {
        public FindingDecision {
            notApplied = notApplied == null ? List.of() : notApplied;
        }
    }

    /** A mandatory measure that does not apply to the finding, and why (see tianping.decide.NotApplied). */
    public record NotAppliedRef(String rule, String measure, String reason) {
    }

    /** A standing conclusion: a disposition or a measure, the rule that concluded it and its legal basis. */
    public record Conclusion(String kind, String rule, String legalBasis, String mandatory, String note, BigDecimal amount) {
    }

    /** The fine within the legal range, with every step of its calculation. */
    public record FineDetail(BigDecimal amount, BigDecimal min, BigDecimal max, String provision, String legalBasis,
                             String benchmark, List<String> steps) {
    }

    public record LadderStep(String ladder, int step, String name, String rule) {
    }

    public record SupersededRef(String rule, String kind, String by, String reason) {
    }

    /**
     * A no-penalty item checked against the finding: in force on the judged date, each condition with the case's
     * actual value, and whether it applied (or, met but superseded, by which rule).
     *
     * @param afterExpiry where the item's list had expired by the judged date, what applies instead (lists.csv
     *                    失效后适用); left out otherwise
     */
    public record ExemptionCheck(String item, String kind, String name, String list, String validity,
                                 boolean inForce, boolean conditionsMet, boolean applied, String supersededBy,
                                 List<ConditionResult> failed, List<ConditionResult> met,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String afterExpiry) {
    }

    /** One rule that fired, in firing order, with the facts it matched and what it concluded. */
    public record TraceStep(int seq, String rule, String name, String phase, String legalBasis, List<String> facts,
                            List<String> concluded) {
    }

    /** A rule whose conditions matched but which was not in force on the date the law is judged by. */
    public record NotInForce(String rule, String name, String finding, LocalDate judgedOn, String validity) {
    }

    /**
     * @param engine     tianping's and Drools' versions (part of the rule-set fingerprint)
     * @param engineCode the fingerprint of the code that decides ({@link EngineCode}): a different value with the
     *                   same rule set and input means the engine changed
     */
    public record Fingerprints(String ruleSet, String input, String engine, String engineCode) {
    }
}
