package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
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
    static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        province = Province.shared();
        cluster = new LocalCluster(1, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
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
        LocalCluster.Run run = cluster.run(province.job(out, parallelism, 500, 0));
        assertEquals(JobStatus.FINISHED, run.status(), run.failure() == null ? "" : org.apache.flink.util.ExceptionUtils.stringifyException(run.failure()));
        province.checkLines(out, parallelism);

        province.checkAlerts(Province.output(out, "alerts-"));
    }

}
