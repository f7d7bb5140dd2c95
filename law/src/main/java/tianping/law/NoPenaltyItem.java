package tianping.law;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of a no-penalty list (清单事项), one row of no-penalty-items.csv. Its effective conditions are the
 * statute's conditions for its kind, the list's shared conditions, the list's first-offence test (首违不罚 only)
 * and its own, each tagged with where it comes from.
 *
 * @param overrides the rules it prevails over: its list's (优先于, usually PEN-*) and the items of other lists in force
 *                  in the same place for the same act that it outranks ({@link ListPrecedence})
 */
public record NoPenaltyItem(String id, NoPenaltyList list, NoPenaltyKind kind, List<String> violations, String name,
                            String penaltyArticle, List<Condition> own, String position, Validity validity,
                            String note, List<String> overrides) {

    public NoPenaltyItem {
        overrides = List.copyOf(overrides);
    }

    NoPenaltyItem withOverrides(List<String> more) {
        List<String> all = new ArrayList<>(overrides);
        for (String id : more) if (!all.contains(id)) all.add(id);
        return new NoPenaltyItem(id, list, kind, violations, name, penaltyArticle, own, position, validity, note, all);
    }

    public List<Condition> conditions() {
        List<Condition> all = new ArrayList<>(kind.conditions());
        all.addAll(list.common());
        if (kind.kind().equals("首违不罚")) all.addAll(list.firstOffence());
        all.addAll(own);
        return all;
    }

    /** The legal basis cited in decisions: the statute for the kind, then the list and item. */
    public String legalBasis() {
        return kind.legalBasis() + "；" + list.name() + " " + position;
    }
}
