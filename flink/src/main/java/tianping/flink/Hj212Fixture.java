package tianping.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.bench.MinuteData;
import tianping.monitoring.hj212.Hj212Reader;
import tianping.monitoring.hj212.Packet;
import tianping.monitoring.hj212.PacketHandler;
import tianping.monitoring.hj212.PacketWriter;
import tianping.monitoring.hj212.Problem;
import tianping.power.province.ProvinceGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feed of HJ 212 minute packets and its register of monitoring cases, for the tests and the bench: the
 * reader benchmark's minute data ({@link MinuteData}: flags C, M, D, B, S, T, a daily cycle) for one outlet per
 * enterprise (enterprise 0 has a second outlet), sent as a platform forwards them, minute by minute across all
 * outlets; one outlet no case has (its packets are unregistered); three packets whose DataTime was altered after
 * the CRC was computed (the reader refuses them). Every other enterprise has limits its data exceed, so some cases
 * are decided and others show no exceedance; regions rotate over 深圳 (no list), 衢州 (发现—提醒—处罚) and 太原
 * (山西首违不罚). {@link #split} writes each case's data file as batch reads it.
 */
public final class Hj212Fixture {

    public static final String PACKETS = "packets.hj212";
    public static final String CASES = "cases.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] REGIONS = {{"440300", "广东省深圳市"}, {"330802", "浙江省衢州市柯城区"}, {"140105", "山西省太原市小店区"}};

    /** @param enterprises how many cases; the feed has one outlet more (unregistered) plus enterprise 0's second outlet */
    public record Spec(int enterprises, int days, LocalDate from, long seed) {
    }

    /** What was written: packet lines, and the lines of the packets whose CRC no longer holds. */
    public record Written(long packets, List<Long> refused) {
    }

    private Hj212Fixture() {
    }

    public static Written write(Path dir, Spec spec) throws IOException {
        Files.createDirectories(dir);
        int unregistered = spec.enterprises();
        int second = spec.enterprises() + 1;
        try (OutputStream o = Files.newOutputStream(dir.resolve(CASES))) {
            for (int i = 0; i < spec.enterprises(); i++) {
                List<Integer> outlets = i == 0 ? List.of(0, second) : List.of(i);
                o.write(JSON.writeValueAsBytes(registerCase(spec, i, outlets)));
                o.write('\n');
            }
        }
        MinuteData data = new MinuteData(spec.seed(), spec.from());
        int outlets = spec.enterprises() + 2;
        long line = 0;
        List<Long> refused = new ArrayList<>();
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dir.resolve(PACKETS)), 1 << 16)) {
            for (int day = 0; day < spec.days(); day++) {
                byte[][][] lines = new byte[outlets][][];
                for (int k = 0; k < outlets; k++) lines[k] = lines(data.outletDay(k, day));
                for (int minute = 0; minute < 1440; minute++) {
                    for (int k = 0; k < outlets; k++) {
                        byte[] b = lines[k][minute];
                        line++;
                        if (day == 0 && k == 1 && (minute == 100 || minute == 700 || minute == 1300)) {
                            b = b.clone();
                            int at = indexOf(b, "DataTime=") + "DataTime=".length() + 13;
                            b[at] = (byte) (b[at] == '9' ? '8' : b[at] + 1); // the seconds' last digit: the CRC no longer holds
                            refused.add(line);
                        }
                        o.write(b);
                    }
                }
            }
        }
        return new Written(line, refused);
    }

    /**
     * Each case's data file, as batch reads it beside {@link #CASES}: the packets of its outlets in feed order,
     * routed line by line by the same reader the job routes with; lines in {@code except} (late ones) left out.
     */
    public static void split(Path dir, Set<Long> except) throws IOException {
        Map<String, OutputStream> byMn = new HashMap<>();
        List<OutputStream> files = new ArrayList<>();
        long n = 0;
        for (String l : Files.readAllLines(dir.resolve(CASES))) {
            n++;
            Hj212Register r = Hj212Register.of(n, l.getBytes(StandardCharsets.UTF_8));
            if (r == null || r.dataName() == null || r.mns().stream().anyMatch(byMn::containsKey)) continue;
            Path f = dir.resolve(r.dataName());
            Files.createDirectories(f.getParent());
            OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16);
            files.add(o);
            for (String mn : r.mns()) byMn.put(mn, o);
        }
        String[] mn = new String[1];
        Hj212Reader reader = Hj212Reader.partByPart(new PacketHandler() {
            @Override
            public void packet(Packet p) {
                mn[0] = p.mn();
            }

            @Override
            public void problem(Problem p) {
            }
        });
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(dir.resolve(PACKETS)), StandardCharsets.ISO_8859_1), 1 << 16)) {
            long line = 0;
            for (String s; (s = in.readLine()) != null; ) {
                line++;
                byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
                mn[0] = null;
                if (b.length > 0) reader.line(b, 0, b.length, line);
                OutputStream o = mn[0] == null || except.contains(line) ? null : byMn.get(mn[0]);
                if (o == null) continue;
                o.write(b);
                o.write('\r');
                o.write('\n');
            }
        } finally {
            for (OutputStream o : files) o.close();
        }
    }

    /** A case skeleton of the register: enterprise i, its outlets, limits its data exceed when i is even. */
    static ObjectNode registerCase(Spec spec, int i, List<Integer> outlets) {
        String[] region = REGIONS[i % REGIONS.length];
        String uscc = ProvinceGenerator.uscc(region[0], i);
        boolean strict = i % 2 == 0;
        ObjectNode c = JSON.createObjectNode();
        c.put("caseId", "HJ212-" + spec.from() + "-" + i);
        c.put("decisionDate", spec.from().plusDays(spec.days() + 10).toString());
        ObjectNode e = c.putObject("enterprise");
        e.put("uscc", uscc);
        e.put("name", "在线监测企业 " + i);
        e.put("regionCode", region[0]);
        e.put("regionName", region[1]);
        e.put("industry", MinuteData.air(outlets.get(0)) ? "热力生产和供应" : "污水处理及其再生利用");
        e.put("keyDischarger", true);
        e.put("permitClass", "重点管理");
        c.putArray("findings");
        ObjectNode m = c.putObject("monitoring");
        m.putArray("data").add("packets/" + uscc + ".hj212");
        m.put("format", "hj212");
        ObjectNode period = m.putObject("period");
        period.put("from", spec.from().toString());
        period.put("to", spec.from().plusDays(spec.days() - 1).toString());
        ArrayNode os = m.putArray("outlets");
        for (int k = 0; k < outlets.size(); k++) {
            int outlet = outlets.get(k);
            boolean air = MinuteData.air(outlet);
            ObjectNode o = os.addObject();
            o.put("id", (air ? "DA" : "DW") + String.format("%03d", k + 1));
            o.put("mn", MinuteData.mn(outlet));
            o.put("name", (k + 1) + (air ? "#锅炉废气排放口" : "#废水总排口"));
            o.put("medium", air ? "大气" : "水");
            ArrayNode f = o.putArray("factors");
            if (air) {
                o.put("sourceType", "燃煤锅炉");
                factor(f, "a21026", strict ? 35 : 200, "GB 13271-2014 表3 燃煤锅炉");
                factor(f, "a21002", 200, "GB 13271-2014 表3 燃煤锅炉");
                factor(f, "a34013", 30, "GB 13271-2014 表3 燃煤锅炉");
            } else {
                factor(f, "w01018", strict ? 40 : 100, "GB 18918-2002 一级 B");
                factor(f, "w21003", 8, "GB 18918-2002 一级 B");
            }
        }
        ObjectNode finding = m.putObject("finding");
        finding.put("discoveredOn", spec.from().plusDays(spec.days()).toString());
        finding.put("discoveredBy", "在线监控");
        finding.put("harm", "无");
        ObjectNode correction = finding.putObject("correction");
        correction.put("orderedOn", spec.from().plusDays(spec.days() + 2).toString());
        correction.put("deadline", spec.from().plusDays(spec.days() + 9).toString());
        correction.put("correctedOn", spec.from().plusDays(spec.days() + 5).toString());
        return c;
    }

    private static void factor(ArrayNode f, String code, int limit, String standard) {
        ObjectNode n = f.addObject();
        n.put("code", code);
        n.put("averaging", "小时均值");
        n.put("limit", limit);
        n.put("unit", code.startsWith("a") ? "mg/m3" : "mg/L");
        n.put("standard", standard);
    }

    /** The packets of an outlet-day buffer, each with its CR LF. */
    private static byte[][] lines(PacketWriter w) {
        byte[] b = w.buffer();
        byte[][] out = new byte[1440][];
        int from = 0;
        for (int i = 0; i < 1440; i++) {
            int end = from;
            while (b[end] != '\n') end++;
            out[i] = java.util.Arrays.copyOfRange(b, from, end + 1);
            from = end + 1;
        }
        return out;
    }

    private static int indexOf(byte[] b, String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= b.length; i++) {
            for (int j = 0; j < t.length; j++) if (b[i + j] != t[j]) continue outer;
            return i;
        }
        return -1;
    }
}
