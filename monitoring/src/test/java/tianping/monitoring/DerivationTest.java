package tianping.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.facts.Finding;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given a case with a monitoring section and its data files, when the reader derives it, then the findings,
 * their exceedances and evidence, derivedFrom and the report are as the data show — or the case is refused with
 * every error located.
 */
class DerivationTest {

    static final String MN = "14010500000000000000DA01";
    static final LocalDateTime DAY = LocalDateTime.of(2024, 3, 1, 0, 0);

    @TempDir
    Path dir;

    private final CaseReader reader = new CaseReader(TestLaw.book(), List.of(new MonitoringDerivation()));

    static String airCase(String data, String extraOutlet, String extraSection) {
        return """
                {"caseId": "T-1", "decisionDate": "2024-03-20",
                 "enterprise": {"uscc": "91140105MA0GRK3X1H", "name": "太原某热电有限公司", "regionCode": "140105", "industry": "热力生产",
                                "keyDischarger": true, "permitClass": "重点管理"},
                 "findings": [],
                 "monitoring": {"data": [%s],
                   "outlets": [{"id": "DA001", "mn": "%s", "name": "1#锅炉废气排放口", "medium": "大气", "sourceType": "燃煤锅炉"%s,
                     "factors": [{"code": "a21026", "averaging": "小时均值", "limit": 200, "unit": "mg/m3", "standard": "GB 13271-2014 表3"}]}]%s,
                   "finding": {"discoveredOn": "2024-03-02", "harm": "无", "correction": {"orderedOn": "2024-03-04", "correctedOn": "2024-03-06"}}}}
                """.formatted(data, MN, extraOutlet, extraSection);
    }

    /**
     * A day of minute data: SO₂ measured {@code so2[h]} (hundredths) in hour h with O₂ at 12 %, so corrected = so2 × 4/3;
     * {@code maintenance[h]} minutes of hour h flagged M.
     */
    static String airDay(long[] so2, int[] maintenance) {
        Station s = new Station(MN, 31);
        SplittableRandom random = new SplittableRandom(7);
        for (int h = 0; h < 24; h++) {
            int bad = maintenance[h];
            long[] valid = Station.aroundExactly(so2[h], 60 - bad, 300, random);
            long[] o2 = Station.aroundExactly(1200, 60 - bad, 20, random);
            for (int m = 0; m < 60; m++) {
                LocalDateTime t = DAY.plusHours(h).plusMinutes(m);
                boolean inMaintenance = m < bad;
                s.minute(t, Station.reading("a21026", inMaintenance ? 99000 : valid[m - bad], inMaintenance ? 'M' : 'N'),
                        Station.reading("a19001", inMaintenance ? 2100 : o2[m - bad], inMaintenance ? 'M' : 'N'),
                        Station.reading("a00000", 500000, 'N'));
            }
        }
        return s.text();
    }

    static long[] so2(long base, long exceeding, int from, int hours) {
        long[] v = new long[24];
        for (int h = 0; h < 24; h++) v[h] = h >= from && h < from + hours ? exceeding : base;
        return v;
    }

    CaseFile read(String caseJson, String dataName, String data) throws Exception {
        Files.writeString(dir.resolve(dataName), data, StandardCharsets.UTF_8);
        Path c = dir.resolve("case.json");
        Files.writeString(c, caseJson, StandardCharsets.UTF_8);
        return reader.read(c);
    }

    List<CaseError> rejected(String caseJson, String dataName, String data) {
        return assertThrows(CaseRejected.class, () -> read(caseJson, dataName, data)).errors();
    }

