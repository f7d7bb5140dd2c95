package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tianping.batch.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.power.province.ProvinceGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.time.LocalDateTime;
import tianping.audit.Verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small province-day from power-generate's generator (every planted anomaly class several times over) and
 * power-batch's lines for it: what the job must reproduce.
 */
final class Province {
    static final LocalDate DATE = LocalDate.of(2024, 11, 20);
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path register;
    final Path readings;
    final List<String> batchLines;

    private static Province shared;

    /**
     * The fixture the MiniCluster tests share (generated and batch-decided once per test JVM): 150 enterprises,
     * about 1,300 channels and 120,000 readings, each planted anomaly class some six times.
     */
    static synchronized Province shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("tianping-flink-province");
            dir.toFile().deleteOnExit();
            shared = new Province(dir, 150, 1285);
        }
        return shared;
    }

    Province(Path dir, int enterprises, int channels) throws Exception {
        this.dir = dir;
        new ProvinceGenerator(new ProvinceGenerator.Spec(enterprises, channels, DATE, 20240619L, 40)).write(dir);
        register = dir.resolve(ProvinceGenerator.ENTERPRISES);
        readings = dir.resolve(ProvinceGenerator.READINGS);
        Path out = dir.resolve("batch.jsonl");
        PowerBatchSteps.batch(new Decider(RuleSet.bundled()), register, readings, DATE, out, 2, null);
        batchLines = sorted(Files.readAllLines(out));
    }

    JobConfig job(Path out, int parallelism, long checkpointMillis, int pauseEveryLines) {
        return new JobConfig(register.toString(), readings.toString(), DATE, out.toString(), null, parallelism, 0,
                checkpointMillis, out.resolveSibling(out.getFileName() + "-checkpoints").toUri().toString(), null, null, null, pauseEveryLines);
    }

    static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(null);
        return s;
    }

    /** Every line of the files of one kind (lines-*, alerts-*) the job wrote, sorted. */
    static List<String> output(Path out, String prefix) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        return sorted(all);
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job's lines are power-batch's, sorted; each partition's log verifies against its head; together they hold every decision. */
    void checkLines(Path out, int partitions) throws IOException {
        List<String> lines = output(out, "lines-");
        assertEquals(batchLines.size(), lines.size());
        assertEquals(batchLines, lines);
        long decided = batchLines.stream().filter(l -> l.contains("\"status\":\"decided\"")).count();
        assertTrue(decided >= 10, "the fixture decides enough enterprises: " + decided);
        long chained = 0;
        for (int i = 0; i < partitions; i++) {
            Path log = out.resolve("log-" + i);
            JsonNode head = JSON.readTree(Files.readAllBytes(log.resolve("head.json")));
            Verifier.Result r = Verifier.verify(log.resolve("decisions.jsonl"), new Verifier.Head(head.path("count").asLong(), head.path("head").asText()));
            assertTrue(r.ok(), r.problems().toString());
            chained += r.records();
        }
        assertEquals(decided, chained);
    }

    /** Each live P1 episode of the batch was alerted, from its start, within one slot of being 30 minutes long. */
    void checkAlerts(List<String> alerts) {
        checkAlerts(alerts, 45);
    }

    /**
     * Each live P1 episode of the batch was alerted once, from its start, no earlier than 30 minutes into it and
     * no later than {@code latestMinutes}.
     */
    void checkAlerts(List<String> alerts, int latestMinutes) {
        assertEquals(alerts.size(), new java.util.HashSet<>(alerts.stream().map(a -> { JsonNode n = json(a); return n.path("enterprise").asText() + n.path("channel").asText() + n.path("start").asText(); }).toList()).size(), "an episode alerted twice");
        List<JsonNode> sent = alerts.stream().map(Province::json).toList();
        int p1 = 0;
        for (String l : batchLines) {
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
                assertFalse(proven.isAfter(start.plusMinutes(latestMinutes)), alert.toString());
                String batchEvidence = e.path("evidence").asText();
                String alertEvidence = alert.path("evidence").asText();
                assertEquals(batchEvidence.substring(0, batchEvidence.indexOf(" 连续 ")), alertEvidence.substring(0, alertEvidence.indexOf(" 连续 ")));
                assertTrue(alertEvidence.contains("读数窗口 " + e.path("start").asText() + " 至 " + alert.path("provenAt").asText()), alertEvidence);
            }
        }
        assertTrue(p1 >= 5, "the fixture has P1 episodes: " + p1);
        List<String> unexplained = new ArrayList<>();
        for (JsonNode a : sent) {
            String line = batchLines.stream().filter(l -> l.contains("\"enterprise\":\"" + a.path("enterprise").asText() + "\"")).findFirst().orElseThrow();
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
