package tianping.power.province;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One enterprise's planted day: its channels' 96 readings (NaN = not sent), its case skeleton with the "power"
 * section (reports, orders, alerts as its seed needs), and the anomalies planted, as the ground truth.
 * Clean profiles stay clear of every threshold: production at 60–95 % of rated or at 2 % standby, treatment
 * at 70–90 % while anything it serves runs, single missing readings only, noise ±3 %.
 */
final class Day {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int SLOTS = 96;

    private final Plan p;
    private final Random random;
    private final LocalDate date;
    private final float[][] kw;
    private final double[] rated;
    private final ObjectNode power = F.objectNode();
    private final List<ObjectNode> truth = new ArrayList<>();
    private ObjectNode history;
    private final int onStart;
    private final int onEnd;

    /** One enterprise as planned: identity, grade, seed and how many channels of each role it has. */
    record Plan(int index, String uscc, String region, String industry, String grade, Seed seed, int production,
                int treatment, int total) {
        int channels() {
            return production + treatment + total;
        }
    }

    Day(Plan plan, Random random, LocalDate date) {
        this.p = plan;
        this.random = random;
        this.date = date;
        int channels = p.production() + p.treatment() + p.total();
        kw = new float[channels][SLOTS];
        rated = new double[channels];
        int shift = random.nextInt(10);
        if (p.seed() == Seed.P6) {
            onStart = 80;
            onEnd = 92;
        } else if (shift < 3) {
            onStart = 0;
            onEnd = SLOTS;
        } else if (shift < 8) {
            onStart = 32;
            onEnd = 80;
        } else {
            onStart = 24;
            onEnd = 88;
        }
        if (p.production() == 0) meterOnly();
        else full();
        if (p.seed() == Seed.CLEAN) {
            for (float[] c : kw) for (int s = 0; s < SLOTS; s++) if (random.nextInt(4000) == 0) c[s] = Float.NaN;
        }
    }

    static String channelId(int production, int treatment, int c) {
        if (c < production) return "P" + (c + 1);
        if (c < production + treatment) return "T" + (c - production + 1);
        return "M" + (c - production - treatment + 1);
    }

    float[][] readings() {
        return kw;
    }

    List<ObjectNode> truth() {
        return truth;
    }

    private String id(int c) {
        return channelId(p.production(), p.treatment(), c);
    }

    private double noise(double v) {
        return v * (0.97 + 0.06 * random.nextDouble());
    }

    private void meterOnly() {
        rated[0] = 100 + random.nextInt(700);
        boolean night = p.seed() == Seed.P4_NIGHT;
        for (int s = 0; s < SLOTS; s++) {
            boolean isNight = s >= 88 || s < 24;
            boolean isWork = s >= 32 && s < 80;
            double level = night ? (isNight ? 0.6 : 0.2) : (isWork ? 0.5 : 0.05);
            kw[0][s] = (float) noise(level * rated[0]);
        }
        if (night) truth("P4", 0, 0, SLOTS, false);
    }

    private void full() {
        int prod = p.production();
        int treat = p.treatment();
        int total = prod + treat;
        double[] level = new double[prod];
        for (int c = 0; c < prod; c++) {
            rated[c] = 50 + random.nextInt(450);
            level[c] = switch (p.seed()) {
                case CLEAN_ALERT_B -> 0.6 + 0.1 * random.nextDouble();
                case P5 -> 0.8 + 0.1 * random.nextDouble();
                default -> 0.6 + 0.3 * random.nextDouble();
            };
            for (int s = 0; s < SLOTS; s++) kw[c][s] = (float) noise((s >= onStart && s < onEnd ? level[c] : 0.02) * rated[c]);
        }
        for (int t = prod; t < total; t++) {
            rated[t] = 10 + random.nextInt(50);
            double on = 0.7 + 0.2 * random.nextDouble();
            for (int s = 0; s < SLOTS; s++) {
                boolean running = s >= onStart && s < onEnd;
                kw[t][s] = (float) noise((running ? on : 0.01) * rated[t]);
            }
        }
        double sumRated = 0;
        for (int c = 0; c < total; c++) sumRated += rated[c];
        rated[total] = Math.round(sumRated * 1.2);
        plant(prod);
        for (int s = 0; s < SLOTS; s++) {
            double sum = 0;
            for (int c = 0; c < total; c++) if (!Float.isNaN(kw[c][s])) sum += kw[c][s];
            kw[total][s] = (float) (sum + 0.02 * sumRated);
        }
    }

