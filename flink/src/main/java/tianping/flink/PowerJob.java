package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * The topology, the same for a local MiniCluster, a test and a real cluster:
 *
 * <pre>
 * readings (file / topic) → parse (power-batch's row parser) → event time, watermarks (bounded lateness) ─┐
 * register (file / topic) → key each line ─┬─ mark "registered" ─────────────────────────── union ─ keyBy(enterprise)
 *                                          └─ broadcast (register state) ──────────────────────────────┐   │
 *                                              EnterpriseDay: alerts each slot, decision at day end ←──┴───┘
 *                                              → ChainedFileSink (lines, alerts, one hash chain per partition)
 * </pre>
 */
public final class PowerJob {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PowerJob() {
    }

    public static void build(StreamExecutionEnvironment env, JobConfig c) {
        setUp(env, c.parallelism(), c.checkpointMillis(), c.checkpointDir());

        DataStream<NumberedLine> readingLines;
        DataStream<NumberedLine> registerLines;
        WatermarkStrategy<RegisterLine> registerTime;
        if (c.kafka() == null) {
            readingLines = env.fromSource(FileSource.forRecordStreamFormat(new NumberedLineFormat(), new Path(c.readings())).build(),
                    WatermarkStrategy.noWatermarks(), "读数文件");
            registerLines = env.fromSource(FileSource.forRecordStreamFormat(new NumberedLineFormat(), new Path(c.register())).build(),
                    WatermarkStrategy.noWatermarks(), "企业名录文件");
            // a finite register holds event time back until it is read whole: no enterprise is decided without it
            registerTime = WatermarkStrategy.noWatermarks();
        } else {
            readingLines = env.fromSource(kafka(c, c.readingsTopic()), WatermarkStrategy.noWatermarks(), "读数主题");
            registerLines = env.fromSource(kafka(c, c.registerTopic()), WatermarkStrategy.noWatermarks(), "企业名录主题");
            // a register topic never ends: once it is idle it no longer holds event time back
            registerTime = WatermarkStrategy.<RegisterLine>forMonotonousTimestamps()
                    .withTimestampAssigner((r, t) -> Long.MIN_VALUE).withIdleness(Duration.ofSeconds(10));
        }

        DataStream<FeedEvent> readings = readingLines
                .flatMap(new ReadingsParse(c.kafka() == null, c.pauseEveryLines())).name("解析读数")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<FeedEvent>forGenerator(ctx -> new TickWatermarks<>(Duration.ofMinutes(c.latenessMinutes())))
                        .withTimestampAssigner((e, t) -> e.eventTime())).name("事件时间");
        DataStream<RegisterLine> register = registerLines
                .flatMap((NumberedLine l, Collector<RegisterLine> out) -> {
                    RegisterLine r = key(l);
                    if (r != null) out.collect(r);
                }, TypeInformation.of(RegisterLine.class)).name("名录行")
                .assignTimestampsAndWatermarks(registerTime);
        DataStream<FeedEvent> marks = register.map(r -> FeedEvent.registered(r.key), TypeInformation.of(FeedEvent.class)).name("登记");
        BroadcastStream<RegisterLine> broadcast = register.broadcast(EnterpriseDay.REGISTER);

        readings.union(marks)
                .keyBy(e -> e.enterprise, TypeInformation.of(String.class))
                .connect(broadcast)
                .process(new EnterpriseDay(c), TypeInformation.of(Out.class)).name("企业一日：提醒与决定").uid("enterprise-day")
                .sinkTo(new ChainedFileSink(c.out())).name("结果与决定记录").uid("chained-sink");
    }

    /** Parallelism, exactly-once checkpoints and where they go: the same for both jobs. */
    static void setUp(StreamExecutionEnvironment env, int parallelism, long checkpointMillis, String checkpointDir) {
        env.setParallelism(parallelism);
        if (checkpointMillis > 0) env.enableCheckpointing(checkpointMillis, CheckpointingMode.EXACTLY_ONCE);
        if (checkpointDir != null) {
            // keyed state (a day of readings, a period of packets) outgrows the job manager's in-memory checkpoint storage
            org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
            conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
            env.configure(conf);
        }
    }

    /** A register line keyed by its enterprise; a blank line is no entry (as in power-batch). */
    static RegisterLine key(NumberedLine l) {
        String text = new String(l.bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) return null;
        String uscc = null;
        try {
            JsonNode tree = JSON.readTree(l.bytes);
            uscc = tree.path("enterprise").path("uscc").asText(null);
        } catch (java.io.IOException e) {
            // not JSON: power-batch's check rejects it with its location
        }
        return new RegisterLine(l.line, l.bytes, uscc == null || uscc.isEmpty() ? "register:" + l.line : uscc);
    }

    private static KafkaSource<NumberedLine> kafka(JobConfig c, String topic) {
        return kafka(c.kafka(), topic);
    }

    /** A topic as numbered lines: a message is a line, its offset + 1 its number. */
    static KafkaSource<NumberedLine> kafka(String servers, String topic) {
        return KafkaSource.<NumberedLine>builder()
                .setBootstrapServers(servers)
                .setTopics(topic)
                .setGroupId("tianping-flink")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new KafkaRecordDeserializationSchema<>() {
                    @Override
                    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<NumberedLine> out) {
                        // a message is a line; its offset + 1 stands for the line number in what is reported
                        out.collect(new NumberedLine(record.offset() + 1, record.value()));
                    }

                    @Override
                    public TypeInformation<NumberedLine> getProducedType() {
                        return TypeInformation.of(NumberedLine.class);
                    }
                })
                .build();
    }
}
