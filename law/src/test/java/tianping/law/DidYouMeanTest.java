package tianping.law;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unknown terms, codes and values are answered with the nearest known one, and an impossible date is named as such,
 * in the tables legal staff edit.
 */
class DidYouMeanTest {

    @Test
    void nearestByCodeNameOrAlias() {
        var so2 = new Suggestions.Candidate("a21026", "二氧化硫", List.of("SO2"));
        var nox = new Suggestions.Candidate("a21002", "氮氧化物", List.of("NOx"));
        List<Suggestions.Candidate> all = List.of(so2, nox);
        assertEquals("，是否指 a21026（二氧化硫）？", Suggestions.didYouMean("SO2", all));
        assertEquals("，是否指 a21026（二氧化硫）？", Suggestions.didYouMean("ＳＯ２", all), "全角字母数字");
        assertEquals("，是否指 a21026（二氧化硫）？", Suggestions.didYouMean("so₂", all), "下标");
        assertEquals("，是否指 a21026（二氧化硫）？", Suggestions.didYouMean("二氧化硫", all), "名称");
        assertEquals("，是否指 a21026（二氧化硫）、a21002（氮氧化物）？", Suggestions.didYouMean("a21062", all), "两位颠倒与错一位同样近");
        assertEquals("，是否指 a21026（二氧化硫）？", Suggestions.didYouMean("a12026", all), "两位颠倒");
        assertEquals("，是否指 a21002（氮氧化物）？", Suggestions.didYouMean("氮氧化合物", all), "名称多一字");
        assertEquals("", Suggestions.didYouMean("w01018", all), "相差太远的不提示");
        assertEquals("，是否指“轻微”？", Suggestions.didYouMeanValue("轻徽", List.of("无", "轻微", "一般")));
        assertEquals(1, Suggestions.distance("日最大累计超标时长", "日最大累计超标时常"));
    }

    @Test
    void aMisspeltConditionTermOrValueIsPointedToTheRightOne() {
        assertMessage("日最大累计超标时常 ≤ 4 小时", "是否指“日最大累计超标时长”？");
        assertMessage("小时均值最大超标倍 < 0.1", "是否指“小时均值最大超标倍数”？");
        assertMessage("日累计超标时长 ≤ 4 小时", "是否指“日最大累计超标时长”？");
        assertMessage("建设阶段 = 施工初", "是否指“施工初期”？");
        assertMessage("危害后果 ∈ {无, 轻徽}", "是否指“轻微”？");
    }

    @Test
    void fullWidthAndOtherLookalikeComparatorsAreNamedWithTheirHalfWidthForm() {
        assertMessage("小时均值最大超标倍数 ＜ 0.1", "“＜”应写成半角“<”");
        assertMessage("日最大累计超标时长 ≦ 4 小时", "“≦”应写成半角“≤（或 <=）”");
        assertMessage("pH最小值 ≧ 6", "“≧”应写成半角“≥（或 >=）”");
    }

    @Test
    void calendarDatesSayWhyADateIsImpossible() {
        assertEquals("2024 年 2 月没有 30 日，该月只有 29 日", CalendarDates.impossible("2024-02-30"));
        assertEquals("2023 年 2 月没有 29 日（2023 年不是闰年），该月只有 28 日", CalendarDates.impossible("2023-02-29"));
        assertEquals("2024 年 4 月没有 31 日，该月只有 30 日", CalendarDates.impossible("2024-04-31"));
        assertEquals("没有 13 月（月份应为 01–12）", CalendarDates.impossible("2024-13-01"));
        assertEquals("没有 0 日（日应从 01 起）", CalendarDates.impossible("2024-01-00"));
        assertEquals(null, CalendarDates.impossible("2024-02-29"));
        assertEquals(null, CalendarDates.impossible("2024/02/30"));
        // only ASCII digits make a date (as the pattern's \d did); a time after the date does not change the answer
        assertEquals(null, CalendarDates.impossible("2024-1a-01"));
        assertEquals(null, CalendarDates.impossible("２０２４-02-30"));
        assertEquals(null, CalendarDates.impossible("2024-02-3"));
        assertEquals("2024 年 2 月没有 30 日，该月只有 29 日", CalendarDates.impossible("2024-02-30T10:00"));
    }

    /** In the tables: a misspelt violation code, an enumeration value, a pollutant code written as SO2, an impossible date. */
    @Test
    void tableErrorsSayWhatWasMeant() throws Exception {
        SortedMap<String, byte[]> files = LawBookTest.sourceTables();
        replace(files, "tables/no-penalty-items.csv", ",air_exceedance,", ",air_exceedence,");
        replace(files, "tables/lists.csv", ",14,2023-01-01,", ",14,2023-02-29,");
        replace(files, "tables/monitoring-codes.csv", "a21026,", "SO2,");
        replace(files, "tables/pollutants.csv", ",大气,常规,", ",大汽,常规,");
        var e = assertThrows(RuleSetException.class, () -> LawBook.read(RuleFiles.of("测试", files)));
        String all = e.getMessage();
        assertTrue(all.matches("(?s).*tables/no-penalty-items\\.csv:\\d+: unknown_reference: 违法行为“air_exceedence”不在 violation-types\\.csv 中，是否指“air_exceedance”？.*"), all);
        assertTrue(all.matches("(?s).*tables/lists\\.csv:\\d+: table_value_error: 列“生效日期”的日期“2023-02-29”不存在：2023 年 2 月没有 29 日（2023 年不是闰年）.*"), all);
        assertTrue(all.contains("用途为污染物的代码“SO2”不在 pollutants.csv 中，是否指 a21026（二氧化硫）？"), all);
        assertTrue(all.contains("列“环境要素”应为 大气、水、噪声 之一，实际为“大汽”，是否指“大气”？"), all);
    }

    private static void replace(SortedMap<String, byte[]> files, String table, String from, String to) {
        String text = new String(files.get(table), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), table + " 中没有 " + from);
        files.put(table, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMessage(String text, String fragment) {
        var e = assertThrows(ConditionParser.ConditionException.class, () -> ConditionParser.parse(text, ""));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
