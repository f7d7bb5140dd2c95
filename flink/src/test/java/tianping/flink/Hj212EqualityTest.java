package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.Verifier;
import tianping.batch.CaseBatchSteps;
import tianping.bench.MinuteData;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.monitoring.hj212.PacketWriter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HJ 212 job on a MiniCluster decides a day of minute packets (13 outlets, 12 cases) exactly as {@code batch}
 * decides the same cases with each case's packets as its data file: line for line after sorting, at parallelism
 * 1 and 2, each partition's log a whole chain. What only a stream meets is a located line of its own: packets the
 * reader refuses (feed_error), an outlet no case has (unregistered), a register line repeating an enterprise
 * (rejected, the first line stands), a packet after its case was decided (late).
 */
class Hj212EqualityTest {

    static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @TempDir
    static Path tmp;
    static Path dir;
    static Hj212Fixture.Written written;
    static List<String> batchLines;
    static String duplicateSource;
    static long lateLine;
    static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        dir = tmp.resolve("feed");
        Hj212Fixture.Spec spec = new Hj212Fixture.Spec(12, 1, DAY, 20240301L);
        written = Hj212Fixture.write(dir, spec);
        // the register repeats enterprise 1 on a line of its own: the job rejects it, batch (no register) decides it
        Path cases = dir.resolve(Hj212Fixture.CASES);
        String second = Files.readAllLines(cases).get(1).replace("\"caseId\":\"HJ212-" + DAY + "-1\"", "\"caseId\":\"HJ212-" + DAY + "-1-again\"");
        Files.writeString(cases, second + "\n", StandardOpenOption.APPEND);
        duplicateSource = cases + ":13";
        Hj212Fixture.split(dir, Set.of());
        Path out = tmp.resolve("batch.jsonl");
        CaseBatchSteps.batch(new Decider(RuleSet.bundled()), cases, out, 2);
        batchLines = Province.sorted(Files.readAllLines(out).stream().filter(l -> !l.contains("\"source\":\"" + duplicateSource + "\"")).toList());
        assertEquals(12, batchLines.size());
        long decided = batchLines.stream().filter(l -> l.contains("\"status\":\"decided\"")).count();
        assertTrue(decided >= 5, "some cases are decided: " + batchLines);
        assertTrue(batchLines.stream().anyMatch(l -> l.contains("\"status\":\"no_violation\"")), "some show no exceedance");

