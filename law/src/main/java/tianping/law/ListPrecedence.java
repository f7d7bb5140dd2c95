package tianping.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the no-penalty lists in force in one place combine (rules/README.md, “几个清单对同一行为都有事项时”):
 * an act that meets the conditions of an item of any list in force where the enterprise is is not punished, since a
 * list can only say which acts are 轻微 under 行政处罚法第三十三条, never make an act punishable. Where items of
 * several lists stand for the same act, an 应当 item (轻微不罚) outranks a 可以 item (首违不罚), and between items of
 * the same kind the more local list's item (longer division-code prefix: city over province over region) is the one
 * cited; the other is recorded as superseded. Within one list, two items whose conditions can hold together with
 * different outcomes are a {@code rule_conflict}: the list itself must say which applies.
 */
final class ListPrecedence {

    private ListPrecedence() {
    }

    static void apply(List<NoPenaltyItem> items, Map<String, Long> lines, List<TableError> errors) {
        List<List<String>> extra = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) extra.add(new ArrayList<>());
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                NoPenaltyItem a = items.get(i), b = items.get(j);
                if (!sharesViolation(a, b) || !overlaps(a.validity(), b.validity())) continue;
                if (a.list() == b.list()) {
                    if (!a.kind().kind().equals(b.kind().kind()) && JointConditions.canHoldTogether(a.conditions(), b.conditions())) {
                        errors.add(new TableError("tables/no-penalty-items.csv", lines.getOrDefault(b.id(), 0L), "rule_conflict",
                                "事项 " + a.id() + "（" + a.kind().kind() + "，" + mandatory(a) + "）与 " + b.id() + "（" + b.kind().kind()
                                        + "，" + mandatory(b) + "）同属清单 " + a.list().id() + "、针对同一违法行为，条件可以同时成立而结论不同："
                                        + "请在条件中写明二者互斥的情节，或把其中一项移出"));
                    }
                    continue;
                }
                int localA = depthWhereBoth(a.list(), b.list()), localB = depthWhereBoth(b.list(), a.list());
                if (localA < 0) continue;
                int order = Boolean.compare(a.kind().mandatory(), b.kind().mandatory());
                if (order == 0) order = Integer.compare(localA, localB);
                if (order > 0) extra.get(i).add(b.id());
                else if (order < 0) extra.get(j).add(a.id());
            }
        }
        for (int i = 0; i < items.size(); i++) {
            if (!extra.get(i).isEmpty()) items.set(i, items.get(i).withOverrides(extra.get(i)));
        }
    }

    /** The longest region prefix of {@code list} inside an area {@code other} also covers; −1 if they share no place. */
    private static int depthWhereBoth(NoPenaltyList list, NoPenaltyList other) {
        int best = -1;
        for (String r : list.regions()) {
            for (String o : other.regions()) {
                if (r.startsWith(o) || o.startsWith(r)) best = Math.max(best, r.length());
            }
        }
        return best;
    }

    private static boolean sharesViolation(NoPenaltyItem a, NoPenaltyItem b) {
        for (String v : a.violations()) if (b.violations().contains(v)) return true;
        return false;
    }

    private static boolean overlaps(Validity a, Validity b) {
        return (a.to() == null || !a.to().isBefore(b.from())) && (b.to() == null || !b.to().isBefore(a.from()));
    }

    private static String mandatory(NoPenaltyItem item) {
        return item.kind().mandatory() ? "应当不予处罚" : "可以不予处罚";
    }
}
