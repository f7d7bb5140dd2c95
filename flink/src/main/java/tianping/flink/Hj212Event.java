package tianping.flink;

/**
 * What flows from the packet parser through the outlet router to an enterprise's period: a packet (its line as
 * read, its MN and DataTime), a line the reader refused (with the reader's own code and message), the mark that
 * an enterprise's case is registered (with its line, so it is decided even without a single packet), or a
 * finished output line (a register line the job rejects).
 */
public class Hj212Event {
    public static final byte PACKET = 0;
    public static final byte UNREADABLE = 1;
    public static final byte REGISTERED = 2;
    public static final byte LINE = 3;

    public byte kind;
    /** The key: the MN before routing, the enterprise after. */
    public String key;
    public String mn;
    public long line;
    public byte[] bytes;
    /** DataTime in epoch ms (Beijing local time read as UTC, as the monitoring module reads it), or Long.MIN_VALUE. */
    public long time = Long.MIN_VALUE;
    /** The end of the analysis period of the case the packet is routed to (epoch ms), Long.MIN_VALUE before routing. */
    public long periodEnd = Long.MIN_VALUE;
    public String code;
    public String message;

    public Hj212Event() {
    }

    static Hj212Event packet(String mn, long line, byte[] bytes, long time) {
        Hj212Event e = new Hj212Event();
        e.kind = PACKET;
        e.key = mn;
        e.mn = mn;
        e.line = line;
        e.bytes = bytes;
        e.time = time;
        return e;
    }

    static Hj212Event unreadable(long line, String code, String message) {
        Hj212Event e = new Hj212Event();
        e.kind = UNREADABLE;
        e.key = FeedEvent.FEED;
        e.line = line;
        e.code = code;
        e.message = message;
        return e;
    }

    static Hj212Event registered(String enterprise, long line, byte[] json, long periodEnd) {
        Hj212Event e = new Hj212Event();
        e.kind = REGISTERED;
        e.key = enterprise;
        e.line = line;
        e.bytes = json;
        e.periodEnd = periodEnd;
        return e;
    }

    static Hj212Event output(String key, String json) {
        Hj212Event e = new Hj212Event();
        e.kind = LINE;
        e.key = key;
        e.message = json;
        return e;
    }

    /** The same packet, routed to its enterprise's period. */
    Hj212Event routed(String enterprise, long end) {
        Hj212Event e = packet(mn, line, bytes, time);
        e.key = enterprise;
        e.periodEnd = end;
        return e;
    }
}
