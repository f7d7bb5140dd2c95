package tianping.law;

import java.util.List;
import java.util.Map;

/**
 * The vocabulary rules conclude in, read from outcome-kinds.csv: the phases (agenda groups) in their order, the
 * dispositions and measures a rule may name, and what the engine does with each — order in a case's outcome, round,
 * step on the enforcement ladder, weight when 行政处罚法第三十七条 compares two laws. One table instead of five Java
 * lists that each held part of it, so a rule naming a kind or phase it does not list is refused at load rather than
 * silently never concluded.
 */
public final class OutcomeKinds {

    /** What a kind is: a disposition (@disposition), a measure, an annotation qualifying others, or a warning grade. */
    public enum Category { DISPOSITION, MEASURE, ANNOTATION, WARNING }

    /**
     * @param order    place in a case's outcome (most severe first), or warning grade (most severe first); 0: last
     * @param round    1 or 2 (2: follows from the resolved disposition)
     * @param ladder   step on the enforcement ladder, 0: not on it
     * @param weight   for dispositions, how heavy for the lighter-law comparison
     */
    public record Kind(String name, Category category, int order, int round, int ladder, int weight) {
    }

    private final List<String> phases;
    private final Map<String, Kind> kinds;
    /** Kinds with an order, most severe first: matched by prefix ("不予处罚（首违不罚）", "限制生产（可以）"). */
    private final List<String> severity;
    private final List<String> warnings;

    OutcomeKinds(List<String> phases, Map<String, Kind> kinds) {
        this.phases = List.copyOf(phases);
        this.kinds = Map.copyOf(kinds);
        this.severity = ordered(kinds, false);
        this.warnings = ordered(kinds, true);
    }

    private static List<String> ordered(Map<String, Kind> kinds, boolean warnings) {
        return kinds.values().stream().filter(k -> (k.category() == Category.WARNING) == warnings && k.order() > 0)
                .sorted(java.util.Comparator.comparingInt(Kind::order)).map(Kind::name).toList();
    }

    /** The agenda groups in the order they run. */
    public List<String> phases() {
        return phases;
    }

    public java.util.Optional<Kind> kind(String name) {
        return java.util.Optional.ofNullable(kinds.get(name));
    }

    public boolean isDisposition(String name) {
        Kind k = kinds.get(name);
        return k != null && k.category() == Category.DISPOSITION;
    }

    public boolean isWarning(String name) {
        Kind k = kinds.get(name);
        return k != null && k.category() == Category.WARNING;
    }

    public boolean isAnnotation(String name) {
        Kind k = kinds.get(name);
        return k != null && k.category() == Category.ANNOTATION;
    }

    /** 1 or 2; a kind not listed cannot have been loaded, 1 keeps the old default. */
    public int round(String name) {
        Kind k = kinds.get(name);
        return k == null ? 1 : k.round();
    }

    public int ladderStep(String name) {
        Kind k = kinds.get(name);
        return k == null ? 0 : k.ladder();
    }

    /** The disposition's weight for 第三十七条; the base kind before any "（…）" is looked up; heaviest if unknown. */
    public int weight(String kind) {
        int paren = kind.indexOf('（');
        Kind k = kinds.get(paren < 0 ? kind : kind.substring(0, paren));
        return k == null || k.category() != Category.DISPOSITION ? 3 : k.weight();
    }

    /** Place of a case-outcome entry, by the first ordered kind it starts with; unordered kinds come last. */
    public int rank(String kind) {
        for (int i = 0; i < severity.size(); i++) if (kind.startsWith(severity.get(i))) return i;
        return severity.size();
    }

    /** Place of a warning grade, most severe first. */
    public int warningRank(String kind) {
        int i = warnings.indexOf(kind);
        return i < 0 ? warnings.size() : i;
    }
}
