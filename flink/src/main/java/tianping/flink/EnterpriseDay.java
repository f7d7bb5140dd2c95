package tianping.flink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import tianping.batch.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.power.derive.PowerAnalysis;
import tianping.power.episodes.Anomaly;
import tianping.power.episodes.Kind;
import tianping.power.episodes.Signals;
import tianping.power.episodes.TreatmentOffDetector;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Grid;
import tianping.power.readings.Role;
import tianping.power.readings.RowDigest;
import tianping.power.readings.SeriesBuilder;
import tianping.read.CaseRejected;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One enterprise's day, keyed by enterprise: its readings kept in keyed state in arrival order (so recovery
 * replays exactly what power-batch would have fed), its register entry read from broadcast state (a new or
 * changed enterprise needs no restart). At the end of each slot (event time) the treatment-off detector runs on
 * the readings so far, and an episode it proves is emitted at once as an alert (提醒) with the batch's evidence
 * wording; when the watermark passes the end of the day the enterprise is derived and decided by power-batch's
 * own steps, with the rule set loaded once per task. A reading that arrives after its day was decided is reported
 * as late, never dropped.
 */
public final class EnterpriseDay extends KeyedBroadcastProcessFunction<String, FeedEvent, RegisterLine, Out> {

    static final MapStateDescriptor<String, RegisterLine> REGISTER =
            new MapStateDescriptor<>("register", String.class, RegisterLine.class);

    /** Accumulators: from the arrival of the last reading of the slot that proved an episode to its alert (ms). */
    static final String LATENCY_SUM = "alert-latency-ms-sum";
    static final String LATENCY_COUNT = "alert-latency-count";
    static final String LATENCY_MAX = "alert-latency-ms-max";

    private final JobConfig config;
    private transient PowerBatchSteps steps;
    private transient Grid grid;
    private transient long dayEnd;
    private transient Map<String, Work> cache;
    private transient ListState<FeedEvent> rows;
    private transient ListState<String> alerted;
    private transient ValueState<Boolean> decided;
    private transient LongCounter latencySum;
    private transient LongCounter latencyCount;
    private transient LongMaximum latencyMax;

    /** What is kept in memory only, rebuilt from keyed state after a recovery: the grid filled so far. */
    private static final class Work {
        final RegisterLine line;
        final PowerBatchSteps.Registered registered;
        final SeriesBuilder builder;
        final boolean treatment;
        final Map<String, Integer> analysed = new HashMap<>();
        /** Per slot, when its last reading arrived (transient: the latency figure after a recovery is approximate). */
        final long[] arrived;
        final Set<String> alerted = new HashSet<>();

        Work(RegisterLine line, PowerBatchSteps.Registered registered, SeriesBuilder builder, int slots) {
            this.line = line;
            this.registered = registered;
            this.builder = builder;
            this.arrived = new long[slots];
            this.treatment = registered.section() != null
                    && registered.section().channels().stream().anyMatch(c -> c.role() == Role.TREATMENT);
        }
    }

    EnterpriseDay(JobConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        RuleSet ruleSet = config.rules() == null ? RuleSet.bundled() : RuleSet.fromDirectory(Path.of(config.rules()));
        steps = new PowerBatchSteps(new Decider(ruleSet), Path.of(config.register()), Path.of(config.readings()), config.date());
        grid = steps.grid();
        dayEnd = grid.end().toInstant(ZoneOffset.UTC).toEpochMilli();
        cache = new HashMap<>();
        rows = getRuntimeContext().getListState(new ListStateDescriptor<>("readings", FeedEvent.class));
        alerted = getRuntimeContext().getListState(new ListStateDescriptor<>("alerted", String.class));
        decided = getRuntimeContext().getState(new ValueStateDescriptor<>("decided", Boolean.class));
        latencySum = getRuntimeContext().getLongCounter(LATENCY_SUM);
        latencyCount = getRuntimeContext().getLongCounter(LATENCY_COUNT);
        latencyMax = new LongMaximum();
        getRuntimeContext().addAccumulator(LATENCY_MAX, latencyMax);
    }