        // the late feed: a packet of the unregistered outlet early on the next day (event time passes the day's end plus
        // the lateness, so the day is decided), then one of enterprise 3's outlet for noon of the day
        Path late = dir.resolve("late.hj212");
        Files.copy(dir.resolve(Hj212Fixture.PACKETS), late);
        String next = PacketWriter.packet("QN=20240302003000000;ST=31;CN=2051;PW=123456;MN=" + MinuteData.mn(12) + ";Flag=4;CP=&&DataTime=20240302003000;a21026-Avg=30.00,a21026-Flag=N&&");
        String noon = PacketWriter.packet("QN=20240301120000999;ST=31;CN=2051;PW=123456;MN=" + MinuteData.mn(3) + ";Flag=4;CP=&&DataTime=20240301120030;w01018-Avg=99.00,w01018-Flag=N&&");
        Files.writeString(late, next + noon, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        lateLine = written.packets() + 2;
        cluster = new LocalCluster(1, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void parallelismOneDecidesAsTheBatch() throws Exception {
        List<String> rest = runAndCompare(Hj212Fixture.PACKETS, 1);
        assertEquals(List.of(1440), packets(rest));
    }

    @Test
    void parallelismTwoDecidesAsTheBatch() throws Exception {
        List<String> rest = runAndCompare(Hj212Fixture.PACKETS, 2);
        assertEquals(List.of(1440), packets(rest));
    }

    @Test
    void aPacketAfterItsCaseWasDecidedIsReportedLateAndTheDecisionStands() throws Exception {
        List<String> rest = runAndCompare("late.hj212", 1);
        List<String> late = rest.stream().filter(l -> l.contains("\"status\":\"late\"")).toList();
        assertEquals(1, late.size(), rest.toString());
        JsonNode e = Province.json(late.get(0)).path("errors").get(0);
        assertEquals("line " + lateLine, e.path("path").asText());
        assertEquals("packet_late", e.path("code").asText());
        assertTrue(e.path("message").asText().contains("MN=" + MinuteData.mn(3) + "、数据时间 2024-03-01T12:00:30"), e.toString());
        // the unregistered outlet's packets held when its day ended in event time: the day's and the next day's first
        assertEquals(List.of(1441), packets(rest));
    }

    /** Runs the job; its lines for the register's cases are batch's; returns its other lines after checking the common ones. */
    private List<String> runAndCompare(String packets, int parallelism) throws Exception {
        Path out = tmp.resolve("out-" + packets + "-" + parallelism);
        Hj212Config c = new Hj212Config(dir.resolve(Hj212Fixture.CASES).toString(), dir.resolve(packets).toString(), out.toString(), null,
                parallelism, 15, 500, out.resolveSibling(out.getFileName() + "-checkpoints").toUri().toString(), null, null, null,
                tmp.resolve("work").toString(), 0);
        LocalCluster.Run run = cluster.run(c);
        assertEquals(JobStatus.FINISHED, run.status(), run.failure() == null ? "" : org.apache.flink.util.ExceptionUtils.stringifyException(run.failure()));
        List<String> all = Province.output(out, "lines-");
        String register = "\"source\":\"" + c.cases() + ":";
        List<String> cases = all.stream().filter(l -> l.contains(register) && !l.contains("\"source\":\"" + duplicateSource + "\"")).toList();
        assertEquals(batchLines, cases);
        List<String> rest = new ArrayList<>(all);
        rest.removeAll(cases);

        List<String> duplicate = rest.stream().filter(l -> l.contains("\"source\":\"" + duplicateSource + "\"")).toList();
        assertEquals(1, duplicate.size());
        JsonNode d = Province.json(duplicate.get(0));
        assertEquals("rejected", d.path("status").asText());
        assertEquals("$.enterprise.uscc", d.path("errors").get(0).path("path").asText());
        assertTrue(d.path("errors").get(0).path("message").asText().contains("在名录中重复（第 2 行已登记"), d.toString());

        List<String> feed = rest.stream().filter(l -> l.contains("\"status\":\"feed_error\"")).toList();
        assertEquals(written.refused().size(), feed.size());
        for (long line : written.refused()) {
            assertTrue(feed.stream().anyMatch(l -> l.contains("\"path\":\"line " + line + "\"") && l.contains("packet_crc")), feed.toString());
        }
        List<String> unregistered = rest.stream().filter(l -> l.contains("\"status\":\"unregistered\"")).toList();
        assertTrue(unregistered.stream().allMatch(l -> l.contains("\"mn\":\"" + MinuteData.mn(12) + "\"")), unregistered.toString());

        long decided = cases.stream().filter(l -> l.contains("\"status\":\"decided\"")).count();
        long chained = 0;
        for (int i = 0; i < parallelism; i++) {
            Path log = out.resolve("log-" + i);
            JsonNode head = Province.JSON.readTree(Files.readAllBytes(log.resolve("head.json")));
            Verifier.Result r = Verifier.verify(log.resolve("decisions.jsonl"), new Verifier.Head(head.path("count").asLong(), head.path("head").asText()));
            assertTrue(r.ok(), r.problems().toString());
            chained += r.records();
        }
        assertEquals(decided, chained);
        return rest;
    }

    /** The packet counts of the unregistered lines. */
    private static List<Integer> packets(List<String> lines) {
        return lines.stream().filter(l -> l.contains("\"status\":\"unregistered\"")).map(l -> Province.json(l).path("packets").asInt()).toList();
    }
}
