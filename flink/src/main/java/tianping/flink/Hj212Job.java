package tianping.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * The HJ 212 monitoring job:
 *
 * <pre>
 * packets (file / topic) → parse (monitoring's reader, line by line) → event time: DataTime, watermarks (bounded lateness)
 *   → keyBy(MN) ─ connect(broadcast register of cases) → Hj212Route: MN → enterprise (held until its case comes;
 *                                                         unregistered / feed_error lines)
 *   → keyBy(enterprise) → Hj212Period: the period's packets; at its end the case decided by batch's steps
 *   → ChainedFileSink (lines, one hash chain per partition)
 * cases (file / topic) → broadcast ────────────┘
 * </pre>
 */
public final class Hj212Job {

    private Hj212Job() {
    }

    public static void build(StreamExecutionEnvironment env, Hj212Config c) {
        PowerJob.setUp(env, c.parallelism(), c.checkpointMillis(), c.checkpointDir());
        DataStream<NumberedLine> packetLines;
        DataStream<NumberedLine> caseLines;
        WatermarkStrategy<RegisterLine> registerTime;
        if (c.kafka() == null) {
            packetLines = env.fromSource(FileSource.forRecordStreamFormat(new NumberedLineFormat(), new Path(c.packets())).build(),
                    WatermarkStrategy.noWatermarks(), "数据包文件");
            caseLines = env.fromSource(FileSource.forRecordStreamFormat(new NumberedLineFormat(), new Path(c.cases())).build(),
                    WatermarkStrategy.noWatermarks(), "案件名录文件");
            // a finite register holds event time back until it is read whole: no case is decided without it
            registerTime = WatermarkStrategy.noWatermarks();
        } else {
            packetLines = env.fromSource(PowerJob.kafka(c.kafka(), c.packetsTopic()), WatermarkStrategy.noWatermarks(), "数据包主题");
            caseLines = env.fromSource(PowerJob.kafka(c.kafka(), c.casesTopic()), WatermarkStrategy.noWatermarks(), "案件名录主题");
            registerTime = WatermarkStrategy.<RegisterLine>forMonotonousTimestamps()
                    .withTimestampAssigner((r, t) -> Long.MIN_VALUE).withIdleness(Duration.ofSeconds(10));
        }
        DataStream<Hj212Event> packets = packetLines.flatMap(new Hj212Parse(c.pauseEveryLines()), TypeInformation.of(Hj212Event.class)).name("读取数据包")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Hj212Event>forGenerator(ctx -> new TickWatermarks<>(Duration.ofMinutes(c.latenessMinutes())))
                        .withTimestampAssigner((e, t) -> e.time)).name("事件时间");
        BroadcastStream<RegisterLine> register = caseLines
                .map(l -> new RegisterLine(l.line, l.bytes, "register:" + l.line), TypeInformation.of(RegisterLine.class)).name("名录行")
                .assignTimestampsAndWatermarks(registerTime)
                .broadcast(Hj212Route.CASES, Hj212Route.OUTLETS);
        packets.keyBy(e -> e.key, TypeInformation.of(String.class))
                .connect(register)
                .process(new Hj212Route(c), TypeInformation.of(Hj212Event.class)).name("排放口 → 企业").uid("hj212-route")
                .keyBy(e -> e.key, TypeInformation.of(String.class))
                .process(new Hj212Period(c), TypeInformation.of(Out.class)).name("企业分析期间：决定").uid("hj212-period")
                .sinkTo(new ChainedFileSink(c.out())).name("结果与决定记录").uid("hj212-sink");
    }
}
