package tianping.decide;

import tianping.facts.Finding;

/**
 * A mandatory measure (应当查封扣押, 移送行政拘留) that the finding's kind of act would call for but that does not
 * apply to this finding, with the condition that failed. The decision lists it, so an officer reading "逃避监管"
 * in the violation's name sees why no seal-up follows, instead of a silence.
 *
 * @param rule    the rule of the measure that does not apply (SEAL-29-4-4)
 * @param measure the measure (查封扣押)
 * @param reason  which condition failed, with the case's values
 */
public record NotApplied(Finding finding, String rule, String measure, String reason) {
}
