package tianping.decide;

import tianping.law.Validity;

import java.util.List;

/**
 * What precedence needs to know about a rule, read from its metadata annotations:
 * {@code @id @disposition|@measure @violation @region @validFrom @validTo @overrides @yieldsTo}.
 *
 * @param concludes  the disposition or measure kind it proposes; empty for rules that propose nothing
 * @param violations violation codes it applies to; ["*"] for all
 * @param regions    division-code prefixes it applies to; empty for everywhere
 * @param overrides  ids or id prefixes ending in * that this rule prevails over
 * @param yieldsTo   ids or id prefixes ending in * that prevail over this rule
 * @param disposition whether {@code concludes} is a disposition, as the rule set's outcome-kinds.csv says
 */
public record RuleInfo(String id, String name, String concludes, List<String> violations, List<String> regions,
                       Validity validity, List<String> overrides, List<String> yieldsTo, boolean disposition) {

    public boolean proposesDisposition() {
        return disposition;
    }

    /** Could this rule and {@code other} apply to the same finding: same violation, region and period? */
    public boolean mayCoApply(RuleInfo other) {
        boolean sameViolation = violations.contains("*") || other.violations.contains("*")
                || violations.stream().anyMatch(other.violations::contains);
        boolean sameRegion = regions.isEmpty() || other.regions.isEmpty()
                || regions.stream().anyMatch(a -> other.regions.stream().anyMatch(b -> a.startsWith(b) || b.startsWith(a)));
        boolean samePeriod = (validity.to() == null || !validity.to().isBefore(other.validity.from()))
                && (other.validity.to() == null || !other.validity.to().isBefore(validity.from()));
        return sameViolation && sameRegion && samePeriod;
    }

    static boolean matches(String pattern, String id) {
        if (pattern.equals("*")) return true;
        if (pattern.endsWith("*")) return id.startsWith(pattern.substring(0, pattern.length() - 1));
        return pattern.equals(id);
    }
}
