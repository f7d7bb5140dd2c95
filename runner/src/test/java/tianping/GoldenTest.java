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
 * Given each case in fixtures/cases, when it is decided with the bundled rule set, then the whole decision, trace
 * included, equals the reviewed golden file beside the case ({@code name.decision.json}). What each finding must
 * come to by law is written by hand in the rule set's own tests (rules/tests/cases.csv, run by
 * {@link BundledLawTest}); this test only guards against unreviewed change. Rule-set and engine fingerprints
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

    /** The decision without the rule-set and engine fingerprints (the engine's version and its code's fingerprint). */
    private static JsonNode comparable(JsonNode decision) {
        ObjectNode copy = decision.deepCopy();
        ObjectNode fp = (ObjectNode) copy.get("fingerprints");
        fp.remove("ruleSet");
        fp.remove("engine");
        fp.remove("engineCode");
        return copy;
    }

}
