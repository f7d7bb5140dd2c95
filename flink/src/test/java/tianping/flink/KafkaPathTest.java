package tianping.flink;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.batch.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka path for real: a broker in KRaft mode started in this JVM (127.0.0.1:18098 controller, :18099
 * broker), the register and the province-day's readings produced to two topics, the job reading them with
 * flink-connector-kafka. Mid-day (after the readings through 12:00) an updated register line for one enterprise
 * is produced; the job applies it (a register_updated line) and decides that enterprise on it. Its decisions equal
 * power-batch's on a register file where that enterprise's line is the updated one, and its alerts equal the
 * file path's alerts; no mock consumer.
 */
class KafkaPathTest {

    static final String BROKER = "127.0.0.1:18099";

    @TempDir
    Path tmp;

    @Test
    void topicsInDecisionsAndAlertsAsTheFilePath() throws Exception {
        Province province = Province.shared();
        List<String> register = Files.readAllLines(province.register);
        List<String> readings = Files.readAllLines(province.readings);
        // the enterprise updated mid-day: a clean one, its update another case id (visible in its decided line)
        int x = 5;
        String updated = register.get(x).replaceFirst("\"caseId\":\"([^\"]*)\"", "\"caseId\":\"$1-更新\"");
        // the file power-batch reads: that enterprise's first line blank (no entry), the update after the others,
        // at the line number the update has in the topic (offset + 1)
        Path file = tmp.resolve("enterprises.jsonl");
        List<String> fileLines = new ArrayList<>(register);
        fileLines.set(x, "");
        fileLines.add(updated);
        Files.write(file, fileLines);
        Path batch = tmp.resolve("batch.jsonl");
        PowerBatchSteps.batch(new Decider(RuleSet.bundled()), file, province.readings, Province.DATE, batch, 2, null);
        List<String> expected = Province.sorted(Files.readAllLines(batch));

        Path fileOut = tmp.resolve("file-out");
        // checkpoints to files: a day of readings in keyed state outgrows the job manager's in-memory checkpoint storage
        // (with none given, a slow run under load failed its checkpoints and restarted over and over)
        JobConfig fileJob = new JobConfig(file.toString(), province.readings.toString(), Province.DATE, fileOut.toString(), null, 1, 0, 500,
                tmp.resolve("file-checkpoints").toUri().toString(), null, null, null, 0);
        Path kafkaOut = tmp.resolve("kafka-out");
        JobConfig kafkaJob = new JobConfig(file.toString(), province.readings.toString(), Province.DATE, kafkaOut.toString(), null, 1, 0, 500,
                tmp.resolve("kafka-checkpoints").toUri().toString(), BROKER, "power-readings", "power-register", 0);

        KafkaRaftServer broker = broker(tmp.resolve("kafka"));
        try (LocalCluster cluster = new LocalCluster(1, 1)) {
            assertEquals(JobStatus.FINISHED, cluster.run(fileJob).status());
            assertEquals(expected, Province.output(fileOut, "lines-"), "the file path is power-batch's");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER));
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", BROKER, "acks", "all",
                         "key.serializer", ByteArraySerializer.class.getName(), "value.serializer", ByteArraySerializer.class.getName()))) {
                admin.createTopics(List.of(new NewTopic("power-readings", 1, (short) 1), new NewTopic("power-register", 1, (short) 1))).all().get();
                // the register as the file has it, line for line (offset + 1 = line), the blank line left out for now
                for (int i = 0; i < register.size(); i++) send(producer, "power-register", i == x ? register.get(x) : register.get(i));
                producer.flush();
                long start = System.nanoTime();
                JobID job = cluster.submit(kafkaJob);
                // the register topic idle (10 s) so it no longer holds event time back, then the readings, header first
                Thread.sleep(11_000);
                int noon = readings.indexOf(readings.stream().filter(l -> l.contains(",2024-11-20T12:00,")).findFirst().orElseThrow());
                for (int i = 0; i < noon; i++) send(producer, "power-readings", readings.get(i));
                producer.flush();
                send(producer, "power-register", updated);
                producer.flush();
                waitFor(kafkaOut, "register_updated", 1, 60);
                for (int i = noon; i < readings.size(); i++) send(producer, "power-readings", readings.get(i));
                // a reading of the next day, of no enterprise: event time passes the day's end, the day is decided
                send(producer, "power-readings", "CLOSING,C1,2024-11-21T00:15,0");
                producer.flush();
                waitFor(kafkaOut, "\"source\":", expected.size() + 2, 90);
                cluster.cluster().cancelJob(job).get();
                System.out.printf("KafkaPathTest: the Kafka job ran %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
        } finally {
            broker.shutdown();
            broker.awaitShutdown();
        }
        List<String> got = new ArrayList<>(Province.output(kafkaOut, "lines-"));
        List<String> updates = got.stream().filter(l -> l.contains("\"status\":\"register_updated\"")).toList();
        assertEquals(1, updates.size());
        assertTrue(updates.get(0).contains("\"replaces\":\"" + file + ":" + (x + 1) + "\""), updates.get(0));
        got.removeAll(updates);
        got.removeIf(l -> l.contains("\"enterprise\":\"CLOSING\""));
        // the blank line of the file has no entry; in the topic the original line stood until the update replaced it
        assertEquals(expected, got);
        assertEquals(Province.output(fileOut, "alerts-"), Province.output(kafkaOut, "alerts-"));
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String line) {
        producer.send(new ProducerRecord<>(topic, line.getBytes(StandardCharsets.UTF_8)));
    }

    /** Until the job's lines hold {@code count} lines containing {@code text} (the sink flushes at each checkpoint). */
    private static void waitFor(Path out, String text, int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out) && Province.output(out, "lines-").stream().filter(l -> l.contains(text)).count() >= count) return;
            Thread.sleep(200);
        }
        throw new AssertionError("no " + count + " lines with " + text + " in " + out + " after " + seconds + " s");
    }

    /** A single-node KRaft broker and controller on 127.0.0.1, its storage formatted first as kafka-storage.sh does. */
    private static KafkaRaftServer broker(Path dir) throws Exception {
        String logs = dir.toAbsolutePath().toString();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:18098");
        p.put("listeners", "PLAINTEXT://127.0.0.1:18099,CONTROLLER://127.0.0.1:18098");
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:18099");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logs);
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        KafkaConfig config = new KafkaConfig(p);
        new Formatter().setPrintStream(new PrintStream(java.io.OutputStream.nullOutputStream())).setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1).setDirectories(List.of(logs)).setMetadataLogDirectory(logs).setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.latestProduction()).run();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return server;
    }
}
