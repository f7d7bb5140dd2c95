package tianping.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import tianping.law.BundledTables;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReaderTest {

    private static final Path CASE = Path.of("..", "fixtures", "cases", "shanxi", "sx-f-air-applies.json");
    private final CaseReader reader = new CaseReader(BundledTables.book(), List.of());

    private ObjectNode base() throws Exception {
        return (ObjectNode) CaseReader.parse("c.json", Files.readAllBytes(CASE));
    }

    private List<CaseError> errors(Consumer<ObjectNode> change) throws Exception {
        ObjectNode c = base();
        change.accept(c);
        var e = assertThrows(CaseRejected.class, () -> reader.read("c.json", c, Path.of(".")));
        return e.errors();
    }

    private static void assertError(List<CaseError> errors, String path, String code, String fragment) {
        assertTrue(errors.stream().anyMatch(e -> e.path().equals(path) && e.code().equals(code) && e.message().contains(fragment)),
                "应有 " + path + " " + code + " …" + fragment + "…，实际：" + errors);
    }

    @Test
    void derivesTheMeasuresTheListsUse() throws Exception {
        var f = reader.read("c.json", base(), Path.of(".")).findings().get(0);
        assertEquals(1, f.getFactorsExceeded());
        assertEquals(0.05, f.getMaxHourlyMultiple(), 1e-12);
        assertEquals(3.0, f.getMaxDailyExceedanceHours());
        assertEquals(2, f.getCorrectionDays());
        assertEquals(2, f.getCorrectionWorkingDays());
        assertEquals(0, f.sameViolationsWithinMonths(12));
    }

    @Test
    void decimalsStayExactSoABoundaryOfExactlyPointOneIsPointOne() throws Exception {
        var f = reader.read("c.json", with(base(), c -> {
            ((ObjectNode) c.at("/findings/0/exceedances/0")).put("measured", new java.math.BigDecimal("1.1"));
            ((ObjectNode) c.at("/findings/0/exceedances/0")).put("limit", new java.math.BigDecimal("1.0"));
        }), Path.of(".")).findings().get(0);
        assertEquals(0.1, f.getMaxHourlyMultiple());
    }

    @Test
    void schemaErrorsGiveTheJsonPathAndWhatWasExpected() throws Exception {
        var errors = errors(c -> {
            ((ObjectNode) c.get("enterprise")).remove("name");
            ((ObjectNode) c.at("/findings/0")).put("harm", "很小");
            ((ObjectNode) c.at("/findings/0")).put("actDate", "2024/03/01");
            ((ObjectNode) c.at("/findings/0")).put("colour", "red");
        });
        assertError(errors, "$.enterprise.name", "case_schema_error", "缺少必填字段“name”");
        assertError(errors, "$.findings[0].harm", "case_schema_error", "无、轻微、一般、较大、重大");
        assertError(errors, "$.findings[0].actDate", "case_schema_error", "应为日期 YYYY-MM-DD");
        assertError(errors, "$.findings[0].colour", "case_schema_error", "不认识的字段");
        assertEquals(4, errors.size(), errors.toString());
    }

    @Test
    void meaningIsCheckedAfterTheSchema() throws Exception {
        var errors = errors(c -> {
            ((ObjectNode) c.get("enterprise")).put("uscc", "91140105MA0GRK3X1A");
            ((ObjectNode) c.at("/findings/0")).put("violation", "air_exceedence");
            ((ObjectNode) c.at("/findings/0")).put("discoveredOn", "2024-02-28");
            ((ObjectNode) c.at("/findings/0/exceedances/0")).put("factor", "a99999");
            ((ObjectNode) c.at("/findings/0")).put("continuationOf", "H9");
        });
        assertError(errors, "$.enterprise.uscc", "case_value_error", "校验位错误：按 GB 32100-2015 应为 H");
        assertError(errors, "$.findings[0].violation", "unknown_reference", "air_exceedence");
        assertError(errors, "$.findings[0].discoveredOn", "case_value_error", "早于违法行为发生日期");
        assertError(errors, "$.findings[0].exceedances[0].factor", "unknown_reference", "a99999");
        assertError(errors, "$.findings[0].continuationOf", "unknown_reference", "H9");
    }

    @Test
    void workingDaysOutsideTheCalendarAreRefused() throws Exception {
        var errors = errors(c -> {
            c.put("decisionDate", "2027-02-01");
            ((ObjectNode) c.at("/findings/0")).put("actDate", "2027-01-04").put("discoveredOn", "2027-01-05");
            ((ObjectNode) c.at("/findings/0/correction")).put("orderedOn", "2027-01-05").put("correctedOn", "2027-01-08");
        });
        assertError(errors, "$.findings[0].correction", "case_value_error", "2026 年");
    }

    @Test
    void creditGradeAndScoreMustAgree() throws Exception {
        var errors = errors(c -> c.putObject("credit").put("scheme", "江苏").put("grade", "蓝色").put("score", 2));
        assertError(errors, "$.credit.grade", "case_value_error", "应为“红色”");
        var red = reader.read("c.json", with(base(), c -> c.putObject("credit").put("scheme", "江苏").put("score", 0)), Path.of("."));
        assertEquals("黑色", red.credit().grade());
        assertTrue(red.credit().blocksLeniency());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        var e = assertThrows(CaseRejected.class, () -> CaseReader.parse("c.json", "{\n  \"caseId\": \"X\",\n  oops\n}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("case_syntax_error", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().startsWith("第 3 行第 3 列"), e.errors().get(0).message());
    }

    @Test
    void theInputFingerprintIgnoresLayoutButNotContent() throws Exception {
        String original = Files.readString(CASE, StandardCharsets.UTF_8);
        String compact = CanonicalJson.write(CaseReader.parse("c.json", original.getBytes(StandardCharsets.UTF_8)));
        var a = reader.read("a.json", original.getBytes(StandardCharsets.UTF_8));
        var b = reader.read("b.json", compact.getBytes(StandardCharsets.UTF_8));
        assertEquals(a.inputFingerprint(), b.inputFingerprint());
        var c = reader.read("c.json", original.replace("52.5", "52.6").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a.inputFingerprint(), c.inputFingerprint());
    }

    private static ObjectNode with(ObjectNode c, Consumer<ObjectNode> change) {
        change.accept(c);
        return c;
    }

    @Test
    void contentAfterTheFirstJsonObjectIsRefused() throws Exception {
        byte[] json = (Files.readString(CASE) + "\n{\"caseId\": \"second\"}").getBytes(StandardCharsets.UTF_8);
        CaseRejected e = assertThrows(CaseRejected.class, () -> CaseReader.parse("c.json", json));
        assertError(e.errors(), "$", "case_syntax_error", "第一个 JSON 值之后还有内容");
    }

    @Test
    void invalidUnicodeIsRefusedAtRead() throws Exception {
        String text = Files.readString(CASE);
        byte[] surrogate = text.replace("\"caseId\": \"", "\"caseId\": \"\\ud800").getBytes(StandardCharsets.UTF_8);
        CaseRejected e = assertThrows(CaseRejected.class, () -> CaseReader.parse("c.json", surrogate));
        assertError(e.errors(), "$.caseId", "case_encoding_error", "不成对的代理项");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf("\"caseId\": \"") + 11;
        byte[] malformed = new byte[utf8.length + 2];
        System.arraycopy(utf8, 0, malformed, 0, at);
        malformed[at] = (byte) 0xC3;
        malformed[at + 1] = (byte) 0x28;
        System.arraycopy(utf8, at, malformed, at + 2, utf8.length - at);
        CaseRejected m = assertThrows(CaseRejected.class, () -> CaseReader.parse("c.json", malformed));
        assertEquals("case_syntax_error", m.errors().get(0).code(), m.errors().toString());
        assertTrue(m.errors().get(0).message().contains("行"), m.errors().toString());
    }

    @Test
    void datesNoCaseCanHaveAreRefusedAtTheirPath() throws Exception {
        assertError(errors(c -> c.put("decisionDate", "0000-01-01")), "$.decisionDate", "case_value_error", "应在 1990–2100 年间");
        assertError(errors(c -> c.put("decisionDate", "2024-02-30")), "$.decisionDate", "case_value_error", "不存在");
        assertError(errors(c -> ((ObjectNode) c.get("findings").get(0)).put("actDate", "9999-12-31")), "$.findings[0].actDate",
                "case_value_error", "不是真实的日期");
        // deeper down, the path names each key and index on the way; a key that is the writer's own text is escaped
        assertError(errors(c -> ((ObjectNode) c.get("findings").get(0)).putObject("extra\nkey").putArray("on").add("2023-02-29")),
                "$.findings[0].extra\\nkey.on[0]", "case_value_error", "2023 年不是闰年");
        // a real date, but before the first limitation row of the rule set (行政处罚法 1996-10-01)
        assertError(errors(c -> ((ObjectNode) c.get("findings").get(0)).put("actDate", "1990-01-01")), "$.findings[0].actDate",
                "case_value_error", "不在规则集所载法律的适用期间内");
    }
}
