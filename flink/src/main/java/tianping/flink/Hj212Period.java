package tianping.flink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import tianping.batch.CaseBatchSteps;
import tianping.batch.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One enterprise's analysis period, keyed by enterprise: the packets of its outlets kept in keyed state, its case
 * (the register line) beside them. When the watermark passes the end of the period (event time: the newest
 * packet's DataTime less the allowed lateness) the packets are written, in feed order, each ending in CR LF as
 * HJ 212 packets do, as the one data file the case names, and the case is decided by batch's own steps
 * ({@link CaseBatchSteps}: the monitoring derivation — reader, CRC, flags, hourly and daily means, exceedances —
 * then the Decider, rule set loaded once per task). So the line and the log record are what {@code batch} writes
 * for that case with that file. A packet that comes after its case was decided is reported as late, never dropped.
 *
 * <p>No early alert: the monitoring rules define none. An exceedance is a finding decided at the end of the
 * period (REM-QZ's 提醒 in 衢州 is one of those decisions); nothing in the rule set or parameters.csv says an
 * hourly exceedance is to be notified before then, so the job does not invent one.
 */
public final class Hj212Period extends KeyedProcessFunction<String, Hj212Event, Out> {

    private final Hj212Config config;
    private transient CaseBatchSteps steps;
    private transient Path work;
    private transient ListState<Hj212Event> packets;
    private transient ValueState<Hj212Event> registered;
    private transient ValueState<Boolean> decided;

    Hj212Period(Hj212Config config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        RuleSet ruleSet = config.rules() == null ? RuleSet.bundled() : RuleSet.fromDirectory(Path.of(config.rules()));
        steps = new CaseBatchSteps(new Decider(ruleSet));
        Path base = Path.of(config.workDir() != null ? config.workDir() : System.getProperty("java.io.tmpdir"));
        Files.createDirectories(base);
        work = Files.createTempDirectory(base, "tianping-hj212-");
        packets = getRuntimeContext().getListState(new ListStateDescriptor<>("hj212-packets", Hj212Event.class));
        registered = getRuntimeContext().getState(new ValueStateDescriptor<>("hj212-case", Hj212Event.class));
        decided = getRuntimeContext().getState(new ValueStateDescriptor<>("hj212-decided", Boolean.class));
    }

    @Override
    public void close() throws Exception {
        if (work != null) deleteTree(work);
    }

    @Override
    public void processElement(Hj212Event e, Context ctx, Collector<Out> out) throws Exception {
        if (e.kind == Hj212Event.LINE) {
            out.collect(Out.line(e.message));
            return;
        }
        if (e.kind == Hj212Event.REGISTERED && e.periodEnd == Long.MIN_VALUE) {
            out.collect(decide(e, List.of()));
            return;
        }
        if (Boolean.TRUE.equals(decided.value())) {
            if (e.kind == Hj212Event.PACKET) out.collect(Out.line(late(ctx.getCurrentKey(), e)));
            return;
        }
        if (e.kind == Hj212Event.REGISTERED) registered.update(e);
        else packets.add(slim(e));
        ctx.timerService().registerEventTimeTimer(e.periodEnd - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Out> out) throws Exception {
        Hj212Event c = registered.value();
        // a timer of a period a register update has since moved
        if (c == null || Boolean.TRUE.equals(decided.value()) || timestamp != c.periodEnd - 1) return;
        List<Hj212Event> all = new ArrayList<>();
        for (Hj212Event p : packets.get()) all.add(p);
        all.sort(Comparator.comparingLong(p -> p.line));
        out.collect(decide(c, all));
        decided.update(true);
        packets.clear();
    }

    /** Writes the packets as the case's data file in this task's work folder and decides the case there. */
    private Out decide(Hj212Event c, List<Hj212Event> all) throws IOException {
        Hj212Register reg = Hj212Register.of(c.line, c.bytes);
        Path file = reg == null ? null : work.resolve(reg.dataName()).normalize();
        boolean inside = file != null && file.startsWith(work) && !file.equals(work);
        if (inside) {
            Files.createDirectories(file.getParent());
            try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                for (Hj212Event p : all) {
                    o.write(p.bytes);
                    o.write('\r');
                    o.write('\n');
                }
            }
        }
        try {
            PowerBatchSteps.Decided d = steps.decide(config.cases() + ":" + c.line, c.bytes, work);
            return Out.decided(d);
        } finally {
            if (inside) Files.deleteIfExists(file);
        }
    }

    /** What the period keeps of a packet: its line and bytes. */
    private static Hj212Event slim(Hj212Event e) {
        Hj212Event s = new Hj212Event();
        s.kind = Hj212Event.PACKET;
        s.line = e.line;
        s.bytes = e.bytes;
        return s;
    }

    private String late(String key, Hj212Event e) throws IOException {
        Hj212Event c = registered.value();
        boolean after = c != null && e.time != Long.MIN_VALUE && e.time >= c.periodEnd;
        String when = e.time == Long.MIN_VALUE ? "（分包的后续部分，无数据时间）"
                : "、数据时间 " + Instant.ofEpochMilli(e.time).atOffset(ZoneOffset.UTC).toLocalDateTime();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("enterprise", key);
        n.put("status", "late");
        n.putArray("errors").addObject().put("file", config.packets()).put("path", "line " + e.line).put("code", "packet_late")
                .put("message", "第 " + e.line + " 行，MN=" + e.mn + when + " 的数据包，在该企业的案件（名录第 " + (c == null ? "?" : c.line)
                        + " 行）作出决定之后才到达（允许迟到 " + config.latenessMinutes() + " 分钟），未计入决定；"
                        + (after ? "它在该案件分析期间之后，名录中没有该企业之后期间的案件" : "须重新核查该案件"));
        return n.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
