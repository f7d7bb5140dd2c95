package tianping.audit;

import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.law.ParameterReads;
import tianping.law.RuleSetDiff;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a rule change would do to past cases: each case decided under the baseline and the candidate rule set,
 * the changes grouped by outcome "from → to", with the rules responsible — those that fired under one rule set
 * but not the other, and the rules behind each changed disposition — and the rows of the rule-set diff
 * ({@link RuleSetDiff}) that moved it: changed rows of rules that fired in either decision, and changed parameter
 * rows that either decision read.
 */
public final class ImpactAnalysis {

    /** One case whose decision changes. */
    public record Change(String source, String caseId, String from, String to, Set<String> rules,
                         List<RuleSetDiff.Change> rows) {
    }

    /** Changes grouped by from → to, with how often each rule is involved; cases refused by either rule set. */
    public record Report(int cases, List<Change> changes, Map<String, List<Change>> byOutcome, Map<String, Integer> rules,
                         List<String> refused) {
    }

    private final Decider baseline;
    private final Decider candidate;
    private final CaseReader baselineReader;
    private final CaseReader candidateReader;
    private final List<RuleSetDiff.Change> diff;
    private final List<Change> changes = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private int cases;

    public ImpactAnalysis(RuleSet baseline, RuleSet candidate) {
        this.baseline = new Decider(baseline);
        this.candidate = new Decider(candidate);
        this.baselineReader = new CaseReader(baseline.law().book());
        this.candidateReader = new CaseReader(candidate.law().book());
        this.diff = RuleSetDiff.between(baseline.files(), candidate.files());
    }

    /** What differs between the two rule sets, row by row. */
    public List<RuleSetDiff.Change> diff() {
        return diff;
    }

    public void add(String source, byte[] caseJson, java.nio.file.Path baseDir) {
        cases++;
        var before = ParameterReads.during(() -> decide(baseline, baselineReader, source, caseJson, baseDir, "现行规则集"));
        var after = ParameterReads.during(() -> decide(candidate, candidateReader, source, caseJson, baseDir, "候选规则集"));
        if (before.result() == null || after.result() == null) return;
        Set<String> read = new HashSet<>();
        before.reads().forEach(p -> read.add(p.name()));
        after.reads().forEach(p -> read.add(p.name()));
        compare(source, before.result(), after.result(), read);
    }

    private Decision decide(Decider decider, CaseReader reader, String source, byte[] caseJson, java.nio.file.Path baseDir,
                            String which) {
        try {
            return decider.decide(source, reader.read(source, CaseReader.parse(source, caseJson), baseDir));
        } catch (CaseRejected e) {
            refused.add(source + "（" + which + "）：" + e.errors().get(0));
            return null;
        }
    }

    private void compare(String source, Decision before, Decision after, Set<String> parametersRead) {
        String from = outcomeOf(before);
        String to = outcomeOf(after);
        if (from.equals(to) && warningOf(before).equals(warningOf(after))) return;
        Set<String> firedBefore = fired(before);
        Set<String> firedAfter = fired(after);
        Set<String> rules = new TreeSet<>();
        for (String r : firedBefore) if (!firedAfter.contains(r)) rules.add(r);
        for (String r : firedAfter) if (!firedBefore.contains(r)) rules.add(r);
        for (int i = 0; i < before.findings().size(); i++) {
            String a = before.findings().get(i).disposition().rule();
            String b = after.findings().get(i).disposition().rule();
            if (!a.equals(b)) {
                rules.add(a);
                rules.add(b);
            }
        }
        Set<String> involved = new HashSet<>(firedBefore);
        involved.addAll(firedAfter);
        List<RuleSetDiff.Change> rows = diff.stream().filter(c -> c.file().equals("tables/parameters.csv")
                ? parametersRead.contains(c.id()) : involved.contains(c.id())).toList();
        changes.add(new Change(source, before.caseId(), from + warningOf(before), to + warningOf(after), rules, rows));
    }

    public Report report() {
        Map<String, List<Change>> groups = new TreeMap<>();
        Map<String, Integer> rules = new TreeMap<>();
        for (Change c : changes) {
            groups.computeIfAbsent(c.from() + " → " + c.to(), k -> new ArrayList<>()).add(c);
            for (String r : c.rules()) rules.merge(r, 1, Integer::sum);
        }
        return new Report(cases, List.copyOf(changes), groups, rules, List.copyOf(refused));
    }

    private static String outcomeOf(Decision d) {
        return d.summary();
    }

    private static String warningOf(Decision d) {
        return d.warning() == null ? "" : "（" + d.warning() + "）";
    }

    private static Set<String> fired(Decision d) {
        Set<String> ids = new HashSet<>();
        d.trace().forEach(s -> ids.add(s.rule()));
        return ids;
    }
}