    /**
     * A register file is a snapshot: a second line for an enterprise is rejected as power-batch rejects it (its
     * readings count for the first line). A register topic is a changelog: a later message replaces the entry (the
     * grid is rebuilt from keyed state at the next slot), with a {@code register_updated} line saying so. Every task
     * applies the same lines in the same order; only task 0 writes the lines about them.
     */
    @Override
    public void processBroadcastElement(RegisterLine line, Context ctx, Collector<Out> out) throws Exception {
        RegisterLine earlier = ctx.getBroadcastState(REGISTER).get(line.key);
        boolean reporter = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
        if (earlier != null && config.kafka() == null) {
            if (reporter) out.collect(Out.line(steps.duplicate(line.line, line.json)));
            return;
        }
        if (earlier != null && reporter) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("source", config.register() + ":" + line.line);
            n.put("status", "register_updated");
            n.put("enterprise", line.key);
            n.put("replaces", config.register() + ":" + earlier.line);
            out.collect(Out.line(n.toString()));
        }
        ctx.getBroadcastState(REGISTER).put(line.key, line);
    }

    @Override
    public void processElement(FeedEvent e, ReadOnlyContext ctx, Collector<Out> out) throws Exception {
        String key = ctx.getCurrentKey();
        if (Boolean.TRUE.equals(decided.value())) {
            if (e.kind != FeedEvent.REGISTERED) out.collect(Out.line(late(key, e)));
            return;
        }
        ctx.timerService().registerEventTimeTimer(dayEnd - 1);
        if (e.kind == FeedEvent.REGISTERED) return;
        e.enterprise = null; // the key; the channel id shared, not one copy per reading kept for the day
        if (e.channel != null) e.channel = e.channel.intern();
        rows.add(e);
        if (e.kind != FeedEvent.READING) return;
        Work w = cache.get(key);
        if (w != null && w.builder != null && w.line == ctx.getBroadcastState(REGISTER).get(key)) {
            w.builder.add(e.channel, e.minute, e.kw, 0, e.line);
        }
        int slot = grid.slotOf(e.minute);
        if (w != null && slot >= 0 && slot < w.arrived.length) w.arrived[slot] = Math.max(w.arrived[slot], e.arrivedAt);
        if (slot >= 0 && slot + 1 < grid.slots()) {
            ctx.timerService().registerEventTimeTimer(grid.timeOf(slot + 1).toInstant(ZoneOffset.UTC).toEpochMilli() - 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Out> out) throws Exception {
        if (Boolean.TRUE.equals(decided.value())) return;
        String key = ctx.getCurrentKey();
        if (timestamp == dayEnd - 1) {
            decide(key, ctx.getBroadcastState(REGISTER), out);
        } else {
            Work w = work(key, ctx.getBroadcastState(REGISTER));
            if (w != null && w.treatment && w.builder != null) alerts(w, timestamp + 1, out);
        }
    }

    /** The grid filled so far, from memory or, after a recovery or a register change, rebuilt from keyed state. */
    private Work work(String key, ReadOnlyBroadcastState<String, RegisterLine> register) throws Exception {
        RegisterLine line = register.get(key);
        if (line == null) return null;
        Work w = cache.get(key);
        if (w != null && w.line == line) return w;
        PowerBatchSteps.Registered r = steps.register(line.line, line.json);
        SeriesBuilder b = steps.builder(r);
        if (b != null) {
            for (FeedEvent e : rows.get()) if (e.kind == FeedEvent.READING) b.add(e.channel, e.minute, e.kw, 0, e.line);
        }
        w = new Work(line, r, b, grid.slots());
        for (String a : alerted.get()) w.alerted.add(a);
        cache.put(key, w);
        return w;
    }

    /**
     * Runs the P1 detector on the readings so far; only when it finds an episode that is new or has grown is the
     * whole derivation run (报备 suppress, as in the batch), and each live P1 episode not yet alerted is emitted.
     */
    private void alerts(Work w, long through, Collector<Out> out) throws Exception {
        EnterpriseSeries series = before(w.builder.build(), through);
        Signals sig = new Signals(series, steps.thresholds());
        List<Anomaly> raw = new ArrayList<>();
        new TreatmentOffDetector().detect(sig, raw);
        boolean grown = false;
        for (Anomaly a : raw) {
            String k = a.subject() + "@" + a.from();
            Integer to = w.analysed.get(k);
            if (to == null || to < a.to()) {
                w.analysed.put(k, a.to());
                grown = true;
            }
        }
        if (!grown) return;
        PowerAnalysis.Result result;
        try {
            result = PowerAnalysis.analyze(steps.where(w.registered), w.registered.section(), series, steps.thresholds(), steps.law());
        } catch (CaseRejected e) {
            return; // the decision at the end of the day reports it
        }
        for (Anomaly a : result.anomalies()) {
            if (a.kind() != Kind.P1 || !a.live()) continue;
            String k = series.channel(a.subject()).id() + "@" + grid.timeOf(a.from());
            if (!w.alerted.add(k)) continue;
            alerted.add(k);
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("status", "提醒");
            n.put("kind", a.kind().name());
            n.put("enterprise", w.registered.uscc());
            n.put("caseId", w.registered.caseId());
            n.put("line", w.registered.line());
            n.put("channel", series.channel(a.subject()).id());
            n.put("start", grid.timeOf(a.from()).toString());
            n.put("provenAt", grid.timeOf(a.to()).toString());
            n.put("readingsThrough", java.time.Instant.ofEpochMilli(through).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
            n.put("evidence", a.evidence());
            out.collect(Out.alert(n.toString()));
            long arrival = a.to() - 1 < w.arrived.length ? w.arrived[a.to() - 1] : 0;
            if (arrival > 0) {
                long ms = System.currentTimeMillis() - arrival;
                latencySum.add(ms);
                latencyCount.add(1);
                latencyMax.add(ms);
            }
        }
    }

    /**
     * The readings of the slots before {@code through} only: what the alert of that slot's end rests on, whatever
     * else has arrived by then. Readings of later slots are in the grid whenever the watermark lags behind the data
     * (the allowed lateness; after a restart, when the keyed tasks' event time waits for every input, the bounded
     * register's restored tasks included, while the readings source replays hours of readings into state). Cut
     * here, an alert is a function of event time alone: the same slot, window and evidence in every run.
     */
    private EnterpriseSeries before(EnterpriseSeries s, long through) {
        int end = grid.slotOf(Math.floorDiv(through, 60_000L)); // through is a slot's start (a timer at its end − 1 ms)
        if (end < 0) return s;
        float[][] kw = new float[s.channels().size()][grid.slots()];
        for (int c = 0; c < kw.length; c++) {
            for (int slot = 0; slot < grid.slots(); slot++) kw[c][slot] = slot < end ? (float) s.kw(c, slot) : Float.NaN;
        }
        return new EnterpriseSeries(s.enterprise(), s.channels(), grid, kw, s.stats(), s.files());
    }

    private void decide(String key, ReadOnlyBroadcastState<String, RegisterLine> register, Collector<Out> out) throws Exception {
        if (key.equals(FeedEvent.FEED)) {
            List<Long> lines = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (FeedEvent e : rows.get()) {
                lines.add(e.line);
                messages.add(e.message);
            }
            String line = steps.feedError(lines, messages);
            if (line != null) out.collect(Out.line(line));
        } else if (register.get(key) == null) {
            int n = 0;
            for (FeedEvent e : rows.get()) if (e.kind == FeedEvent.READING) n++;
            if (n > 0) out.collect(Out.line(steps.unregistered(key, n)));
        } else {
            Work w = work(key, register);
            RowDigest digest = new RowDigest();
            for (FeedEvent e : rows.get()) if (e.kind == FeedEvent.READING) digest.add(e.row, 0, e.row.length);
            PowerBatchSteps.Decided d = steps.decide(w.registered, w.builder, digest);
            out.collect(Out.decided(d));
        }
        decided.update(true);
        rows.clear();
        cache.remove(key);
    }

    private String late(String key, FeedEvent e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("enterprise", key);
        n.put("status", "late");
        String what = e.kind == FeedEvent.READING
                ? "测点 " + e.channel + "、时间 " + tianping.power.readings.Timestamps.toTime(e.minute) + " 的读数"
                : "无法读取的一行（" + e.message + "）";
        n.putArray("errors").addObject().put("file", config.readings()).put("path", "line " + e.line).put("code", "reading_late")
                .put("message", "第 " + e.line + " 行，" + what + "，在该日已作出决定之后才到达（允许迟到 " + config.latenessMinutes()
                        + " 分钟），未计入该日的决定；须重新核查该企业当日");
        return n.toString();
    }
}
