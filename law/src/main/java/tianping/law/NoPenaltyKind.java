package tianping.law;

import java.util.List;

/**
 * A kind of no-penalty ground (轻微不罚 / 首违不罚) and the conditions the statute itself sets.
 *
 * @param mandatory 应当不予处罚 (true) or 可以不予处罚 (false, 首违不罚)
 */
public record NoPenaltyKind(String kind, List<Condition> conditions, String legalBasis, boolean mandatory) {
}