    /** Plants the seed's anomaly in the readings and the section, and records it as truth. */
    private void plant(int prod) {
        int t1 = prod;
        int a = onStart + 8;
        switch (p.seed()) {
            case P1, P1_FAULT_REPORTED, P1_PRE_REPORTED -> {
                int length = 8 + random.nextInt(17);
                for (int s = a; s < a + length; s++) kw[t1][s] = (float) (0.01 * random.nextDouble() * rated[t1]);
                truth("P1", t1, a, a + length, p.seed() == Seed.P1_PRE_REPORTED);
                if (p.seed() == Seed.P1) truth("P7", t1, a, a + length, false);
                if (p.seed() == Seed.P1_FAULT_REPORTED) report("故障", t1, time(a), null, time(a).plusHours(3), true);
                if (p.seed() == Seed.P1_PRE_REPORTED) report("检修", t1, time(a), time(a + length), time(0).minusHours(8), null);
            }
            case P2 -> {
                for (int s = a; s < a + 12; s++) kw[t1][s] = (float) noise(0.15 * rated[t1]);
                truth("P2", t1, a, a + 12, false);
            }
            case P3 -> {
                for (int s = 0; s < SLOTS; s++) kw[t1][s] = (float) (0.005 * rated[t1]);
                truth("P3", t1, 0, SLOTS, false);
                truth("P7", t1, 0, SLOTS, false);
            }
            case P4 -> {
                int first = onStart + 4;
                for (int k = 0; k < 4; k++) kw[t1][first + 6 * k] = (float) (0.02 * rated[t1]);
                truth("P4", t1, first, first + 19, false);
            }
            case P5 -> {
                alert();
                for (int c = 0; c < prod; c++) truth("P5", c, onStart, onEnd, false);
            }
            case CLEAN_ALERT_A, CLEAN_ALERT_B -> alert();
            case P6 -> {
                order();
                for (int c = 0; c < prod; c++) truth("P6", c, onStart, onEnd, false);
            }
            case P8 -> {
                int c = random.nextInt(kw.length - 1);
                Arrays.fill(kw[c], 30, 38, Float.NaN);
                truth("P8", c, 30, 38, false);
            }
            default -> {
            }
        }
    }

    private LocalDateTime time(int slot) {
        return date.atStartOfDay().plusMinutes(15L * slot);
    }

    private void truth(String kind, int channel, int from, int to, boolean suppressed) {
        ObjectNode t = F.objectNode();
        t.put("kind", kind);
        t.put("channel", id(channel));
        t.put("start", time(from).toString());
        t.put("end", time(to).toString());
        t.put("suppressed", suppressed);
        truth.add(t);
    }

    private void report(String kind, int channel, LocalDateTime from, LocalDateTime to, LocalDateTime reportedAt, Boolean sudden) {
        ObjectNode r = (power.has("reports") ? (ArrayNode) power.get("reports") : power.putArray("reports")).addObject();
        r.put("kind", kind);
        r.putArray("channels").add(id(channel));
        r.put("from", from.toString());
        if (to != null) r.put("to", to.toString());
        r.put("reportedAt", reportedAt.toString());
        if (sudden != null) r.put("sudden", sudden);
    }

    private void alert() {
        ObjectNode a = power.putArray("alerts").addObject();
        a.put("level", "橙色");
        a.put("from", time(0).toString());
        a.put("to", time(SLOTS).toString());
    }

    private void order() {
        history = F.objectNode();
        ObjectNode h = history.putArray("findings").addObject();
        h.put("id", "H1");
        h.put("violation", "air_exceedance");
        h.put("actDate", date.minusDays(25).toString());
        h.put("discoveredOn", date.minusDays(24).toString());
        h.put("decisionDate", date.minusDays(12).toString());
        h.put("outcome", "罚款");
        h.put("fine", 150000);
        ObjectNode o = history.putArray("orders").addObject();
        o.put("id", "O1");
        o.put("kind", "停产整治");
        o.put("relatesTo", "H1");
        o.put("servedOn", date.minusDays(10).toString());
        power.putArray("orders").addObject().put("order", "O1");
    }

    ObjectNode caseJson(String caseId) {
        ObjectNode c = F.objectNode();
        c.put("caseId", caseId);
        c.put("decisionDate", date.plusDays(10).toString());
        ObjectNode e = c.putObject("enterprise");
        e.put("uscc", p.uscc());
        e.put("name", "湖南某" + p.industry() + "企业" + (p.index() + 1));
        e.put("regionCode", p.region());
        e.put("regionName", "湖南省");
        e.put("industry", p.industry());
        e.put("keyDischarger", true);
        e.put("permitClass", "重点管理");
        e.put("performanceGrade", p.grade());
        if (history != null) c.set("history", history);
        ObjectNode period = F.objectNode();
        period.put("from", time(0).toString());
        period.put("to", time(SLOTS).toString());
        ObjectNode section = c.putObject("power");
        section.set("period", period);
        ArrayNode channels = section.putArray("channels");
        int prod = p.production();
        for (int ch = 0; ch < kw.length; ch++) {
            ObjectNode n = channels.addObject();
            n.put("id", id(ch));
            boolean total = ch >= prod + p.treatment();
            n.put("role", total ? "总表" : ch < prod ? "生产" : "治污");
            n.put("ratedKw", rated[ch]);
            if (ch >= prod && !total) {
                n.put("medium", (ch - prod) % 3 == 2 ? "水" : "大气");
                n.putArray("serves").add(id((ch - prod) % prod));
            }
        }
        power.fields().forEachRemaining(f -> section.set(f.getKey(), f.getValue()));
        ObjectNode finding = section.putObject("finding");
        finding.put("discoveredOn", date.plusDays(1).toString());
        finding.put("harm", "无");
        return c;
    }
}
