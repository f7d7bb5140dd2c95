package tianping.lawtest;

import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.facts.Finding;
import tianping.law.Condition;
import tianping.law.ConditionResult;
import tianping.law.LawBook;
import tianping.law.Measure;
import tianping.law.NoPenaltyItem;
import tianping.law.ParameterReads;
import tianping.law.PenaltyProvision;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule set's own tests cover ({@code tianping test --coverage}), the way {@code opa test --coverage} and
 * boundary cases do: for every list item, penalty provision and hand-written rule, whether a test names it and
 * whether it fired in a test; for every parameter row, whether a test read it; for every numeric threshold of an
 * item or provision, whether tests reached both sides of it (met and not met, on findings of the violation it is
 * about). Something no test reaches is something whose change no test would notice.
 */
public final class LawCoverage {

    /** The columns of a test that name rules or items. */
    private static final List<String> NAMING = List.of("处理结论规则", "应触发", "不应触发", "应适用事项", "不应适用事项", "事项");

    /** One thing the law holds and what the tests did with it. */
    public record Entry(String id, String label, boolean named, boolean fired) {
    }

    /** A numeric condition and the sides of it the tests reached. */
    public record Threshold(String owner, String condition, boolean metSeen, boolean failedSeen) {
        public boolean bothSides() {
            return metSeen && failedSeen;
        }
    }

    public record Report(List<Entry> items, List<Entry> provisions, List<Entry> rules, List<Entry> parameters,
                         List<Threshold> thresholds) {
        /** Every item and provision fired in a test, and both sides of every threshold reached. */
        public boolean complete() {
            return items.stream().allMatch(Entry::fired) && provisions.stream().allMatch(Entry::fired)
                    && thresholds.stream().allMatch(Threshold::bothSides);
        }
    }

    private LawCoverage() {
    }

    public static Report of(RuleSet ruleSet, List<RuleTestRunner.Result> results) {
        LawBook book = ruleSet.law().book();
        Set<String> named = new HashSet<>();
        Set<String> fired = new HashSet<>();
        Set<tianping.law.Parameter> read = new HashSet<>();
        Map<String, boolean[]> sides = new LinkedHashMap<>();
        for (RuleTestRunner.Result r : results) {
            for (String column : NAMING) named.addAll(split(r.test().expected().getOrDefault(column, "")));
            read.addAll(r.parametersRead());
            Decision d = r.decision();
            if (d == null) continue;
            d.trace().forEach(t -> fired.add(t.rule()));
            for (Decision.FindingDecision f : d.findings()) {
                for (Decision.ExemptionCheck x : f.exemptions()) {
                    if (x.applied()) fired.add(x.item());
                    for (ConditionResult c : x.met()) side(sides, x.item(), c.condition(), true);
                    for (ConditionResult c : x.failed()) side(sides, x.item(), c.condition(), false);
                }
            }
            for (PenaltyProvision p : book.provisions()) {
                for (Finding f : r.findings()) {
                    if (!p.violations().contains(f.getViolation())) continue;
                    for (Condition c : p.conditions()) {
                        if (c.measure().kind() == Measure.Kind.NUMBER) side(sides, p.id(), c.text(), c.test(f));
                    }
                }
            }
        }
        List<Entry> items = new ArrayList<>();
        List<Threshold> thresholds = new ArrayList<>();
        Set<String> generated = new HashSet<>();
        for (NoPenaltyItem i : book.items()) {
            generated.add(i.id());
            items.add(new Entry(i.id(), i.name(), named.contains(i.id()), fired.contains(i.id())));
            for (Condition c : i.conditions()) thresholds(thresholds, sides, i.id(), c);
        }
        List<Entry> provisions = new ArrayList<>();
        for (PenaltyProvision p : book.provisions()) {
            generated.add(p.id());
            provisions.add(new Entry(p.id(), p.legalBasis(), named.contains(p.id()), fired.contains(p.id())));
            for (Condition c : p.conditions()) thresholds(thresholds, sides, p.id(), c);
        }
        List<Entry> rules = new ArrayList<>();
        for (String id : new TreeSet<>(ruleSet.ruleIds())) {
            if (generated.contains(id)) continue;
            rules.add(new Entry(id, ruleSet.byId(id).name(), named.contains(id), fired.contains(id)));
        }
        List<Entry> parameters = new ArrayList<>();
        book.parameterRows().forEach(p -> {
            parameters.add(new Entry(ParameterReads.key(p), p.description(), false, read.contains(p)));
        });
        return new Report(items, provisions, rules, parameters, thresholds);
    }

    public static void print(Report r, PrintWriter out) {
        out.println();
        out.println("覆盖率（规则集自带的测试触及了法律的哪些部分）");
        section(out, "清单事项", r.items(), "测试中适用");
        section(out, "罚则", r.provisions(), "测试中触发");
        section(out, "手写规则", r.rules(), "测试中触发");
        section(out, "参数（按有效期分行）", r.parameters(), "测试中读取");
        long both = r.thresholds().stream().filter(Threshold::bothSides).count();
        out.println("阈值两侧：" + ratio(both, r.thresholds().size()) + " 个数值条件的两侧（满足与不满足）都有测试");
        for (Threshold t : r.thresholds()) {
            if (t.bothSides()) continue;
            out.println("  " + t.owner() + "「" + t.condition() + "」：" + (t.metSeen() ? "只测到满足"
                    : t.failedSeen() ? "只测到不满足" : "两侧都没有测到"));
        }
        out.println(r.complete() ? "清单事项、罚则全部触及，阈值两侧全部测到。" : "尚未完全覆盖：见上列各项。");
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<Entry> entries, String firedWord) {
        long fired = entries.stream().filter(Entry::fired).count();
        long named = entries.stream().filter(Entry::named).count();
        boolean canName = !title.startsWith("参数");
        out.println(title + "：" + firedWord + " " + ratio(fired, entries.size())
                + (canName ? "，测试中点名 " + ratio(named, entries.size()) : ""));
        for (Entry e : entries) if (!e.fired()) out.println("  未" + firedWord.substring(3) + "：" + e.id() + "  " + e.label());
    }

    private static String ratio(long n, long of) {
        return n + "/" + of + (of == 0 ? "" : String.format("（%.1f%%）", 100.0 * n / of));
    }

    private static void thresholds(List<Threshold> out, Map<String, boolean[]> sides, String owner, Condition c) {
        if (c.measure().kind() != Measure.Kind.NUMBER) return;
        boolean[] s = sides.getOrDefault(owner + "\u0000" + c.text(), new boolean[2]);
        out.add(new Threshold(owner, c.text(), s[0], s[1]));
    }

    private static void side(Map<String, boolean[]> sides, String owner, String condition, boolean met) {
        sides.computeIfAbsent(owner + "\u0000" + condition, k -> new boolean[2])[met ? 0 : 1] = true;
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.trim().split("\\s*、\\s*"));
    }
}
