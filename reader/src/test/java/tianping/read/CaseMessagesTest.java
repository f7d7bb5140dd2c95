package tianping.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import tianping.law.BundledTables;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a case writer reads when a case is refused: Chinese only (Jackson's English translated), located, and
 * pointing to the value that was meant (SO2 → a21026, a misspelt violation code or enumeration value), an
 * impossible date named as such.
 */
class CaseMessagesTest {

    private static final Path CASE = Path.of("..", "fixtures", "cases", "shanxi", "sx-f-air-applies.json");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{3,} [a-z]{2,}");
    private final CaseReader reader = new CaseReader(BundledTables.book(), List.of());

    private List<CaseError> errors(Consumer<ObjectNode> change) throws Exception {
        ObjectNode c = (ObjectNode) CaseReader.parse("c.json", Files.readAllBytes(CASE));
        change.accept(c);
        return assertThrows(CaseRejected.class, () -> reader.read("c.json", c, Path.of("."))).errors();
    }

    private static ObjectNode finding(ObjectNode c) {
        return (ObjectNode) c.get("findings").get(0);
    }

    private static void assertOne(List<CaseError> errors, String path, String code, String message) {
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.code().equals(code) && e.message().equals(message)),
                "应有 " + path + " " + code + " " + message + "，实际：" + errors);
    }

    @Test
    void aPollutantWrittenAsItsFormulaIsPointedToItsCode() throws Exception {
        assertOne(errors(c -> ((ObjectNode) finding(c).get("exceedances").get(0)).put("factor", "SO2")), "$.findings[0].exceedances[0].factor",
                "unknown_reference", "污染因子代码“SO2”不在污染物目录（tables/pollutants.csv）中，是否指 a21026（二氧化硫）？");
        assertOne(errors(c -> ((ObjectNode) finding(c).get("exceedances").get(0)).put("factor", "氮氧化物")), "$.findings[0].exceedances[0].factor",
                "unknown_reference", "污染因子代码“氮氧化物”不在污染物目录（tables/pollutants.csv）中，是否指 a21002（氮氧化物）？");
    }

    @Test
    void aMisspeltViolationCodeOrValueIsPointedToTheRightOne() throws Exception {
        assertOne(errors(c -> finding(c).put("violation", "air_exceedence")), "$.findings[0].violation",
                "unknown_reference", "违法行为代码“air_exceedence”不在 violation-types.csv 中，是否指“air_exceedance”？");
        var harm = errors(c -> finding(c).put("harm", "轻徽"));
        assertTrue(harm.stream().anyMatch(e -> e.path().equals("$.findings[0].harm") && e.code().equals("case_schema_error")
                && e.message().endsWith("，是否指“轻微”？")), harm.toString());
    }

    @Test
    void anImpossibleDateIsNamedAsSuch() throws Exception {
        assertOne(errors(c -> c.put("decisionDate", "2024-02-30")), "$.decisionDate", "case_value_error",
                "日期 2024-02-30 不存在：2024 年 2 月没有 30 日，该月只有 29 日");
        assertOne(errors(c -> finding(c).put("actDate", "2023-02-29")), "$.findings[0].actDate", "case_value_error",
                "日期 2023-02-29 不存在：2023 年 2 月没有 29 日（2023 年不是闰年），该月只有 28 日");
    }

    /** Each of Jackson's syntax errors, in Chinese at its line and column. */
    @Test
    void jsonSyntaxErrorsAreChineseAndLocated() {
        String[][] cases = {
                {"{\n  caseId: 1\n}", "第 2 行第 3 列：JSON 语法错误：此处应为用双引号括起的字段名，实际为“c”"},
                {"{\"a\": 1 \"b\": 2}", "对象的两项之间缺少逗号"},
                {"{\"a\": [1 2]}", "数组的两项之间缺少逗号"},
                {"{\"a\" 1}", "字段名与值之间缺少冒号"},
                {"{\"a\": 1", "文件在对象结束（}）之前就结束了"},
                {"{\"a\": 1,", "文件在对象结束（}）之前就结束了"},
                {"{\"a\": [1, 2", "文件在数组结束（]）之前就结束了"},
                {"{\"a\": tru}", "不认识的值“tru”"},
                {"{\"a\": 1]", "括号不配对：此处应为“}”，实际为“]”"},
                {"{\"a\": 1, \"a\": 2}", "字段“a”重复"},
                {"{\"a\": \"x\ny\"}", "未转义的控制字符"},
                {"{\"a\": }", "此处应为一个值"},
                {"// 注释\n{}", "JSON 不能有注释"},
                {"{\"a\": 01}", "数值不能以 0 开头"},
                {"{\"a\": NaN}", "“NaN”不是 JSON 的数值"},
                {"{\"a\": \"abc", "文件在文字结束（\"）之前就结束了"},
                {"{\"a\": 1,}", "最后一项之后不能有逗号"},
                {"{\"a\": 'x'}", "文字要用双引号"},
                {"{\"a\": \"\\q\"}", "转义“\\q”无效"},
                {"{\"a\": 1.}", "数值写法不对"},
                {"{} {}", "第一个 JSON 值之后还有内容"},
        };
        for (String[] c : cases) {
            var e = assertThrows(CaseRejected.class, () -> CaseReader.parse("c.json", c[0].getBytes(StandardCharsets.UTF_8)), c[0]);
            CaseError error = e.errors().get(0);
            assertEquals("case_syntax_error", error.code());
            assertTrue(error.message().contains(c[1]), c[0] + " → " + error.message());
            assertTrue(error.message().matches("第 \\d+ 行第 \\d+ 列：.*"), error.message());
            assertFalse(ENGLISH.matcher(error.message()).find(), "英文：" + error.message());
        }
    }

    record Holder(java.time.LocalDate d, int n) {
    }

    /** A value the schema lets through but the case model cannot hold: Chinese, with its path (case_schema_error in CaseReader). */
    @Test
    void valuesTheModelCannotHoldAreSaidInChineseAtTheirPath() {
        String[][] cases = {
                {"{\"d\": \"2024/03/01\", \"n\": 1}", "$.d", "值 2024/03/01 不能读作日期 YYYY-MM-DD"},
                {"{\"d\": \"2024-03-01\", \"n\": \"abc\"}", "$.n", "值 abc 不能读作整数（不超出范围）"},
                {"{\"d\": \"2024-03-01\", \"n\": [1]}", "$.n", "类型不符：应为整数（不超出范围）"},
        };
        for (String[] c : cases) {
            var e = assertThrows(com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
                    () -> CaseReader.mapper().readValue(c[0], Holder.class));
            assertEquals(c[1], JsonErrorText.path("$", e));
            assertEquals(c[2], JsonErrorText.value(e));
        }
    }
}
