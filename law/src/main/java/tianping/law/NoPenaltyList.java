package tianping.law;

import java.util.List;

/**
 * A published no-penalty list (不予处罚清单) from lists.csv: where and when it applies, and the conditions every
 * item of the list shares (共同条件) or that define a first offence for its 首违不罚 items (初次违法认定).
 *
 * @param regions   division-code prefixes it applies to ("14" = 山西省, "3713" = 临沂市)
 * @param overrides rule ids (or prefixes ending in *) its items prevail over, e.g. PEN-* (行政处罚法 Art. 33)
 * @param afterExpiry what applies once the list has expired and no successor is encoded (失效后适用), or empty
 */
public record NoPenaltyList(String id, String name, String issuer, String documentNo, List<String> regions,
                            Validity validity, List<Condition> common, List<Condition> firstOffence,
                            List<String> overrides, String source, String note, String afterExpiry) {
}
