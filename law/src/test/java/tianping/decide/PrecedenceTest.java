package tianping.decide;

import org.junit.jupiter.api.Test;
import tianping.law.TableError;
import tianping.law.Validity;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecedenceTest {

    /**
     * The dispositions these tests use: names of the test's own, not read from rules/tables/outcome-kinds.csv, so a
     * change of the bundled law cannot reach the engine's precedence tests.
     */
    private static final java.util.Set<String> DISPOSITIONS = java.util.Set.of("不予处罚", "不再处罚", "提醒", "帮扶", "督导", "罚款", "按日连续处罚");

    private static final Validity ALWAYS = new Validity(LocalDate.MIN, null);

    private static RuleInfo rule(String id, String concludes, List<String> overrides, List<String> yieldsTo) {
        return new RuleInfo(id, id, concludes, List.of("air_exceedance"), List.of(), ALWAYS, overrides, yieldsTo, DISPOSITIONS.contains(concludes));
    }

    private static Proposal proposal(String rule, String kind) {
        return new Proposal(null, rule, kind, 1, true, "", "", null, DISPOSITIONS.contains(kind));
    }

    @Test
    void twoDispositionsWithoutDeclaredPrecedenceStopTheLoadNamingBoth() {
        var p = new Precedence(List.of(rule("NP-A", "不予处罚", List.of(), List.of()), rule("PEN-B", "罚款", List.of(), List.of())));
        List<TableError> errors = p.check();
        assertEquals(1, errors.size());
        assertEquals("rule_conflict", errors.get(0).code());
        assertTrue(errors.get(0).message().contains("NP-A") && errors.get(0).message().contains("PEN-B"));
    }

    @Test
    void rulesThatCannotCoApplyNeedNoPrecedence() {
        var a = new RuleInfo("NP-A", "", "不予处罚", List.of("air_exceedance"), List.of("14"), ALWAYS, List.of(), List.of(), true);
        var b = new RuleInfo("REM-B", "", "提醒", List.of("air_exceedance"), List.of("3308"), ALWAYS, List.of(), List.of(), true);
        var c = new RuleInfo("NP-C", "", "不予处罚", List.of("air_exceedance"), List.of("11"), new Validity(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)), List.of(), List.of(), true);
        var d = new RuleInfo("LF-D", "", "帮扶", List.of("air_exceedance"), List.of("11"), new Validity(LocalDate.of(2021, 1, 1), null), List.of(), List.of(), true);
        var e = new RuleInfo("PEN-E", "", "罚款", List.of("water_exceedance"), List.of(), ALWAYS, List.of(), List.of(), true);
        assertEquals(List.of(), new Precedence(List.of(a, b, c, d, e)).check());
    }

    @Test
    void aCycleIsAnError() {
        var p = new Precedence(List.of(rule("A", "罚款", List.of("B"), List.of()), rule("B", "罚款", List.of("A"), List.of())));
        assertTrue(p.check().stream().anyMatch(e -> e.code().equals("rule_precedence_cycle")));
    }

    @Test
    void anOverriddenExceptionNoLongerDefeatsAnything() {
        // LF-3 严惩 overrides the list item NP-X, which overrides the provision PEN-Y: the provision stands.
        var p = new Precedence(List.of(
                rule("LF-3", "从重处罚", List.of("NP-*"), List.of()),
                rule("NP-X", "不予处罚", List.of("PEN-*"), List.of()),
                rule("PEN-Y", "罚款", List.of(), List.of())));
        Resolution r = p.resolve(null, 1, List.of(proposal("PEN-Y", "罚款"), proposal("NP-X", "不予处罚"), proposal("LF-3", "从重处罚")),
                x -> null, x -> null);
        assertNull(r.conflict());
        assertEquals("罚款", r.dispositionKind());
        assertEquals(List.of("LF-3", "PEN-Y"), r.standing().stream().map(Proposal::ruleId).toList());
        assertEquals("NP-X", r.superseded().get(0).loser().ruleId());
    }

    @Test
    void yieldsToIsDeclaredOnTheGeneralRule() {
        var p = new Precedence(List.of(rule("NP-X", "不予处罚", List.of(), List.of()), rule("REM-Q", "提醒", List.of(), List.of("NP-*"))));
        assertTrue(p.prevails("NP-X", "REM-Q"));
        assertEquals(List.of(), p.check());
    }

    @Test
    void article29KeepsTheProvisionWithTheHighestFine() {
        var p = new Precedence(List.of(rule("PEN-DQ", "罚款", List.of(), List.of()), rule("PEN-PX", "罚款", List.of(), List.of())));
        Resolution r = p.resolve(null, 1, List.of(proposal("PEN-DQ", "罚款"), proposal("PEN-PX", "罚款")),
                x -> java.math.BigDecimal.valueOf(1_000_000), x -> java.math.BigDecimal.valueOf(x.ruleId().equals("PEN-PX") ? 200_000 : 100_000));
        assertEquals("PEN-PX", r.disposition().ruleId());
        assertEquals(Precedence.ART_29, r.superseded().get(0).reason());
    }

    @Test
    void topRulesDoNotOverrideEachOther() {
        var p = new Precedence(List.of(rule("LIM-A", "不再处罚", List.of("*"), List.of()), rule("LIM-B", "不再处罚", List.of("*"), List.of()),
                rule("PEN-C", "罚款", List.of(), List.of())));
        assertEquals(List.of(), p.check());
        assertTrue(p.prevails("LIM-A", "PEN-C"));
    }
}
