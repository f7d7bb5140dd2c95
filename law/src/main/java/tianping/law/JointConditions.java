package tianping.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether two sets of conditions can hold for the same finding, decided on the conditions themselves (not on the
 * rules' metadata): two list items whose conditions can hold together and whose outcomes differ are a conflict.
 * Conditions on different measures are taken as independent, so the answer errs towards "can hold together":
 * a conflict is reported rather than missed.
 */
final class JointConditions {

    private JointConditions() {
    }

    static boolean canHoldTogether(List<Condition> a, List<Condition> b) {
        Map<String, List<Condition>> byMeasure = new LinkedHashMap<>();
        for (List<Condition> side : List.of(a, b)) {
            for (Condition c : side) byMeasure.computeIfAbsent(c.measure().property(), k -> new ArrayList<>()).add(c);
        }
        for (List<Condition> same : byMeasure.values()) {
            boolean possible = switch (same.get(0).measure().kind()) {
                case NUMBER -> numbersPossible(same);
                case BOOLEAN, TEXT -> valuesPossible(same);
            };
            if (!possible) return false;
        }
        return true;
    }

    /** An interval [low, high] (each end open or closed) that every comparison narrows; ≠ only rules out a point. */
    private static boolean numbersPossible(List<Condition> conditions) {
        BigDecimal low = null, high = null;
        boolean lowOpen = false, highOpen = false;
        Set<BigDecimal> excluded = new HashSet<>();
        for (Condition c : conditions) {
            BigDecimal v = ((BigDecimal) c.values().get(0)).stripTrailingZeros();
            switch (c.op()) {
                case LT, LE -> {
                    boolean open = c.op() == Op.LT;
                    int cmp = high == null ? -1 : v.compareTo(high);
                    if (cmp < 0 || (cmp == 0 && open)) { high = v; highOpen = open; }
                }
                case GT, GE -> {
                    boolean open = c.op() == Op.GT;
                    int cmp = low == null ? 1 : v.compareTo(low);
                    if (cmp > 0 || (cmp == 0 && open)) { low = v; lowOpen = open; }
                }
                case EQ, IN -> {
                    if (low == null || v.compareTo(low) > 0 || (v.compareTo(low) == 0 && lowOpen)) { low = v; lowOpen = false; }
                    if (high == null || v.compareTo(high) < 0 || (v.compareTo(high) == 0 && highOpen)) { high = v; highOpen = false; }
                    if (v.compareTo(low) != 0 || v.compareTo(high) != 0) return false;
                }
                case NE -> excluded.add(v);
            }
        }
        if (low == null || high == null) return true;
        int cmp = low.compareTo(high);
        if (cmp > 0) return false;
        if (cmp == 0) return !lowOpen && !highOpen && !excluded.contains(low);
        return true;
    }

    /** The values still allowed after every =, ∈ and ≠ (null = any value). */
    private static boolean valuesPossible(List<Condition> conditions) {
        Set<Object> allowed = null;
        Set<Object> excluded = new HashSet<>();
        for (Condition c : conditions) {
            switch (c.op()) {
                case EQ, IN -> {
                    Set<Object> these = new HashSet<>(c.values());
                    if (allowed == null) allowed = these;
                    else allowed.retainAll(these);
                }
                case NE -> excluded.addAll(c.values());
                default -> {
                    // <, > on text or 是/否 do not parse; nothing to narrow
                }
            }
        }
        if (allowed == null) return true;
        allowed.removeAll(excluded);
        return !allowed.isEmpty();
    }
}
