package tianping.power.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A synthetic province-day of power monitoring, deterministic for a seed: by default the Hunan platform's size
 * (seeds/001: 7,056 enterprises, 60,414 measuring points, one reading every 15 minutes = 5.8 M readings).
 * Writes three files: the enterprises (JSON Lines, one case skeleton with its "power" section each), the
 * readings (CSV in tick order, as a polling platform exports them, with resent duplicates arriving late, a few
 * single-reading gaps, one conflicting reading per CONFLICT enterprise and one unregistered enterprise), and
 * the ground truth (JSON Lines: each enterprise's expected status and every anomaly planted in it).
 */
public final class ProvinceGenerator {

    public static final String ENTERPRISES = "enterprises.jsonl";
    public static final String READINGS = "readings.csv";
    public static final String TRUTH = "truth.jsonl";
    /** The feed carries this enterprise, which the enterprise register lacks. */
    public static final String UNREGISTERED = "91430000MA00000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REGIONS = {"430102", "430103", "430111", "430121", "430202", "430203", "430302", "430402",
            "430502", "430602", "430702", "430802", "430902", "431002", "431102", "431202", "431302", "433101"};
    private static final String[] INDUSTRIES = {"电镀", "化工", "铸造", "水泥", "陶瓷", "印染", "造纸", "有色金属冶炼", "家具制造", "机械加工"};
    private static final String[] GRADES = {"A", "B", "B-", "C", "D", "引领性", "未分级"};
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int SLOTS = 96;

    /** Size of the province and share of each planted anomaly (per mille of enterprises). */
    public record Spec(int enterprises, int channels, LocalDate date, long seed, int perMille) {
        public static Spec hunan(LocalDate date) {
            return new Spec(7056, 60414, date, 20240619L, 10);
        }
    }

    /** What was written. */
    public record Summary(int enterprises, int channels, long readings, int anomalies) {
    }

    private final Spec spec;
    private final Random random;

    public ProvinceGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    public Summary write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Day.Plan> plans = plan();
        float[][][] kw = new float[plans.size()][][];
        int anomalies = 0;
        try (Writer enterprises = writer(dir.resolve(ENTERPRISES)); Writer truth = writer(dir.resolve(TRUTH))) {
            for (Day.Plan p : plans) {
                Day day = new Day(p, random, spec.date());
                kw[p.index()] = day.readings();
                enterprises.write(JSON.writeValueAsString(day.caseJson(caseId(p))));
                enterprises.write('\n');
                ObjectNode t = JSON.createObjectNode();
                t.put("enterprise", p.uscc());
                t.put("status", p.seed().status());
                t.put("seed", p.seed().name());
                t.put("description", p.seed().description());
                ArrayNode list = t.putArray("anomalies");
                day.truth().forEach(list::add);
                anomalies += day.truth().size();
                truth.write(JSON.writeValueAsString(t));
                truth.write('\n');
            }
        }
        long readings = readings(dir.resolve(READINGS), plans, kw);
        return new Summary(plans.size(), plans.stream().mapToInt(Day.Plan::channels).sum(), readings, anomalies);
    }

    private String caseId(Day.Plan p) {
        return String.format("HN-%s-%05d", spec.date().toString().replace("-", ""), p.index() + 1);
    }

    /** Channel counts summing exactly to the province's measuring points; seeds assigned at random. */
    private List<Day.Plan> plan() {
        int n = spec.enterprises();
        int totalOnly = Math.max(1, n / 24);
        int rest = n - totalOnly;
        int channelsLeft = spec.channels() - totalOnly;
        int base = channelsLeft / rest;
        int extra = channelsLeft - base * rest;
        if (base < 3) throw new IllegalArgumentException("测点数过少：每家企业至少需要 3 个测点（生产、治污、总表）");
        List<Seed> full = new ArrayList<>();
        List<Seed> meterOnly = new ArrayList<>();
        int quota = Math.max(1, n * spec.perMille() / 1000);
        for (Seed s : Seed.values()) {
            if (s == Seed.CLEAN || s == Seed.P4_NIGHT) continue;
            for (int i = 0; i < quota; i++) full.add(s);
        }
        for (int i = 0; i < Math.max(1, totalOnly / 5); i++) meterOnly.add(Seed.P4_NIGHT);
        while (full.size() < rest) full.add(Seed.CLEAN);
        while (meterOnly.size() < totalOnly) meterOnly.add(Seed.CLEAN);
        Collections.shuffle(full, random);
        Collections.shuffle(meterOnly, random);
        List<Day.Plan> plans = new ArrayList<>();
        int f = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            String region = REGIONS[random.nextInt(REGIONS.length)];
            String uscc = uscc(region, i);
            String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
            boolean onlyTotal = i % 24 == 23 && m < totalOnly;
            if (onlyTotal) {
                plans.add(new Day.Plan(i, uscc, region, industry, "未分级", meterOnly.get(m++), 0, 0, 1));
                continue;
            }
            Seed seed = f < full.size() ? full.get(f++) : Seed.CLEAN;
            int channels = base + (extra-- > 0 ? 1 : 0) - 1;
            int production = Math.max(1, channels / 2 - 1);
            int treatment = channels - production;
            String grade = switch (seed) {
                case CLEAN_ALERT_A -> "A";
                case CLEAN_ALERT_B -> "B";
                case P5 -> random.nextBoolean() ? "C" : "D";
                default -> GRADES[random.nextInt(GRADES.length)];
            };
            plans.add(new Day.Plan(i, uscc, region, industry, grade, seed, production, treatment, 1));
        }
        int sum = plans.stream().mapToInt(Day.Plan::channels).sum();
        if (sum != spec.channels()) {
            Day.Plan last = plans.get(plans.size() - 1);
            int fix = spec.channels() - sum;
            plans.set(plans.size() - 1, new Day.Plan(last.index(), last.uscc(), last.region(), last.industry(), last.grade(),
                    last.seed(), last.production(), last.treatment() + fix, last.total()));
        }
        return plans;
    }

    /** A valid USCC (GB 32100-2015 check digit) unique to the enterprise's index. */
    public static String uscc(String region, int index) {
        StringBuilder b = new StringBuilder("91").append(region).append("MA");
        int v = index;
        char[] body = new char[7];
        for (int i = 6; i >= 0; i--) {
            body[i] = USCC_CHARS.charAt(v % 31);
            v /= 31;
        }
        b.append(body);
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(b.charAt(i)) * USCC_WEIGHTS[i];
        return b.append(USCC_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    /** Writes the readings in tick order; resent duplicates arrive 1–8 ticks late. */
    private long readings(Path path, List<Day.Plan> plans, float[][][] kw) throws IOException {
        long rows = 0;
        LocalDateTime start = spec.date().atStartOfDay();
        String[] stamps = new String[SLOTS];
        for (int s = 0; s < SLOTS; s++) stamps[s] = start.plusMinutes(15L * s).toString();
        List<List<String>> late = new ArrayList<>();
        for (int s = 0; s < SLOTS + 8; s++) late.add(new ArrayList<>());
        StringBuilder row = new StringBuilder(64);
        try (Writer w = writer(path)) {
            w.write("enterprise,channel,timestamp,kW\n");
            for (int s = 0; s < SLOTS; s++) {
                for (Day.Plan p : plans) {
                    float[][] e = kw[p.index()];
                    for (int c = 0; c < e.length; c++) {
                        if (Float.isNaN(e[c][s])) continue;
                        row.setLength(0);
                        row.append(p.uscc()).append(',').append(Day.channelId(p.production(), p.treatment(), c)).append(',')
                                .append(stamps[s]).append(',');
                        tenths(row, e[c][s]);
                        row.append('\n');
                        w.append(row);
                        rows++;
                        if (p.seed() == Seed.CLEAN && random.nextInt(2000) == 0) late.get(s + 1 + random.nextInt(8)).add(row.toString());
                        if (p.seed() == Seed.CONFLICT && c == 0 && s == 40) {
                            late.get(s + 3).add(p.uscc() + "," + Day.channelId(p.production(), p.treatment(), c) + "," + stamps[s] + ","
                                    + (e[c][s] + 7.5f) + "\n");
                        }
                    }
                }
                if (s == 50) {
                    for (int k = 0; k < 4; k++) {
                        w.write(UNREGISTERED + ",P1," + stamps[s] + ",12.5\n");
                        rows++;
                    }
                }
                for (String r : late.get(s)) {
                    w.write(r);
                    rows++;
                }
            }
            for (int s = SLOTS; s < late.size(); s++) {
                for (String r : late.get(s)) {
                    w.write(r);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void tenths(StringBuilder b, float v) {
        long t = Math.round(v * 10.0);
        b.append(t / 10).append('.').append(t % 10);
    }

    private static Writer writer(Path path) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
    }
}
