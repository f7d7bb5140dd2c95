package tianping.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tianping.Fixtures;
import tianping.engine.Decision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text officers read. Given every fixture case, when its decision is rendered as text, then no "null" appears
 * anywhere (once: "条件成立但未采纳（null 优先）"), every conclusion and measure keeps its 应当/可以, and every
 * finding cites the provision violated (违反条款) as well as the one it is punished or excused under.
 */
class DecisionTextTest {

    @TestFactory
    List<DynamicTest> everyFixtureReadsWithoutNullAndWithItsMandatoryWordAndViolatedProvision() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path caseFile : Fixtures.caseFiles()) {
            tests.add(DynamicTest.dynamicTest(Fixtures.name(caseFile), () -> {
                Decision d = Fixtures.decide(Fixtures.ruleSet(), caseFile);
                String text = DecisionText.render(d, "内置规则集");
                assertFalse(text.contains("null"), "文本中出现 null：\n" + text);
                for (String line : text.split("\n")) {
                    if (line.startsWith("  处理结论") || line.startsWith("  措施")) {
                        assertTrue(line.contains("（应当）：") || line.contains("（可以）："), "缺少应当/可以：" + line);
                    }
                }
                for (Decision.FindingDecision f : d.findings()) {
                    assertFalse(f.violatedProvision() == null || f.violatedProvision().isBlank(), f.id() + " 未写违反条款");
                    assertTrue(text.contains("  违反条款：" + f.violatedProvision()), f.id() + " 文本未写违反条款");
                }
            }));
        }
        return tests;
    }

    /**
     * 北京 2022 清单 expired on 2023-10-30 and a 北京 case has no warning scheme: the text says both, in the words
     * of the decision (lists.csv 失效后适用; 本地区未配置预警办法), where the JSON says them.
     */
    @org.junit.jupiter.api.Test
    void theTextSaysWhatAppliesAfterAnExpiredListAndThatTheRegionHasNoWarningScheme() throws Exception {
        Decision d = Fixtures.decide(Fixtures.ruleSet(), Fixtures.CASES.resolve("beijing/bj-1-expansion-after-expiry.json"));
        String text = DecisionText.render(d, "内置规则集");
        assertTrue(text.contains("  预警：无（本地区未配置预警办法）\n"), text);
        assertTrue(text.contains("      · 清单失效后适用：京环发〔2023〕15号（2023-10-31 起施行）的原文未找到、未编入"), text);
        assertTrue(text.contains("\n引擎   " + tianping.engine.EngineVersion.CODE), text);
    }

    /** Where the region has a warning scheme (江西) and the list is in force, neither note appears. */
    @org.junit.jupiter.api.Test
    void neitherNoteWhereTheRegionHasAWarningSchemeAndTheListIsInForce() throws Exception {
        for (Path caseFile : Fixtures.caseFiles()) {
            Decision d = Fixtures.decide(Fixtures.ruleSet(), caseFile);
            if (!d.enterprise().regionCode().startsWith("36")) continue;
            String text = DecisionText.render(d, "内置规则集");
            assertFalse(text.contains("本地区未配置预警办法"), text);
            assertFalse(text.contains("清单失效后适用"), text);
            return;
        }
        throw new AssertionError("测试前提：有江西的示例案件");
    }
}
