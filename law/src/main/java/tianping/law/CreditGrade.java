package tianping.law;

import java.math.BigDecimal;

/**
 * A grade of a credit scheme (credit-grades.csv): the lowest score that earns it (null: the scheme does not
 * grade by score, or this is its bottom grade), and whether it bars leniency.
 */
public record CreditGrade(String scheme, String grade, BigDecimal minScore, boolean blocksLeniency, String source) {
}
