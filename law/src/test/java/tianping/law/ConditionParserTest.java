package tianping.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionParserTest {

    @Test
    void readsComparatorsAsLegalStaffTypeThem() throws Exception {
        assertEquals(Op.LE, ConditionParser.parse("日最大累计超标时长 ≤ 4 小时", "事项条件").op());
        assertEquals(Op.LE, ConditionParser.parse("日最大累计超标时长 <= 4 小时", "事项条件").op());
        assertEquals(Op.LT, ConditionParser.parse("小时均值最大超标倍数 < 0.1", "事项条件").op());
        assertEquals(Op.GE, ConditionParser.parse("pH最小值 >= 5", "事项条件").op());
        assertEquals(Op.NE, ConditionParser.parse("危害后果 ≠ 重大", "事项条件").op());
        Condition in = ConditionParser.parse("危害后果 ∈ {无, 轻微}", "法定条件");
        assertEquals(Op.IN, in.op());
        assertEquals(List.of("无", "轻微"), in.values());
        assertEquals(new BigDecimal("0.1"), ConditionParser.parse("小时均值最大超标倍数 < 0.1", "").values().get(0));
    }

    @Test
    void theUnitTellsCalendarDaysFromWorkingDays() throws Exception {
        assertEquals("correctionDays", ConditionParser.parse("责令改正后改正用时 ≤ 5 日", "").measure().property());
        assertEquals("correctionWorkingDays", ConditionParser.parse("责令改正后改正用时 ≤ 5 工作日", "").measure().property());
        var e = assertThrows(ConditionParser.ConditionException.class, () -> ConditionParser.parse("责令改正后改正用时 ≤ 5", ""));
        assertTrue(e.getMessage().contains("日 或 工作日"), e.getMessage());
    }

    @Test
    void parameterisedTermsCarryTheirWindow() throws Exception {
        Condition c = ConditionParser.parse("近12个月同类违法次数 = 0", "初次违法认定");
        assertEquals("sameViolationsWithinMonths(12) == 0", c.drl());
        assertEquals("(violationsWithinYears(2) + 1) >= 4", ConditionParser.parse("近2年违法次数（含本次） ≥ 4", "").drl());
    }

    @Test
    void aMissingValueNeverSatisfiesANumericCondition() throws Exception {
        assertEquals("(maxHourlyMultiple != null && maxHourlyMultiple < 0.1)", ConditionParser.parse("小时均值最大超标倍数 < 0.1", "").drl());
        assertEquals("corrected == true", ConditionParser.parse("已改正 = 是", "").drl());
        assertEquals("constructionStage in (\"施工初期\", \"主体施工\")", ConditionParser.parse("建设阶段 ∈ {施工初期, 主体施工}", "").drl());
    }

    @Test
    void errorsNameTheConditionAndWhatWasExpected() {
        assertMessage("日累计超标 ≤ 4 小时", "不在条件用语表中");
        assertMessage("日最大累计超标时长 ≤ 4 天", "单位应为 小时");
        assertMessage("日最大累计超标时长 ≤ 四", "应为数值");
        assertMessage("已改正 = 对", "应为“是”或“否”");
        assertMessage("建设阶段 = 打桩", "之一");
        assertMessage("建设阶段 ∈ 施工初期", "{值1, 值2}");
        assertMessage("已改正", "缺少比较符");
        assertMessage("小时均值最大超标倍数 ＜ 0.1", "中的比较符是全角字符：“＜”应写成半角“<”");
        assertMessage("日最大累计超标时长 ＜＝ 4 小时", "“＜＝”应写成半角“≤（或 <=）”");
        assertMessage("超标因子数 ＝ 1", "“＝”应写成半角“=”");
        assertMessage("已改正 < 是", "只能用 = 或 ≠");
    }

    private static void assertMessage(String text, String fragment) {
        var e = assertThrows(ConditionParser.ConditionException.class, () -> ConditionParser.parse(text, ""));
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains(text.split(" ")[0]), e.getMessage());
    }
}
