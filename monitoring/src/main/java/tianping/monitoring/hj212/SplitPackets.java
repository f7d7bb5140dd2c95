package tianping.monitoring.hj212;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reassembles split packets (Flag bit D set; PNUM parts, numbered PNO 1…PNUM, sharing MN, QN and CN). Each
 * part is a complete packet whose data area holds whole data items, so the parts' readings are joined in PNO
 * order [K: the standard does not say where a data area may be cut; parsers split between items]. A message
 * is used only when every part has arrived, and is reported at the line of its earliest part; parts still
 * missing at the end of the file are reported.
 */
final class SplitPackets {

    /** PNUM is a four-digit field. */
    static final int MAX_PARTS = 9999;

    private record Key(String mn, long qn, int cn) {
    }

    private record Parts(int total, TreeMap<Integer, Packet> received) {
    }

    /**
     * Parts held while their messages are incomplete. Parts of one message arrive together, so a file that keeps
     * more than this many waiting is not a station's feed; the oldest message is then given up as incomplete, so
     * a file of never-completed parts cannot exhaust memory.
     */
    static final int MAX_HELD = 100_000;

    private final Map<Key, Parts> pending = new LinkedHashMap<>();
    private int held;

    /** Adds part {@code number} of {@code total}; returns the whole message once the last part is in, else null. */
    Packet add(Packet part, int total, int number, PacketHandler handler) {
        Key key = new Key(part.mn(), part.qn(), part.cn());
        Parts parts = pending.computeIfAbsent(key, k -> new Parts(total, new TreeMap<>()));
        long firstLine = parts.received().values().stream().mapToLong(Packet::line).min().orElse(part.line());
        if (parts.total() != total) {
            handler.problem(new Problem(part.line(), "packet_split", "分包总数 PNUM=" + total + " 与同一消息（第 " + firstLine
                    + " 行起）的 PNUM=" + parts.total() + " 不符，该包不采用"));
            return null;
        }
        Packet earlier = parts.received().get(number);
        if (earlier != null) {
            handler.problem(new Problem(part.line(), "packet_split", "第 " + number + " 包重复（首次在第 " + earlier.line()
                    + " 行），该包不采用"));
            return null;
        }
        parts.received().put(number, part);
        held++;
        if (parts.received().size() < total) {
            if (held > MAX_HELD) evictOldest(handler);
            return null;
        }
        pending.remove(key);
        held -= parts.received().size();
        return join(new ArrayList<>(parts.received().values()), handler);
    }

    private static Packet join(List<Packet> parts, PacketHandler handler) {
        Packet first = parts.get(0);
        long line = parts.stream().mapToLong(Packet::line).min().orElseThrow();
        long time = Packet.NO_TIME;
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Packet p : parts) {
            if (p.dataTime() != Packet.NO_TIME) {
                if (time != Packet.NO_TIME && time != p.dataTime()) {
                    handler.problem(new Problem(p.line(), "packet_split", "分包的 DataTime 与第 " + line
                            + " 行起的同一消息不一致，整条消息不采用"));
                    return null;
                }
                time = p.dataTime();
            }
            for (Reading r : p.readings()) readings.merge(r.code(), r, Reading::merge);
        }
        return new Packet(line, first.edition(), first.qn(), first.st(), first.cn(), first.mn(), first.flag(), time,
                List.copyOf(readings.values()));
    }

    private void evictOldest(PacketHandler handler) {
        var oldest = pending.entrySet().iterator().next();
        pending.remove(oldest.getKey());
        held -= oldest.getValue().received().size();
        handler.problem(incomplete(oldest.getKey(), oldest.getValue()));
    }

    /** Messages some of whose parts never arrived, reported at the line of their earliest part. */
    List<Problem> incomplete() {
        List<Problem> out = new ArrayList<>();
        for (var e : pending.entrySet()) out.add(incomplete(e.getKey(), e.getValue()));
        pending.clear();
        held = 0;
        return out;
    }

    private static Problem incomplete(Key key, Parts parts) {
        long line = parts.received().values().stream().mapToLong(Packet::line).min().orElseThrow();
        return new Problem(line, "packet_split", "分包不完整：MN=" + key.mn() + "，QN=" + key.qn()
                + "，共 " + parts.total() + " 包，只收到第 " + list(parts.received().keySet().stream().map(String::valueOf).toList())
                + " 包（第 " + list(parts.received().values().stream().map(p -> String.valueOf(p.line())).toList())
                + " 行），已收到的包不采用");
    }

    /** At most 10 items, then how many more (a message of 9,999 parts would otherwise make a page-long line). */
    private static String list(List<String> items) {
        String head = items.stream().limit(10).collect(Collectors.joining("、"));
        return items.size() <= 10 ? head : head + " 等 " + items.size() + " 个";
    }
}