    @Test
    void fourCorrectedHoursAtExactlyTwoHundredTwentyMakeOneFindingWithItsEvidence() throws Exception {
        String data = airDay(so2(9000, 16500, 8, 4), new int[24]);
        CaseFile c = read(airCase("\"day.hj212\"", "", ""), "day.hj212", data);
        assertEquals(1, c.findings().size());
        Finding f = c.findings().get(0);
        assertEquals("DA001", f.getId());
        assertEquals("air_exceedance", f.getViolation());
        assertEquals(LocalDate.of(2024, 3, 1), f.getActDate());
        assertEquals(1, f.getExceedances().size());
        var e = f.getExceedances().get(0);
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 0), e.start());
        assertEquals(240L, e.minutes());
        assertEquals(0, e.measured().compareTo(new java.math.BigDecimal("220")), e.measured().toPlainString());
        assertEquals(0.1, f.getMaxHourlyMultiple());
        assertEquals(4.0, f.getMaxDailyExceedanceHours());
        assertEquals(LocalDateTime.of(2024, 3, 1, 12, 0), f.getComplianceRestoredAt());
        assertEquals("在线监控", f.getDiscoveredBy());
        assertTrue(f.getEpisodes().stream().anyMatch(ep -> ep.kind().equals("超标时段") && ep.evidence().contains("实测 165，含氧量 12%；有效分钟 60")),
                f.getEpisodes().toString());
        assertTrue(f.getEpisodes().stream().anyMatch(ep -> ep.kind().equals("自然日累计超标时长") && ep.evidence().startsWith("2024-03-01 共 4 小时")));

        JsonNode input = CaseReader.mapper().readTree(c.canonicalInput());
        JsonNode derived = input.get("derivedFrom").get(0);
        assertEquals("day.hj212", derived.get("file").asText());
        assertEquals("monitoring", derived.get("section").asText());
        assertEquals("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(data.getBytes(StandardCharsets.UTF_8))), derived.get("sha256").asText(), "what sha256sum prints of the file");
        assertEquals(1440, input.get("monitoringReport").get("files").get(0).get("packets").asInt());
        assertEquals(24, input.get("monitoringReport").get("outlets").get(0).get("validHours").asInt());
    }

    @Test
    void anHourWithFortyFourValidMinutesIsExcludedAndBreaksTheEpisode() throws Exception {
        int[] maintenance = new int[24];
        maintenance[10] = 16;
        Finding f = read(airCase("\"day.hj212\"", "", ""), "day.hj212", airDay(so2(9000, 16500, 8, 5), maintenance)).findings().get(0);
        assertEquals(List.of(120L, 120L), f.getExceedances().stream().map(tianping.facts.Exceedance::minutes).toList());
        assertEquals(4.0, f.getMaxDailyExceedanceHours());
        assertTrue(f.getEpisodes().stream().anyMatch(ep -> ep.kind().equals("剔除的小时均值")
                && ep.evidence().contains("2024-03-01T10:00 有效分钟 44 < 45：M")), f.getEpisodes().toString());
        maintenance[10] = 15;
        Finding counted = read(airCase("\"day.hj212\"", "", ""), "day.hj212", airDay(so2(9000, 16500, 8, 5), maintenance)).findings().get(0);
        assertEquals(5.0, counted.getMaxDailyExceedanceHours());
    }

    @Test
    void theSameDataGiveTheSameFingerprintAndOtherDataAnother() throws Exception {
        String data = airDay(so2(9000, 16500, 8, 4), new int[24]);
        String first = read(airCase("\"day.hj212\"", "", ""), "day.hj212", data).inputFingerprint();
        assertEquals(first, read(airCase("\"day.hj212\"", "", ""), "day.hj212", data).inputFingerprint());
        assertFalse(first.equals(read(airCase("\"day.hj212\"", "", ""), "day.hj212", data + "\r\n").inputFingerprint()),
                "a byte more in the data file changes its sha256");
    }

    @Test
    void valuesNoAnalyserCanReportAreDataErrorsNotExceedances() throws Exception {
        String data = airDay(so2(9000, 16500, 8, 4), new int[24]);
        Station extra = new Station(MN, 31);
        // thirty nines with a valid CRC: beyond 1000 × the limit of 200
        extra.packet(extra.segment(2051, DAY.plusHours(20), DAY.plusHours(20).plusMinutes(30),
                "a21026-Avg=" + "9".repeat(30) + ",a21026-Flag=N"));
        // year 0000: no real time
        extra.packet(extra.segment(2051, DAY, DAY, Station.reading("a21026", 16500, 'N')).replace("DataTime=2024", "DataTime=0000"));
        Finding f = read(airCase("\"day.hj212\"", "", ""), "day.hj212", data + extra.text()).findings().get(0);
        assertEquals(List.of("a21026 小时均值 2024-03-01T08:00 4 小时"), f.getExceedances().stream()
                .map(e -> e.pollutant().code() + " " + e.averaging() + " " + e.start() + " " + e.durationText()).toList());
        var packets = f.getEpisodes().stream().filter(ep -> ep.kind().equals("数据包错误")).findFirst().orElseThrow();
        assertTrue(packets.evidence().contains("第 1441 行：packet_implausible") && packets.evidence().contains("限值 200 的 1000 倍")
                && packets.evidence().contains("第 1442 行：packet_implausible") && packets.evidence().contains("0000-03-01T00:00 不是真实的时间（应在 1990–2100 年间"),
                packets.evidence());
        assertTrue(f.getExceedances().stream().allMatch(e -> e.measured().compareTo(java.math.BigDecimal.valueOf(1000)) < 0));
    }

    @Test
    void dataOfWhichNothingIsUsableAreUnusableNotNoViolation() throws Exception {
        String data = airDay(so2(9000, 16500, 8, 4), new int[24]);
        // every CRC wrong: its last hexadecimal digit changed
        String allBad = data.lines().map(l -> l.substring(0, l.length() - 1) + (l.endsWith("0") ? "1" : "0"))
                .collect(java.util.stream.Collectors.joining("\r\n", "", "\r\n"));
        List<CaseError> errors = rejected(airCase("\"day.hj212\"", "", ""), "day.hj212", allBad);
        assertEquals(List.of("$.monitoring.data data_unusable"), errors.stream().map(e -> e.path() + " " + e.code()).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("可读的数据包 0 个、错误 1440 处"), errors.get(0).message());
        String unknownFlags = data.replace("-Flag=N", "-Flag=Q");
        List<CaseError> flags = rejected(airCase("\"day.hj212\"", "", ""), "day.hj212", Station.reframe(unknownFlags));
        assertEquals(List.of("$.monitoring.data data_unusable"), flags.stream().map(e -> e.path() + " " + e.code()).toList());
        assertTrue(flags.get(0).message().contains("数据标记未知 4320 个"), flags.get(0).message());
    }

    @Test
    void badPacketsAreEvidenceNotErrors() throws Exception {
        String data = airDay(so2(9000, 16500, 8, 4), new int[24]);
        String damaged = data.replaceFirst("a21026-Avg=", "a21026-Avg=9") + "##0010QN=garbage1C80\r\n";
        Finding f = read(airCase("\"day.hj212\"", "", ""), "day.hj212", damaged).findings().get(0);
        var packets = f.getEpisodes().stream().filter(ep -> ep.kind().equals("数据包错误")).findFirst().orElseThrow();
        assertTrue(packets.evidence().contains("共 2 处错误") && packets.evidence().contains("第 1 行：packet_length")
                && packets.evidence().contains("第 1441 行：packet_crc"), packets.evidence());
    }

    @Test
    void noExceedanceAndNoOtherFindingIsRefusedWithTheSignsToVerify() {
        long[] flat = new long[24];
        java.util.Arrays.fill(flat, 9000);
        Station s = new Station(MN, 31);
        for (int h = 0; h < 24; h++) {
            s.hour(DAY.plusHours(h), Station.reading("a21026", 9000, 'N'), Station.reading("a19001", 900, 'N'));
        }
        List<CaseError> errors = rejected(airCase("\"day.hj212\"", "", ""), "day.hj212", s.text());
        assertEquals(List.of("monitoring_no_exceedance"), errors.stream().map(CaseError::code).toList());
        assertTrue(errors.get(0).message().contains("数据异常平直"), errors.get(0).message());
    }

    @Test
    void theSectionIsCheckedAgainstTheSchemaBeforeItIsRead() {
        String bad = airCase("\"day.hj212\"", "", "").replace("\"mn\": \"" + MN + "\", ", "");
        List<CaseError> errors = rejected(bad, "day.hj212", "");
        assertEquals(List.of("$.monitoring.outlets[0].mn case_schema_error"), errors.stream().map(e -> e.path() + " " + e.code()).toList());
    }

    @Test
    void everyProblemOfTheSectionIsLocated() {
        String bad = """
                {"caseId": "T-1", "decisionDate": "2024-03-20",
                 "enterprise": {"uscc": "91140105MA0GRK3X1H", "name": "某公司", "regionCode": "140105", "industry": "热力生产", "keyDischarger": true, "permitClass": "重点管理"},
                 "findings": [],
                 "monitoring": {"data": ["day.hj212", "missing.hj212"],
                   "outlets": [{"id": "DA001", "mn": "%s", "name": "1#", "medium": "大气", "sourceType": "燃木锅炉",
                     "factors": [{"code": "w01018", "averaging": "小时均值", "limit": 50, "unit": "mg/L", "standard": "x"},
                                 {"code": "a99999", "averaging": "小时均值", "limit": 50, "unit": "mg/m3", "standard": "x"}]}],
                   "manual": [{"mn": "OTHER", "factor": "a21026", "sampledAt": "2024-03-01T10:00", "measured": 1}],
                   "finding": {"discoveredOn": "2024-03-02", "harm": "无"}}}
                """.formatted(MN);
        List<CaseError> errors = rejected(bad, "day.hj212", "");
        assertEquals(List.of("$.monitoring.outlets[0].sourceType unknown_reference", "$.monitoring.outlets[0].factors[0].code case_value_error",
                        "$.monitoring.outlets[0].factors[1].code unknown_reference", "$.monitoring.manual[0].mn unknown_reference"),
                errors.stream().map(e -> e.path() + " " + e.code()).toList());
    }

    @Test
    void dataThatAreMissingOrHaveNoneOfTheOutletAreRefused() throws Exception {
        Files.writeString(dir.resolve("other.hj212"), new Station("99999999999999999999DA99", 31)
                .hour(DAY, Station.reading("a21026", 100, 'N')).text());
        List<CaseError> missing = rejected(airCase("\"other.hj212\", \"gone.hj212\"", "", ""), "x.hj212", "");
        assertEquals(List.of("$.monitoring.data[1] data_file_missing"), missing.stream().map(e -> e.path() + " " + e.code()).toList());
        List<CaseError> noOutlet = rejected(airCase("\"other.hj212\"", "", ""), "x.hj212", "");
        assertEquals("$.monitoring.outlets[0].mn", noOutlet.get(0).path());
        assertTrue(noOutlet.get(0).message().contains("数据中的 MN：99999999999999999999DA99"), noOutlet.get(0).message());
    }

    @Test
    void dataOutsideTheCaseFolderAreRefusedAndNeverEchoed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path caseDir = Files.createDirectories(dir.resolve("case"));
        Files.writeString(outside.resolve("env.hj212"), "API_TOKEN=sk-secret-123\n");
        Files.createSymbolicLink(caseDir.resolve("env.hj212"), outside.resolve("env.hj212"));
        for (String name : List.of("env.hj212", "../outside/env.hj212", outside.resolve("env.hj212").toString())) {
            Path c = caseDir.resolve("case.json");
            Files.writeString(c, airCase("\"" + name + "\"", "", ""), StandardCharsets.UTF_8);
            CaseRejected e = assertThrows(CaseRejected.class, () -> reader.read(c));
            assertEquals(List.of("$.monitoring.data[0] data_file_outside"), e.errors().stream().map(x -> x.path() + " " + x.code()).toList());
            assertFalse(e.getMessage().contains("sk-secret"), e.getMessage());
        }
    }

    @Test
    void aPacketFileOverTheBoundIsRefusedAndOneUnderItIsStreamed() throws Exception {
        String data = airDay(so2(9000, 16500, 8, 4), new int[24]);
        Files.writeString(dir.resolve("day.hj212"), data, StandardCharsets.UTF_8);
        Path c = dir.resolve("case.json");
        Files.writeString(c, airCase("\"day.hj212\"", "", ""), StandardCharsets.UTF_8);
        long size = Files.size(dir.resolve("day.hj212"));
        CaseReader bounded = new CaseReader(TestLaw.book(), List.of(new MonitoringDerivation()));
        var tree = CaseReader.parse("case.json", Files.readAllBytes(c));
        CaseRejected e = assertThrows(CaseRejected.class, () -> bounded.read("case.json", tree, new tianping.read.ConfinedFiles(dir, null, size - 1)));
        assertEquals(List.of("$.monitoring.data[0] data_file_too_large"), e.errors().stream().map(x -> x.path() + " " + x.code()).toList());
        assertEquals(1, bounded.read("case.json", tree, new tianping.read.ConfinedFiles(dir, null, size)).findings().size());
    }

    @Test
    void aCsvWithoutItsHeaderIsRefusedAtFileAndLine() {
        String c = airCase("\"day.csv\"", "", "").replace("\"data\": [\"day.csv\"]", "\"data\": [\"day.csv\"], \"format\": \"csv\", \"interval\": \"小时\"");
        List<CaseError> errors = rejected(c, "day.csv", "mn;time\n");
        assertEquals(List.of("day.csv:1 monitoring_data_error"), errors.stream().map(e -> e.path() + " " + e.code()).toList());
        String noInterval = airCase("\"day.csv\"", "", "").replace("\"data\": [\"day.csv\"]", "\"data\": [\"day.csv\"], \"format\": \"csv\"");
        assertEquals(List.of("$.monitoring.interval case_schema_error"), rejected(noInterval, "day.csv", "")
                .stream().map(e -> e.path() + " " + e.code()).toList());
    }

    static String waterCase(String data, String format, String manual) {
        return """
                {"caseId": "T-2", "decisionDate": "2024-04-20",
                 "enterprise": {"uscc": "91340100MA2N0B1X8H", "name": "合肥某食品有限公司", "regionCode": "340104", "industry": "食品制造", "keyDischarger": true, "permitClass": "重点管理"},
                 "findings": [],
                 "monitoring": {"data": [%s]%s,
                   "outlets": [{"id": "DW001", "mn": "34010400000000000000DW01", "name": "废水总排放口", "medium": "水",
                     "factors": [{"code": "w01018", "averaging": "日均值", "limit": 50, "unit": "mg/L", "standard": "排污许可证"}]}],
                   "manual": [%s],
                   "finding": {"discoveredOn": "2024-04-02", "harm": "无"}}}
                """.formatted(data, format, manual);
    }

    @Test
    void aCsvExportOfDailyMeansAndAManualSample() throws Exception {
        StringBuilder csv = new StringBuilder("mn,time,code,avg,flag\n");
        for (int d = 1; d <= 31; d++) {
            boolean exceeds = d % 3 == 0;
            csv.append("34010400000000000000DW01,2024-03-").append(String.format("%02d", d)).append(" 00:00,w01018,")
                    .append(exceeds ? "62.5" : "41.2").append(",N\n");
        }
        String c = waterCase("\"march.csv\"", ", \"format\": \"csv\", \"interval\": \"日\"",
                "{\"mn\": \"34010400000000000000DW01\", \"factor\": \"w01018\", \"sampledAt\": \"2024-03-15T10:00\", \"measured\": 58, \"by\": \"执法监测\"}");
        Finding f = read(c, "march.csv", csv.toString()).findings().get(0);
        assertEquals("water_exceedance", f.getViolation());
        assertEquals(11, f.getExceedances().size(), "10 days (3, 6, …, 30) and the manual sample");
        assertEquals(Boolean.TRUE, f.getManualMonitoringExceeded());
        assertEquals(10, f.dailyExceedanceDaysWithin(30));
        assertEquals(9, f.dailyExceedanceDaysWithin(27));
        assertEquals(LocalDate.of(2024, 3, 30), f.getActEndDate());
        assertEquals(LocalDateTime.of(2024, 3, 31, 0, 0), f.getComplianceRestoredAt());
    }

    @Test
    void hjT212_2005DataWithLegacyCodesAndFlags() throws Exception {
        StringBuilder data = new StringBuilder();
        for (int d = 1; d <= 3; d++) {
            String day = "202403" + String.format("%02d", d) + "000000";
            data.append(tianping.monitoring.hj212.PacketWriter.packet("ST=32;CN=2031;PW=123456;MN=LD130133000015;CP=&&DataTime=" + day
                    + ";011-Avg=" + (d == 2 ? "54.0" : "40.0") + ",011-Flag=" + (d == 3 ? "P" : "N") + ";060-Avg=1.2,060-Flag=N&&"));
        }
        String c = waterCase("\"old.dat\"", "", "").replace("34010400000000000000DW01", "LD130133000015");
        Finding f = read(c, "old.dat", data.toString()).findings().get(0);
        assertEquals(1, f.getExceedances().size());
        assertEquals("w01018", f.getExceedances().get(0).pollutant().code());
        assertEquals(0.08, f.getMaxDailyMultiple(), 1e-12);
        assertNull(f.getComplianceRestoredAt(), "the next day is flagged P (2005: power failure), so compliance is not shown");
    }

    @Test
    void signsOfFalsificationAreEvidenceOnTheFinding() throws Exception {
        Station s = new Station(MN, 31);
        for (int h = 0; h < 48; h++) {
            long so2 = h == 30 ? 30000 : 9000;
            s.hour(DAY.plusHours(h), Station.reading("a21026", so2, 'N'), Station.reading("a19001", 900, 'N'),
                    Station.reading("a00000", h >= 40 && h < 43 ? 0 : 500000, 'N'));
        }
        String production = ", \"production\": [{\"start\": \"2024-03-02T12:00\", \"end\": \"2024-03-02T20:00\", \"source\": \"用电监控\"}]";
        CaseFile c = read(airCase("\"two.hj212\"", "", production), "two.hj212", s.text());
        List<String> signs = c.findings().get(0).getEpisodes().stream().filter(e -> e.kind().equals(OutletAnalysis.SIGN_KIND))
                .map(e -> e.evidence().substring(0, e.evidence().indexOf('：'))).toList();
        assertEquals(List.of("数据异常平直", "数据异常平直", "生产时段流量为零"), signs);
        JsonNode report = CaseReader.mapper().readTree(c.canonicalInput()).get("monitoringReport").get("outlets").get(0).get("signs");
        assertEquals(3, report.size());
    }

    @Test
    void mutatedDataFilesAreDerivedOrRefusedButNeverCrashTheDerivation() throws Exception {
        Station s = new Station(MN, 31);
        for (int h = 0; h < 24; h++) {
            s.hour(DAY.plusHours(h), Station.reading("a21026", h % 5 == 0 ? 27000 : 9000 + h * 37, 'N'), Station.reading("a19001", 900 + h, "NMTS".charAt(h % 4)),
                    Station.reading("a00000", 500000, 'N'));
        }
        byte[] valid = s.text().getBytes(StandardCharsets.US_ASCII);
        Path c = dir.resolve("case.json");
        Files.writeString(c, airCase("\"day.hj212\"", "", ""), StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(31);
        String alphabet = ";,=-&#0123456789.NMFTAvg\r\n";
        int derived = 0;
        for (int round = 0; round < 300; round++) {
            byte[] b = valid.clone();
            for (int e = 0; e < 1 + random.nextInt(40); e++) b[random.nextInt(b.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            Files.write(dir.resolve("day.hj212"), b);
            try {
                reader.read(c);
                derived++;
            } catch (CaseRejected e) {
                assertTrue(e.errors().stream().allMatch(x -> x.code().startsWith("monitoring_") || x.code().startsWith("case_")), e.getMessage());
            }
        }
        assertTrue(derived > 0, "some damaged files still hold an exceedance");
    }
}
