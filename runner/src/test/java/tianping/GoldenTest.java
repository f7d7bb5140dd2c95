package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tianping.engine.Decision;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fixtures are the spec. Given each case in fixtures/cases, when it is decided with the bundled rule set,
 * then (1) every finding comes out as the hand-written expectations.csv says — disposition and the rule behind
 * it, amount, measures, warning, rules that must and must not fire — and (2) the whole decision, trace included,
 * equals the reviewed golden file beside the case ({@code name.decision.json}). Rule-set and engine fingerprints
 * are left out of the golden comparison (they change with any rule edit); the input fingerprint is kept.
 *
 * <p>After an intended change, regenerate the golden files with {@code mvn verify -Dgolden.update=true} and
 * review the diff before committing.
 */
class GoldenTest {

    /** Amounts are exact decimals: the tree keeps them as written (122600, not 1.226E+5). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    List<DynamicTest> everyFixtureMatchesItsGoldenDecision() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path caseFile : Fixtures.caseFiles()) {
            tests.add(DynamicTest.dynamicTest(Fixtures.name(caseFile), () -> {
                Decision d = Fixtures.decide(Fixtures.ruleSet(), caseFile);
                Path golden = Path.of(caseFile.toString().replaceAll("\\.json$", ".decision.json"));
                String actual = JSON.writeValueAsString(comparable(JSON.valueToTree(d))) + "\n";
                if (UPDATE) {
                    Files.writeString(golden, actual, StandardCharsets.UTF_8);
                    return;
                }
                assertTrue(Files.exists(golden), "缺少 " + golden + "：运行 mvn verify -Dgolden.update=true 生成后审阅");
                Fixtures.assertSameText(Files.readString(golden, StandardCharsets.UTF_8), actual, "决定与 " + golden + " 不一致（有意的改动请以 -Dgolden.update=true 重新生成并审阅）");
            }));
        }
        return tests;
    }

    /** The decision without the rule-set and engine fingerprints. */
    private static JsonNode comparable(JsonNode decision) {
        ObjectNode copy = decision.deepCopy();
        ObjectNode fp = (ObjectNode) copy.get("fingerprints");
        fp.remove("ruleSet");
        fp.remove("engine");
        return copy;
    }

    @TestFactory
    List<DynamicTest> everyFindingMeetsTheHandWrittenExpectations() throws IOException {
        List<CSVRecord> rows = expectations();
        Set<String> covered = new HashSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (CSVRecord row : rows) {
            String name = row.get("案件");
            covered.add(name);
            tests.add(DynamicTest.dynamicTest(name + " " + row.get("违法事实"), () -> {
                Decision d = Fixtures.decide(Fixtures.ruleSet(), Fixtures.CASES.resolve(name + ".json"));
                Decision.FindingDecision f = d.findings().stream().filter(x -> x.id().equals(row.get("违法事实"))).findFirst()
                        .orElseThrow(() -> new AssertionError("没有违法事实 " + row.get("违法事实")));
                assertEquals(row.get("处理结论"), f.disposition().kind(), "处理结论");
                assertEquals(row.get("处理结论规则"), f.disposition().rule(), "处理结论规则");
                String amount = row.get("罚款");
                java.math.BigDecimal actualAmount = f.fine() != null ? f.fine().amount() : f.disposition().amount();
                if (amount.isEmpty()) assertEquals(null, actualAmount, "不应有罚款");
                else assertEquals(0, new java.math.BigDecimal(amount).compareTo(actualAmount),
                        "罚款数额：期望 " + amount + " 元，实际 " + actualAmount.toPlainString() + " 元");
                Set<String> measures = f.measures().stream().map(Decision.Conclusion::kind).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(split(row.get("成立措施")), measures, "成立措施");
                assertEquals(row.get("预警").isEmpty() ? null : row.get("预警"), f.warning(), "预警");
                if (row.isMapped("违反条款") && !row.get("违反条款").isEmpty()) {
                    assertEquals(row.get("违反条款"), f.violatedProvision(), "违反条款");
                }
                Set<String> fired = d.trace().stream().map(Decision.TraceStep::rule).collect(Collectors.toSet());
                for (String id : split(row.get("应触发"))) assertTrue(fired.contains(id), "应触发 " + id);
                for (String id : split(row.get("不应触发"))) assertFalse(fired.contains(id), "不应触发 " + id);
            }));
        }
        tests.add(DynamicTest.dynamicTest("每个案件都有手写预期", () -> {
            List<String> missing = Fixtures.caseFiles().stream().map(Fixtures::name).filter(n -> !covered.contains(n)).toList();
            if (!missing.isEmpty()) fail("expectations.csv 缺少：" + missing);
        }));
        return tests;
    }

    static List<CSVRecord> expectations() throws IOException {
        try (Reader r = Files.newBufferedReader(Fixtures.CASES.resolve("expectations.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r).getRecords();
        }
    }

    private static Set<String> split(String cell) {
        return cell.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(cell.split("、")));
    }
}
