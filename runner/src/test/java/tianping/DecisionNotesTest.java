package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the decision says where the region's own law is missing: no warning scheme configured (only 江西 36 and 广元
 * 5108 have one), and an expired list whose successor is not encoded (北京 2022, expired 2023-10-30).
 */
class DecisionNotesTest {

    private static JsonNode finding(String fixture) throws Exception {
        CliTest.Run run = CliTest.run("check", "--no-log", "--json", Fixtures.CASES.resolve(fixture).toString());
        assertEquals(0, run.code(), run.err());
        return new ObjectMapper().readTree(run.out()).get("findings").get(0);
    }

    @Test
    void aRegionWithoutAWarningSchemeIsToldSo() throws Exception {
        assertEquals("本地区未配置预警办法", finding("beijing/bj-1-expansion-applies.json").get("warningScheme").asText());
    }

    @Test
    void aRegionWithAWarningSchemeCarriesNoSuchNote() throws Exception {
        assertTrue(finding("warnings/yellow-overdue.json").path("warningScheme").isMissingNode());
    }

    @Test
    void anExpiredListSaysWhatAppliesAfterIt() throws Exception {
        JsonNode f = finding("beijing/bj-1-expansion-after-expiry.json");
        JsonNode check = null;
        for (JsonNode e : f.get("exemptions")) if (e.get("item").asText().equals("NP-BJ-1")) check = e;
        assertEquals(false, check.get("inForce").asBoolean());
        assertTrue(check.get("afterExpiry").asText().contains("直接依行政处罚法第三十三条判断"), check.toString());
    }

    @Test
    void aListInForceCarriesNoAfterExpiryNote() throws Exception {
        for (JsonNode e : finding("beijing/bj-1-expansion-applies.json").get("exemptions")) {
            assertTrue(e.path("afterExpiry").isMissingNode(), e.toString());
        }
    }
}
