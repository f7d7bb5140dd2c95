package tianping.lawtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.Fixtures;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.law.Condition;
import tianping.law.Measure;
import tianping.law.NoPenaltyItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tianping test --coverage} counts what the tests actually reached. One test that applies one item: that
 * item fired, its numeric conditions were seen met and (with no test on the other side) not failed; an item the
 * test never checked did not fire; the parameter rows read while deciding are the ones the decision rests on.
 * The ids are taken from the decision itself, not from the shipped law, so a change of law does not break this.
 */
class LawCoverageTest {

    @TempDir
    Path dir;

    @Test
    void oneTestReachesOneItemOneSideOfItsThresholdsAndTheParametersItRead() throws Exception {
        Files.writeString(dir.resolve("t.csv"), """
                案件,违法事实,说明
                shanxi/sx-f-air-applies,F1,只跑一个适用首违不罚的案件
                """, StandardCharsets.UTF_8);
        RuleSet rules = RuleSet.bundled();
        var summary = RuleTestReport.run(new RuleTestRunner(rules, Fixtures.CASES), dir, dir);
        assertEquals(List.of(), summary.problems());
        Decision d = summary.results().get(0).decision();
        Decision.ExemptionCheck applied = d.findings().get(0).exemptions().stream().filter(Decision.ExemptionCheck::applied)
                .findFirst().orElseThrow();
        Set<String> checked = d.findings().get(0).exemptions().stream().map(Decision.ExemptionCheck::item).collect(Collectors.toSet());

        LawCoverage.Report r = LawCoverage.of(rules, summary.results());

        assertTrue(entry(r.items(), applied.item()).fired(), applied.item());
        assertFalse(entry(r.items(), applied.item()).named(), "the row names no item");
        NoPenaltyItem unchecked = rules.law().book().items().stream().filter(i -> !checked.contains(i.id())).findFirst().orElseThrow();
        assertFalse(entry(r.items(), unchecked.id()).fired(), unchecked.id());
        NoPenaltyItem item = rules.law().book().items().stream().filter(i -> i.id().equals(applied.item())).findFirst().orElseThrow();
        List<Condition> numeric = item.conditions().stream().filter(c -> c.measure().kind() == Measure.Kind.NUMBER).toList();
        assertFalse(numeric.isEmpty(), "the 山西 first-violation item has a numeric threshold");
        for (Condition c : numeric) {
            LawCoverage.Threshold t = r.thresholds().stream().filter(x -> x.owner().equals(item.id()) && x.condition().equals(c.text()))
                    .findFirst().orElseThrow();
            assertTrue(t.metSeen(), c.text());
            assertFalse(t.failedSeen(), c.text());
            assertFalse(t.bothSides());
        }
        assertFalse(r.complete());
        assertTrue(r.parameters().stream().anyMatch(LawCoverage.Entry::fired), "deciding reads the limitation period at least");
        assertTrue(r.parameters().stream().anyMatch(e -> !e.fired()), "one case does not read every parameter");
        assertTrue(r.parameters().stream().filter(LawCoverage.Entry::fired).anyMatch(e -> e.id().startsWith("追责时效（")), 
                "行政处罚法第三十六条's period is read for every finding");
    }

    private static LawCoverage.Entry entry(List<LawCoverage.Entry> entries, String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }
}
