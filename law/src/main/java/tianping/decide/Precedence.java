package tianping.decide;

import tianping.facts.Finding;
import tianping.law.TableError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Precedence between rules, as the rules themselves declare it (@overrides on the exception, or @yieldsTo on the
 * general rule), in the manner of Catala's exceptions. A proposal is defeated only by an undefeated proposal of a
 * rule that directly prevails over it, so an exception that is itself overridden no longer defeats anything.
 *
 * <p>{@link #check} runs at load: two rules that may propose different dispositions for the same finding with no
 * declared precedence between them, or a cycle of precedence, stop the load with an error naming both rules.
 */
public final class Precedence {

    public static final String ART_29 = "行政处罚法第二十九条：同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚";

    private final Map<String, RuleInfo> rules;
    private final Map<String, Integer> rank = new HashMap<>();
    /** prevails(a, b) for every pair, by rank index, computed once: resolution runs for every finding. */
    private final boolean[][] over;

    public Precedence(List<RuleInfo> rules) {
        this.rules = new HashMap<>();
        for (RuleInfo r : rules) this.rules.put(r.id(), r);
        List<String> order = topologicalOrder();
        for (int i = 0; i < order.size(); i++) rank.put(order.get(i), i);
        over = new boolean[order.size()][order.size()];
        for (int a = 0; a < order.size(); a++) {
            for (int b = 0; b < order.size(); b++) over[a][b] = declaredPrevails(order.get(a), order.get(b));
        }
    }

    /** The rules of the rule set, by id (what the decision needs to know about them besides precedence). */
    public java.util.Collection<RuleInfo> rules() {
        return java.util.Collections.unmodifiableCollection(rules.values());
    }

    /** Does rule {@code a} directly prevail over rule {@code b}? */
    public boolean prevails(String a, String b) {
        Integer ia = rank.get(a);
        Integer ib = rank.get(b);
        return ia != null && ib != null && over[ia][ib];
    }

    /**
     * Does rule {@code a} directly prevail over rule {@code b}? {@code @overrides("*")} prevails over every rule
     * that does not itself declare {@code @overrides("*")}: such rules stand above all others, side by side.
     */
    private boolean declaredPrevails(String a, String b) {
        RuleInfo ra = rules.get(a);
        RuleInfo rb = rules.get(b);
        if (ra == null || rb == null || a.equals(b)) return false;
        boolean bIsTop = rb.overrides().contains("*");
        return ra.overrides().stream().anyMatch(p -> !(p.equals("*") && bIsTop) && RuleInfo.matches(p, b))
                || rb.yieldsTo().stream().anyMatch(p -> RuleInfo.matches(p, a));
    }

    /** Load-time check: unresolved conflicts between disposition rules, and precedence cycles. */
    public List<TableError> check() {
        List<TableError> errors = new ArrayList<>();
        List<RuleInfo> proposers = rules.values().stream().filter(RuleInfo::proposesDisposition)
                .sorted(Comparator.comparing(RuleInfo::id)).toList();
        for (int i = 0; i < proposers.size(); i++) {
            for (int j = i + 1; j < proposers.size(); j++) {
                RuleInfo a = proposers.get(i);
                RuleInfo b = proposers.get(j);
                if (a.concludes().equals(b.concludes()) || !a.mayCoApply(b)) continue;
                if (!prevails(a.id(), b.id()) && !prevails(b.id(), a.id())) {
                    errors.add(new TableError(a.id(), 0, "rule_conflict", "规则 " + a.id() + "（" + a.concludes()
                            + "）与规则 " + b.id() + "（" + b.concludes() + "）可能同时适用于同一违法行为，但未声明优先关系"
                            + "（在其中一条规则上以 @overrides 或 @yieldsTo 注明）"));
                }
            }
        }
        for (String cycle : cycles()) {
            errors.add(new TableError(cycle, 0, "rule_precedence_cycle", "优先关系成环：" + cycle));
        }
        return errors;
    }

    /**
     * Resolves one finding's proposals of one round. Then, among standing fines from several provisions,
     * 行政处罚法 Art. 29 keeps the one with the highest fine ({@code fineMax} then {@code fineMin}, in yuan; null
     * where the provision's range cannot be known, e.g. without the total investment).
     */
    public Resolution resolve(Finding finding, int round, List<Proposal> proposals,
                              Function<Proposal, BigDecimal> fineMax, Function<Proposal, BigDecimal> fineMin) {
        List<Proposal> ordered = new ArrayList<>(proposals);
        ordered.sort(Comparator.comparingInt((Proposal p) -> rank.getOrDefault(p.ruleId(), Integer.MAX_VALUE))
                .thenComparing(Proposal::ruleId).thenComparing(Proposal::kind).thenComparing(Proposal::note));
        List<Proposal> standing = new ArrayList<>();
        List<Superseded> superseded = new ArrayList<>();
        for (Proposal p : ordered) {
            Proposal winner = standing.stream().filter(q -> prevails(q.ruleId(), p.ruleId())).findFirst().orElse(null);
            if (winner == null) standing.add(p);
            else superseded.add(new Superseded(p, winner, winner.ruleId() + " 优先于 " + p.ruleId()));
        }
        if (round == 1) applyArticle29(standing, superseded, fineMax, fineMin);
        Set<String> dispositions = new LinkedHashSet<>();
        standing.stream().filter(Proposal::isDisposition).forEach(p -> dispositions.add(p.kind()));
        String conflict = null;
        if (round == 1 && dispositions.size() != 1) {
            conflict = dispositions.isEmpty()
                    ? "没有规则对违法行为 " + finding.getViolation() + " 作出处理结论"
                    : "规则 " + String.join("、", standing.stream().filter(Proposal::isDisposition).map(Proposal::ruleId).toList())
                      + " 的处理结论（" + String.join("、", dispositions) + "）相互冲突且无优先关系";
        }
        return new Resolution(finding, round, standing, superseded, conflict);
    }

    private static void applyArticle29(List<Proposal> standing, List<Superseded> superseded,
                                       Function<Proposal, BigDecimal> fineMax, Function<Proposal, BigDecimal> fineMin) {
        List<Proposal> fines = standing.stream().filter(p -> p.kind().equals(Proposal.FINE) && fineMax.apply(p) != null).toList();
        if (fines.size() < 2) return;
        Proposal highest = fines.stream().max(Comparator.comparing(fineMax).thenComparing(fineMin)
                .thenComparing(Proposal::ruleId, Comparator.reverseOrder())).orElseThrow();
        for (Proposal p : fines) {
            if (p == highest) continue;
            standing.remove(p);
            superseded.add(new Superseded(p, highest, ART_29));
        }
    }

    private List<String> topologicalOrder() {
        List<String> ids = new ArrayList<>(rules.keySet());
        ids.sort(Comparator.naturalOrder());
        Map<String, Integer> state = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String id : ids) visit(id, ids, state, out, new ArrayList<>(), new ArrayList<>());
        java.util.Collections.reverse(out);
        return out;
    }

    /** Depth-first; cycles are collected by {@link #cycles()} and reported by {@link #check()}. */
    private void visit(String id, List<String> ids, Map<String, Integer> state, List<String> out, List<String> path,
                       List<String> cycles) {
        Integer s = state.get(id);
        if (s != null) {
            if (s == 1) cycles.add(String.join(" → ", path.subList(path.indexOf(id), path.size())) + " → " + id);
            return;
        }
        state.put(id, 1);
        path.add(id);
        for (String other : ids) {
            if (declaredPrevails(id, other)) visit(other, ids, state, out, path, cycles);
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        out.add(id);
    }

    private List<String> cycles() {
        List<String> ids = new ArrayList<>(rules.keySet());
        ids.sort(Comparator.naturalOrder());
        Map<String, Integer> state = new HashMap<>();
        List<String> cycles = new ArrayList<>();
        for (String id : ids) visit(id, ids, state, new ArrayList<>(), new ArrayList<>(), cycles);
        return cycles;
    }
}
