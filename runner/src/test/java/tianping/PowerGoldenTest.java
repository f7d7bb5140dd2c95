package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseFile;
import tianping.read.CaseReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Power-monitoring cases end to end through the real reader (the "power" derivation included) and the real
 * Decider: each fixture under fixtures/power/ is a case with its readings file and, in case.expected.json, the
 * findings the derivation must produce with their episodes. What the bundled law concludes from them (disposition,
 * fine, measures, rules fired) is the law's own test, rules/tests/power.csv, run by {@code tianping test}.
 */
class PowerGoldenTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "power");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RuleSet ruleSet;

    @BeforeAll
    static void load() throws Exception {
        ruleSet = RuleSet.bundled();
    }

    private static Decision decide(String fixture) throws Exception {
        Path path = FIXTURES.resolve(fixture).resolve("case.json");
        CaseFile c = new CaseReader(ruleSet.law().book()).read(path);
        return new Decider(ruleSet).decide(path.toString(), c);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureDecidesAsExpected() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(dirs.size() >= 7, "fixtures/power 应有至少 7 个案件");
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            JsonNode expected = JSON.readTree(dir.resolve("case.expected.json").toFile());
            Decision d = decide(dir.getFileName().toString());
            Map<String, Decision.FindingDecision> byId = new LinkedHashMap<>();
            d.findings().forEach(f -> byId.put(f.id(), f));
            List<String> ids = new ArrayList<>();
            expected.get("findings").fieldNames().forEachRemaining(ids::add);
            assertEquals(ids, new ArrayList<>(byId.keySet()), "违法事实");
            expected.get("findings").fields().forEachRemaining(e -> {
                Decision.FindingDecision f = byId.get(e.getKey());
                JsonNode x = e.getValue();
                assertEquals(x.get("violation").asText(), f.violation());
                assertEquals(strings(x.get("episodes")), f.evidence().stream().map(l -> l.split("：")[0]).toList());
            });
        }));
    }

    @Test
    void nantongTreatmentAtZeroFor23HoursWhileProducingIsAbnormalOperation() throws Exception {
        Decision d = decide("nantong-23h");
        Decision.FindingDecision f = d.findings().get(0);
        assertEquals("air_abnormal_operation", f.violation());
        assertTrue(f.evidence().get(0).startsWith("P1 2021-01-05T01:00 至 2021-01-06T00:00"), f.evidence().get(0));
        assertTrue(f.evidence().get(0).contains("连续 23 小时"), f.evidence().get(0));
        assertTrue(f.evidence().get(0).contains("阈值：治污设施运行功率比例 0.1 [K]"), "证据写明所用阈值");
    }

    @Test
    void yangzhouFanFailedAt0915WithProductionUntil1030AndTheFaultUnreported() throws Exception {
        Decision d = decide("yangzhou-fan");
        Decision.FindingDecision f = d.findings().get(0);
        assertTrue(f.evidence().get(0).startsWith("P1 2021-02-19T09:15 至 2021-02-19T10:30"), f.evidence().get(0));
        assertTrue(f.evidence().get(1).startsWith("P7 "), "未报告故障");
    }

    @Test
    void aPreReportedMaintenanceStopIsKeptInTheRecordButNotAlerted() throws Exception {
        Decision d = decide("huxi-pump-off-with-maintenance");
        List<String> evidence = d.findings().get(0).evidence();
        assertTrue(evidence.get(0).startsWith("P1 2021-07-14T10:00 至 2021-07-14T12:00"));
        assertTrue(evidence.get(2).startsWith("P1 2021-07-14T13:00 至 2021-07-14T15:00，测点 T3、P3：已报备，不预警"), evidence.get(2));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
