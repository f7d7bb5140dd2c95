package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reading later than the bounded lateness is reported, never dropped silently: after the day's readings the
 * feed carries one of the next day (which moves event time past the day's end plus the lateness, so the day is
 * decided) and then one more of the day for an enterprise already decided. That one becomes a "late" line
 * naming its line, channel and time, and the enterprise's decision stays what power-batch decides without it.
 */
class LatenessTest {

    @TempDir
    Path tmp;

    @Test
    void aReadingAfterItsDayWasDecidedIsReportedAsLate() throws Exception {
        Province province = Province.shared();
        List<String> register = Files.readAllLines(province.register);
        JsonNode a = Province.json(register.get(0));
        String clean = province.batchLines.stream().filter(l -> l.contains("\"status\":\"clean\"")
                && !l.contains(a.path("enterprise").path("uscc").asText())).findFirst().orElseThrow();
        String b = Province.json(clean).path("enterprise").asText();
        JsonNode bCase = register.stream().map(Province::json).filter(n -> n.path("enterprise").path("uscc").asText().equals(b)).findFirst().orElseThrow();
        String channel = bCase.path("power").path("channels").get(0).path("id").asText();

        Path readings = tmp.resolve("readings.csv");
        Files.copy(province.readings, readings);
        long lines = Files.readAllLines(readings).size();
        Files.writeString(readings, a.path("enterprise").path("uscc").asText() + "," + a.path("power").path("channels").get(0).path("id").asText()
                + ",2024-11-21T01:00,10\n" + b + "," + channel + ",2024-11-20T10:00,10\n", StandardOpenOption.APPEND);

        Path out = tmp.resolve("out");
        JobConfig job = province.job(out, 1, 0, 0);
        job = new JobConfig(job.register(), readings.toString(), job.date(), job.out(), null, 1, 0, 0, null, null, null, null, 0);
        try (LocalCluster cluster = new LocalCluster(1, 1)) {
            LocalCluster.Run run = cluster.run(job);
            assertEquals(JobStatus.FINISHED, run.status(), String.valueOf(run.failure()));
        }
        List<JsonNode> late = Province.output(out, "lines-").stream().map(Province::json)
                .filter(n -> n.path("status").asText().equals("late")).toList();
        assertEquals(1, late.size(), late.toString());
        JsonNode error = late.get(0).path("errors").get(0);
        assertEquals(b, late.get(0).path("enterprise").asText());
        assertEquals("reading_late", error.path("code").asText());
        assertEquals("line " + (lines + 2), error.path("path").asText());
        assertTrue(error.path("message").asText().contains("测点 " + channel + "、时间 2024-11-20T10:00"), error.toString());
        String decidedB = Province.output(out, "lines-").stream().filter(l -> l.contains("\"enterprise\":\"" + b + "\"") && !l.contains("\"late\"")).findFirst().orElseThrow();
        String batchB = province.batchLines.stream().filter(l -> l.contains("\"enterprise\":\"" + b + "\"")).findFirst().orElseThrow();
        assertEquals(batchB.replace(province.readings.toString(), readings.toString()), decidedB);
    }
}
