package tianping.flink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import tianping.batch.CaseBatchSteps;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyed by MN: routes each packet to the enterprise whose case has that outlet, read from broadcast state (the
 * register of cases: a new case needs no restart). A packet of an MN no case has yet is held in keyed state; it is
 * routed when a case with that outlet is registered, or, if none is by the end of its day (event time), reported
 * in an {@code unregistered} line, never dropped. Lines the reader refused are reported as {@code feed_error} lines.
 *
 * <p>The register: a file is a snapshot, so a second line for an enterprise already registered, or one claiming an
 * outlet another case has, is rejected with its location (the first stays). A topic is a changelog: a later
 * message for an enterprise replaces its case (its outlets re-routed from then on), with a {@code register_updated}
 * line saying so. Every task applies the same lines in the same order; only task 0 writes the lines about them.
 */
public final class Hj212Route extends KeyedBroadcastProcessFunction<String, Hj212Event, RegisterLine, Hj212Event> {

    static final MapStateDescriptor<String, RegisterLine> CASES = new MapStateDescriptor<>("hj212-cases", String.class, RegisterLine.class);
    /** MN → "enterprise\tperiod end (epoch ms)". */
    static final MapStateDescriptor<String, String> OUTLETS = new MapStateDescriptor<>("hj212-outlets", String.class, String.class);
    private static final ListStateDescriptor<Hj212Event> PENDING = new ListStateDescriptor<>("hj212-pending", Hj212Event.class);

    private final Hj212Config config;
    private final boolean changelog;
    private transient ListState<Hj212Event> pending;
    private transient boolean reporter;

    Hj212Route(Hj212Config config) {
        this.config = config;
        this.changelog = config.kafka() != null;
    }

    @Override
    public void open(OpenContext context) {
        pending = getRuntimeContext().getListState(PENDING);
        reporter = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
    }

    @Override
    public void processBroadcastElement(RegisterLine r, Context ctx, Collector<Hj212Event> out) throws Exception {
        String source = config.cases() + ":" + r.line;
        Hj212Register reg = Hj212Register.of(r.line, r.json);
        if (reg == null) {
            // not a JSON object: batch's own steps reject it, at once
            if (reporter) out.collect(Hj212Event.registered("register:" + r.line, r.line, r.json, Long.MIN_VALUE));
            return;
        }
        if (reg.error() != null) {
            if (reporter) out.collect(Hj212Event.output(reg.key(), CaseBatchSteps.rejected(source, reg.caseId(), reg.errorPath(), "case_value_error", reg.error())));
            return;
        }
        BroadcastState<String, RegisterLine> cases = ctx.getBroadcastState(CASES);
        BroadcastState<String, String> outlets = ctx.getBroadcastState(OUTLETS);
        RegisterLine earlier = cases.get(reg.key());
        if (earlier != null && !changelog) {
            if (reporter) out.collect(Hj212Event.output(reg.key(), CaseBatchSteps.rejected(source, reg.caseId(), "$.enterprise.uscc", "case_value_error",
                    "企业 " + reg.key() + " 在名录中重复（第 " + earlier.line + " 行已登记，以该行为准）")));
            return;
        }
        for (int i = 0; i < reg.mns().size(); i++) {
            String owner = outlets.get(reg.mns().get(i));
            if (owner != null && !owner.startsWith(reg.key() + "\t")) {
                String other = owner.substring(0, owner.indexOf('\t'));
                if (reporter) out.collect(Hj212Event.output(reg.key(), CaseBatchSteps.rejected(source, reg.caseId(), "$.monitoring.outlets",
                        "case_value_error", "排放口 MN " + reg.mns().get(i) + " 已属于名录第 " + cases.get(other).line + " 行的企业 " + other
                                + "：一个数采仪的数据包只能归入一个案件")));
                return;
            }
        }
        if (earlier != null) {
            Hj212Register before = Hj212Register.of(earlier.line, earlier.json);
            for (String mn : before.mns()) outlets.remove(mn);
            if (reporter) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("source", source);
                n.put("status", "register_updated");
                n.put("enterprise", reg.key());
                n.put("caseId", reg.caseId());
                n.put("replaces", config.cases() + ":" + earlier.line);
                out.collect(Hj212Event.output(reg.key(), n.toString()));
            }
        }
        cases.put(reg.key(), r);
        String target = reg.key() + "\t" + reg.periodEnd();
        for (String mn : reg.mns()) outlets.put(mn, target);
        if (reporter) out.collect(Hj212Event.registered(reg.key(), r.line, r.json, reg.periodEnd()));
        // packets that came before their case: routed now, in the order they came
        ctx.applyToKeyedState(PENDING, (mn, state) -> {
            if (!reg.mns().contains(mn)) return;
            for (Hj212Event e : state.get()) out.collect(e.routed(reg.key(), reg.periodEnd()));
            state.clear();
        });
    }

    @Override
    public void processElement(Hj212Event e, ReadOnlyContext ctx, Collector<Hj212Event> out) throws Exception {
        if (e.kind == Hj212Event.UNREADABLE) {
            out.collect(Hj212Event.output(FeedEvent.FEED, feedError(e)));
            return;
        }
        String target = ctx.getBroadcastState(OUTLETS).get(e.mn);
        if (target != null) {
            int tab = target.indexOf('\t');
            out.collect(e.routed(target.substring(0, tab), Long.parseLong(target.substring(tab + 1))));
            return;
        }
        pending.add(e);
        // reported at the end of its day unless a case claims the outlet by then
        long day = 86_400_000L;
        long at = e.time == Long.MIN_VALUE ? Long.MAX_VALUE - 1 : Math.floorDiv(e.time, day) * day + day - 1;
        ctx.timerService().registerEventTimeTimer(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Hj212Event> out) throws Exception {
        List<Long> lines = new ArrayList<>();
        for (Hj212Event e : pending.get()) lines.add(e.line);
        if (lines.isEmpty()) return;
        pending.clear();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("source", config.packets());
        n.put("status", "unregistered");
        n.put("mn", ctx.getCurrentKey());
        n.put("packets", lines.size());
        n.putArray("errors").addObject().put("file", config.packets()).put("path", "line " + lines.get(0)).put("code", "packet_unregistered")
                .put("message", "MN=" + ctx.getCurrentKey() + " 的 " + lines.size() + " 个数据包（第 " + lines.get(0) + " 行起，至第 "
                        + lines.get(lines.size() - 1) + " 行）不属于名录中任何案件的排放口，未核查");
        out.collect(Hj212Event.output(ctx.getCurrentKey(), n.toString()));
    }

    private String feedError(Hj212Event e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("source", config.packets());
        n.put("status", "feed_error");
        n.putArray("errors").addObject().put("file", config.packets()).put("path", "line " + e.line).put("code", e.code)
                .put("message", "第 " + e.line + " 行：" + e.message + "（无法确定所属排放口，不计入任何案件）");
        return n.toString();
    }
}
