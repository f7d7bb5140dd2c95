package tianping;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseReader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online-monitoring cases from raw data to decision. Given each case in fixtures/monitoring (its data files
 * generated packet by packet, see GoldenData in the monitoring module), when it is read — the monitoring section
 * derived into findings — and decided, then the evidence says which hours and days counted and why. What the
 * bundled law concludes from them (rules fired, outcome) is the law's own test, rules/tests/monitoring.csv, which
 * {@code tianping test} (BundledLawTest) runs: a change of law changes that file, not this class.
 */
class MonitoringGoldenTest {

    static final Path FIXTURES = Path.of("..", "fixtures", "monitoring").toAbsolutePath().normalize();
    private static RuleSet ruleSet;

    @BeforeAll
    static void load() throws Exception {
        ruleSet = RuleSet.bundled();
    }

    static Decision decide(String name) throws Exception {
        Path file = FIXTURES.resolve(name + ".json");
        return new Decider(ruleSet).decide("fixtures/monitoring/" + name + ".json", new CaseReader(ruleSet.law().book()).read(file));
    }

    @Test
    void everyCaseHasAnExpectation() throws IOException {
        Set<String> expected = new java.util.HashSet<>();
        for (tianping.lawtest.RuleTest t : tianping.lawtest.RuleTestFiles.read(BundledLawTest.TESTS.resolve("monitoring.csv"),
                "rules/tests/monitoring.csv", new ArrayList<>())) {
            expected.add(t.caseName().replaceFirst("^\\.\\./monitoring/", ""));
        }
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            List<String> missing = walk.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> FIXTURES.relativize(p).toString().replace('\\', '/').replaceAll("\\.json$", ""))
                    .filter(n -> !expected.contains(n)).sorted().toList();
            assertEquals(List.of(), missing, "rules/tests/monitoring.csv 缺少这些案例的预期");
        }
    }

    private static List<String> evidence(Decision d) {
        return d.findings().get(0).evidence();
    }

    @Test
    void theBoundaryHoursSayWhichCountedAndWhichWereExcludedAndWhy() throws Exception {
        List<String> below = evidence(decide("shanxi/sx-air-4h-below-0.1"));
        assertTrue(below.stream().anyMatch(e -> e.startsWith("自然日累计超标时长") && e.contains("2024-03-01 共 4 小时：08:00（二氧化硫）、09:00（二氧化硫）、11:00（二氧化硫）、12:00（二氧化硫）")), below.toString());
        assertTrue(below.stream().anyMatch(e -> e.startsWith("剔除的小时均值") && e.contains("2024-03-01T10:00 有效分钟 44 < 45：M")), below.toString());
        assertTrue(below.stream().anyMatch(e -> e.contains("219.96（实测 164.97，含氧量 12%；有效分钟 60）")), below.toString());
        List<String> five = evidence(decide("shanxi/sx-air-5h"));
        assertTrue(five.stream().anyMatch(e -> e.startsWith("自然日累计超标时长") && e.contains("共 5 小时")), five.toString());
    }

    @Test
    void badPacketsAreReportedWithTheirLinesAndASplitPacketIsJoined() throws Exception {
        String packets = evidence(decide("shanxi/sx-air-4h-below-0.1")).stream().filter(e -> e.startsWith("数据包错误")).findFirst().orElseThrow();
        assertTrue(packets.contains("共 2 处错误") && packets.contains("第 25 行：packet_crc") && packets.contains("第 116 行：packet_truncated"), packets);
    }

    @Test
    void signsOfFalsificationAreEvidenceToVerifyAndChangeNoDecision() throws Exception {
        Decision signs = decide("evidence/signs-to-verify");
        Decision none = decide("evidence/no-signs");
        assertEquals(none.trace().stream().map(Decision.TraceStep::rule).toList(), signs.trace().stream().map(Decision.TraceStep::rule).toList());
        assertEquals(none.summary(), signs.summary());
        List<String> seen = evidence(signs).stream().filter(e -> e.startsWith("疑似弄虚作假迹象"))
                .map(e -> e.substring(e.indexOf('：') + 1, e.indexOf('：', e.indexOf('：') + 1))).toList();
        assertEquals(List.of("规律性尖峰", "量程上限变更", "数据异常平直", "量程上限变更", "生产时段流量为零"), seen, "in order of when each begins");
        assertTrue(evidence(none).stream().noneMatch(e -> e.startsWith("疑似弄虚作假迹象")));
    }

    @Test
    void theListedSupervisionTriggerCountsTheExceedanceDays() throws Exception {
        Decision d = decide("anhui/ah-cod-10-of-30-listed");
        assertTrue(evidence(d).stream().anyMatch(e -> e.startsWith("日均值超标天数") && e.contains("日均值超标 10 日")), evidence(d).toString());
        Decision.Conclusion listed = d.findings().get(0).measures().stream().filter(m -> m.kind().equals("挂牌督办")).findFirst().orElseThrow();
        assertEquals("连续 30 日内自动监控日均值超标 10 日，手工监测亦超标", listed.note());
        assertTrue(evidence(decide("anhui/ah-cod-9-of-30")).stream().anyMatch(e -> e.startsWith("剔除的日均值") && e.contains("2024-03-20 有效小时 19 < 20")));
    }

    @Test
    void heavyMetalsAreFlaggedFromThePollutantCatalogue() throws Exception {
        assertTrue(evidence(decide("criminal/lead-3x")).stream().anyMatch(e -> e.startsWith("超标时段")
                && e.contains("总铅（第一类污染物、重金属（两高解释第一条第（三）项））")), evidence(decide("criminal/lead-3x")).toString());
    }
}
