package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.Verifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job on a MiniCluster decides a province-day exactly as power-batch does, line for line after sorting, at
 * parallelism 1 and 2; each partition's decision log is a whole chain whose exported head verifies; every P1
 * episode the batch finds was alerted within one slot of the reading that completed it.
 */
class BatchEqualityTest {

    @TempDir
    static Path tmp;
    static Province province;

    @BeforeAll
    static void generate() throws Exception {
        province = new Province(tmp.resolve("province"), 300, 2570);
    }

    @Test
    void parallelismOneDecidesAsTheBatch() throws Exception {
        runAndCompare(1);
    }

    @Test
    void parallelismTwoDecidesAsTheBatch() throws Exception {
        runAndCompare(2);
    }

    private void runAndCompare(int parallelism) throws Exception {
        Path out = tmp.resolve("out-" + parallelism);
        try (LocalCluster cluster = new LocalCluster(1, parallelism)) {
            LocalCluster.Run run = cluster.run(province.job(out, parallelism, 500, 0));
            assertEquals(JobStatus.FINISHED, run.status(), run.failure() == null ? "" : org.apache.flink.util.ExceptionUtils.stringifyException(run.failure()));
        }
        List<String> lines = Province.output(out, "lines-");
        assertEquals(province.batchLines.size(), lines.size());
        assertEquals(province.batchLines, lines);

        long decided = province.batchLines.stream().filter(l -> l.contains("\"status\":\"decided\"")).count();
        assertTrue(decided >= 10, "the fixture decides enough enterprises: " + decided);
        long chained = 0;
        for (int i = 0; i < parallelism; i++) {
            Path log = out.resolve("log-" + i);
            JsonNode head = Province.JSON.readTree(Files.readAllBytes(log.resolve("head.json")));
            Verifier.Result r = Verifier.verify(log.resolve("decisions.jsonl"), new Verifier.Head(head.path("count").asLong(), head.path("head").asText()));
            assertTrue(r.ok(), r.problems().toString());
            chained += r.records();
        }
        assertEquals(decided, chained);

        checkAlerts(Province.output(out, "alerts-"));
    }

    /** Each live P1 episode of the batch was alerted, from its start, within one slot of being 30 minutes long. */
    private void checkAlerts(List<String> alerts) {
        List<JsonNode> sent = alerts.stream().map(Province::json).toList();
        int p1 = 0;
        for (String l : province.batchLines) {
            JsonNode line = Province.json(l);
            for (JsonNode e : line.path("episodes")) {
                if (!e.path("kind").asText().equals("P1") || e.path("suppressed").asBoolean()) continue;
                p1++;
                String enterprise = line.path("enterprise").asText();
                JsonNode alert = sent.stream().filter(a -> a.path("enterprise").asText().equals(enterprise)
                        && a.path("channel").asText().equals(e.path("channel").asText())
                        && a.path("start").asText().equals(e.path("start").asText())).findFirst().orElse(null);
                assertNotNull(alert, "no alert for " + enterprise + " " + e);
                LocalDateTime start = LocalDateTime.parse(e.path("start").asText());
                LocalDateTime proven = LocalDateTime.parse(alert.path("provenAt").asText());
                assertFalse(proven.isBefore(start.plusMinutes(30)), alert.toString());
                assertFalse(proven.isAfter(start.plusMinutes(45)), alert.toString());
                String batchEvidence = e.path("evidence").asText();
                String alertEvidence = alert.path("evidence").asText();
                assertEquals(batchEvidence.substring(0, batchEvidence.indexOf(" 连续 ")), alertEvidence.substring(0, alertEvidence.indexOf(" 连续 ")));
                assertTrue(alertEvidence.contains("读数窗口 " + e.path("start").asText() + " 至 " + alert.path("provenAt").asText()), alertEvidence);
            }
        }
        assertTrue(p1 >= 5, "the fixture has P1 episodes: " + p1);
        List<String> unexplained = new ArrayList<>();
        for (JsonNode a : sent) {
            String line = province.batchLines.stream().filter(l -> l.contains("\"enterprise\":\"" + a.path("enterprise").asText() + "\"")).findFirst().orElseThrow();
            boolean explained = false;
            for (JsonNode e : Province.json(line).path("episodes")) {
                String kind = e.path("kind").asText();
                if ((kind.equals("P1") || kind.equals("P3")) && e.path("channel").asText().equals(a.path("channel").asText())
                        && e.path("start").asText().compareTo(a.path("start").asText()) <= 0
                        && e.path("end").asText().compareTo(a.path("start").asText()) > 0) explained = true;
            }
            if (!explained) unexplained.add(a.toString());
        }
        assertEquals(List.of(), unexplained, "alerts the batch does not bear out");
    }
}
