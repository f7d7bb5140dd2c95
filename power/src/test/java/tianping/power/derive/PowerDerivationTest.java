package tianping.power.derive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.power.readings.EnterpriseSeries;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tianping.power.Fixture.*;

/** The "power" section end to end: section → readings → episodes → findings in the case format. */
class PowerDerivationTest {

    private static final String USCC = "91430111MA4T00P00F";

    private static ObjectNode caseWith(String power) throws Exception {
        String json = "{\"caseId\":\"T-1\",\"decisionDate\":\"2024-11-30\",\"enterprise\":{\"uscc\":\"" + USCC + "\",\"name\":\"某厂\","
                + "\"regionCode\":\"430111\",\"industry\":\"铸造\",\"keyDischarger\":true,\"permitClass\":\"重点管理\"},"
                + "\"power\":" + power + "}";
        return (ObjectNode) CaseReader.parse("case.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String section(String readings, String reports) {
        return "{\"period\":{\"from\":\"2024-11-20T00:00\",\"to\":\"2024-11-21T00:00\"},"
                + "\"channels\":[{\"id\":\"P1\",\"role\":\"生产\",\"ratedKw\":100},"
                + "{\"id\":\"T1\",\"role\":\"治污\",\"ratedKw\":20,\"medium\":\"大气\",\"serves\":[\"P1\"]}],"
                + readings + reports + "\"finding\":{\"discoveredOn\":\"2024-11-21\",\"harm\":\"无\"}}";
    }

    /** The fault excuse's inputs: production 80 kW, fan off from 10:00 to 14:00, production cut to {@code cut} kW at 10:30. */
    private static JsonNode faultFinding(String reportedAt, double cut) throws Exception {
        ObjectNode c = caseWith(section("", "\"reports\":[{\"kind\":\"故障\",\"channels\":[\"T1\"],\"from\":\"2024-11-20T10:00\","
                + "\"reportedAt\":\"" + reportedAt + "\",\"sudden\":true}],"));
        PowerSection s = PowerSection.read("case.json", c, false);
        EnterpriseSeries series = series(s.channels(), with(flat(80), 42, 56, cut), with(flat(16), 40, 56, 0));
        PowerAnalysis.Result r = PowerAnalysis.analyze("case.json", s, series, T, LAW);
        assertEquals(1, r.findings().size());
        return r.findings().get(0);
    }

    @Test
    void aFaultReportedWithin24HoursWithProductionCutCarriesTheFaultAndNoP7() throws Exception {
        JsonNode f = faultFinding("2024-11-21T10:00", 30);
        assertEquals("air_abnormal_operation", f.get("violation").asText());
        assertEquals("2024-11-20T10:00", f.get("fault").get("occurredAt").asText());
        assertEquals("2024-11-21T10:00", f.get("fault").get("reportedAt").asText());
        assertTrue(f.get("fault").get("productionCut").asBoolean());
        assertTrue(f.get("fault").get("sudden").asBoolean());
        assertEquals(List.of("P1"), kinds(f));
        assertTrue(f.get("episodes").get(0).get("evidence").asText().contains("自停运起报告用时 24 小时"));
    }

    @Test
    void a25HourReportIsP7AndProductionKeptUpIsNoCut() throws Exception {
        JsonNode f = faultFinding("2024-11-21T11:00", 80);
        assertEquals(List.of("P1", "P7"), kinds(f));
        assertTrue(f.get("fault").get("reportedAt").asText().equals("2024-11-21T11:00"));
        assertTrue(!f.get("fault").get("productionCut").asBoolean(), "响应时限后生产未降到故障前一半以下");
    }

    @Test
    void noReportAtAllIsP7AndNoFault() throws Exception {
        ObjectNode c = caseWith(section("", ""));
        PowerSection s = PowerSection.read("case.json", c, false);
        PowerAnalysis.Result r = PowerAnalysis.analyze("case.json", s, series(s.channels(), flat(80), with(flat(16), 40, 56, 0)), T, LAW);
        assertNull(r.findings().get(0).get("fault"));
        assertEquals(List.of("P1", "P7"), kinds(r.findings().get(0)));
    }

    private static List<String> kinds(JsonNode finding) {
        return java.util.stream.StreamSupport.stream(finding.get("episodes").spliterator(), false).map(e -> e.get("kind").asText()).toList();
    }

    @Test
    void theCaseReaderDerivesFindingsAndFingerprintsTheReadings(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("enterprise,channel,timestamp,kW\n");
        for (int s = 0; s < 96; s++) {
            csv.append(USCC).append(",P1,").append(at(s)).append(",80\n");
            csv.append(USCC).append(",T1,").append(at(s)).append(',').append(s >= 40 && s < 48 ? 0 : 16).append('\n');
        }
        Files.writeString(dir.resolve("r.csv"), csv);
        Path file = dir.resolve("case.json");
        Files.writeString(file, caseWith(section("\"readings\":[\"r.csv\"],", "")).toString());
        CaseFile c = new CaseReader(LAW).read(file);
        assertEquals(1, c.findings().size());
        assertEquals("用电监控", c.findings().get(0).getDiscoveredBy());
        assertTrue(c.canonicalInput().contains("\"derivedFrom\":[{\"file\":\"r.csv\",\"section\":\"power\",\"sha256\":\"sha256:"));
        Files.writeString(dir.resolve("r.csv"), csv.toString().replace(",T1," + at(40) + ",0", ",T1," + at(40) + ",1"));
        assertTrue(!new CaseReader(LAW).read(file).inputFingerprint().equals(c.inputFingerprint()), "读数改动即指纹改动");
    }

    @Test
    void badInputIsRefusedWithPathsAndFileLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("case.json");
        Files.writeString(file, caseWith(section("\"readings\":[\"missing.csv\"],", "")).toString());
        assertEquals("$.power.readings[0] data_file_missing", only(assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file))));
        Files.writeString(dir.resolve("r.csv"), "enterprise,channel,timestamp,kW\n" + USCC + ",T1,2024-11-20T00:00,1\n"
                + USCC + ",T1,2024-11-20T00:00,2\n");
        Files.writeString(file, caseWith(section("\"readings\":[\"r.csv\"],", "")).toString());
        assertEquals("r.csv:3 reading_conflicting_duplicate", only(assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file))));
        Files.writeString(file, caseWith(section("\"readings\":[\"r.csv\"],", "\"reports\":[{\"kind\":\"故障\",\"from\":\"2024-11-20T10:00\","
                + "\"reportedAt\":\"2024-11-20T11:00\"}],").replace("\"serves\":[\"P1\"]", "\"serves\":[\"P9\"]")).toString());
        CaseRejected e = assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file));
        assertEquals(List.of("$.power.channels[1].serves[0] unknown_reference", "$.power.reports[0].sudden case_schema_error"),
                e.errors().stream().map(x -> x.path() + " " + x.code()).toList());
    }

    @Test
    void readingsOutsideTheCaseFolderAreRefusedAndNeverEchoed(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(tmp.resolve("secret.csv"), "enterprise,channel,timestamp,kW\nTOKEN=sk-secret-123\n");
        Files.createSymbolicLink(dir.resolve("link.csv"), tmp.resolve("secret.csv"));
        Path file = dir.resolve("case.json");
        for (String name : List.of("link.csv", "../secret.csv", tmp.resolve("secret.csv").toString())) {
            Files.writeString(file, caseWith(section("\"readings\":[" + tianping.read.CanonicalJson.write(
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(name)) + "],", "")).toString());
            CaseRejected e = assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file));
            assertEquals("$.power.readings[0] data_file_outside", only(e), name);
            assertTrue(!e.getMessage().contains("sk-secret"), e.getMessage());
        }
    }

    @Test
    void readingsNoMeterCanReportAreReadingErrorsAtTheirLine(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("enterprise,channel,timestamp,kW\n");
        for (int s = 0; s < 96; s++) {
            csv.append(USCC).append(",P1,").append(at(s)).append(s == 10 ? ",1e39" : ",80").append('\n');
            csv.append(USCC).append(",T1,").append(at(s)).append(",16\n");
        }
        Files.writeString(dir.resolve("r.csv"), csv);
        Path file = dir.resolve("case.json");
        Files.writeString(file, caseWith(section("\"readings\":[\"r.csv\"],", "")).toString());
        CaseRejected e = assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file));
        assertEquals("r.csv:22 reading_implausible", only(e));
        assertTrue(e.errors().get(0).message().contains("超过额定功率 100.0 kW 的 5.0 倍"), e.errors().get(0).message());

        Files.writeString(dir.resolve("r.json"), "[{\"channel\": \"P1\", \"timestamp\": \"" + at(3) + "\", \"kW\": 1e400}]");
        Files.writeString(file, caseWith(section("\"readings\":[\"r.json\"],", "")).toString());
        CaseRejected json = assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file));
        assertEquals("r.json:1 reading_malformed", only(json));
        assertTrue(json.errors().get(0).message().contains("不是有限的数值"), json.errors().get(0).message());
    }

    @Test
    void aCaseWhoseReadingsShowNothingHasNothingToDecide(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("enterprise,channel,timestamp,kW\n");
        for (int s = 0; s < 96; s++) csv.append(USCC).append(",P1,").append(at(s)).append(",80\n").append(USCC).append(",T1,").append(at(s)).append(",16\n");
        Files.writeString(dir.resolve("r.csv"), csv);
        Path file = dir.resolve("case.json");
        Files.writeString(file, caseWith(section("\"readings\":[\"r.csv\"],", "")).toString());
        assertEquals("$.power power_no_violation", only(assertThrows(CaseRejected.class, () -> new CaseReader(LAW).read(file))));
    }

    private static String only(CaseRejected e) {
        CaseError x = e.errors().get(0);
        assertEquals(1, e.errors().size(), e.getMessage());
        return x.path() + " " + x.code();
    }
}
