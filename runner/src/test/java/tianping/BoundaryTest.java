package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.law.ConditionResult;
import tianping.read.CaseReader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every threshold on both sides (fixtures/boundaries.csv): given a fixture where the item applies, when one field
 * is moved just inside or just outside its threshold, then the item applies or fails on exactly that condition.
 */
class BoundaryTest {

    @TestFactory
    List<DynamicTest> eachThresholdOnBothSides() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (CSVRecord row : rows()) {
            String title = row.get("事项") + " " + row.get("字段") + " = " + row.get("取值") + " → " + row.get("期望");
            tests.add(DynamicTest.dynamicTest(title, () -> {
                var ruleSet = Fixtures.ruleSet();
                JsonNode base = CaseReader.parse(row.get("基础案件"),
                        Files.readAllBytes(Fixtures.CASES.resolve(row.get("基础案件") + ".json")));
                ObjectNode changed = base.deepCopy();
                set(changed, row.get("字段"), value(row.get("取值")));
                var c = new CaseReader(ruleSet.law().book()).read(title, changed, Fixtures.CASES);
                Decision d = new Decider(ruleSet).decide(title, c);
                Decision.ExemptionCheck check = d.findings().get(0).exemptions().stream()
                        .filter(e -> e.item().equals(row.get("事项"))).findFirst()
                        .orElseThrow(() -> new AssertionError("事项 " + row.get("事项") + " 未列入核对"));
                boolean expectApplies = row.get("期望").equals("适用");
                assertEquals(expectApplies, check.applied(), "事项是否适用；未满足：" + check.failed().stream().map(ConditionResult::explanation).toList());
                if (!expectApplies) {
                    assertTrue(check.failed().stream().anyMatch(r -> r.condition().equals(row.get("失败条件"))),
                            "未满足的条件应含“" + row.get("失败条件") + "”，实际：" + check.failed().stream().map(ConditionResult::condition).toList());
                }
            }));
        }
        return tests;
    }

    private static List<CSVRecord> rows() throws IOException {
        try (Reader r = Files.newBufferedReader(Fixtures.ROOT.resolve("boundaries.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r).getRecords();
        }
    }

    /** A number, true/false, JSON object or array as written; other text as a string; empty as absent. */
    private static JsonNode value(String cell) throws IOException {
        if (cell.isEmpty()) return null;
        if (cell.startsWith("{") || cell.startsWith("[") || cell.equals("true") || cell.equals("false") || cell.matches("-?\\d+(\\.\\d+)?")) {
            return CaseReader.mapper().readTree(cell);
        }
        return JsonNodeFactory.instance.textNode(cell);
    }

    /** Sets a dotted path with [i] indexes ("findings[0].exceedances[1]"); null removes the field. */
    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            boolean last = i == parts.length - 1;
            if (bracket < 0) {
                if (last) {
                    if (value == null) ((ObjectNode) node).remove(field);
                    else ((ObjectNode) node).set(field, value);
                    return;
                }
                node = ((ObjectNode) node).with(field);
            } else {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                ArrayNode array = ((ObjectNode) node).withArray(field);
                if (last) {
                    if (index < array.size()) array.set(index, value);
                    else array.add(value);
                    return;
                }
                node = array.get(index);
            }
        }
    }
}
