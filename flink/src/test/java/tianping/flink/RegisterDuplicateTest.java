package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.batch.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A register file that names an enterprise twice: the later line is a located rejection, exactly power-batch's
 * (企业 … 在企业名录中重复, at register:N), and the enterprise is decided once, on its first line, with all its
 * readings; nothing is silently overwritten. Parallelism 2, so the line about it is written once, not per task.
 */
class RegisterDuplicateTest {

    @TempDir
    Path tmp;

    @Test
    void aRepeatedEnterpriseIsRejectedAsPowerBatchRejectsIt() throws Exception {
        Province province = Province.shared();
        List<String> lines = Files.readAllLines(province.register);
        // a clean enterprise's line again, changed (another case id): were it to overwrite, that enterprise's line would differ
        String first = lines.get(3);
        Path register = tmp.resolve("enterprises.jsonl");
        Files.copy(province.register, register);
        String again = first.replaceFirst("\"caseId\":\"([^\"]*)\"", "\"caseId\":\"$1-again\"");
        Files.writeString(register, again + "\n", StandardOpenOption.APPEND);

        Path batch = tmp.resolve("batch.jsonl");
        PowerBatchSteps.batch(new Decider(RuleSet.bundled()), register, province.readings, Province.DATE, batch, 2, null);
        List<String> expected = Province.sorted(Files.readAllLines(batch));
        String rejection = expected.stream().filter(l -> l.contains("\"source\":\"" + register + ":" + (lines.size() + 1) + "\"")).findFirst().orElseThrow();
        JsonNode r = Province.json(rejection);
        assertEquals("rejected", r.path("status").asText());
        assertEquals("$.enterprise.uscc", r.path("errors").get(0).path("path").asText());

        Path out = tmp.resolve("out");
        JobConfig job = province.job(out, 2, 0, 0);
        job = new JobConfig(register.toString(), job.readings(), job.date(), job.out(), null, 2, 0, 0, null, null, null, null, 0);
        try (LocalCluster cluster = new LocalCluster(1, 2)) {
            LocalCluster.Run run = cluster.run(job);
            assertEquals(JobStatus.FINISHED, run.status(), String.valueOf(run.failure()));
        }
        assertEquals(expected, Province.output(out, "lines-"));
    }
}
