package tianping.flink;

/**
 * What the keyed operator receives for an enterprise: a reading, a row that could not be read (keyed to
 * {@link #FEED}, as power-batch reports them in one feed_error line), or the mark that the register has the
 * enterprise (so an enterprise without a single reading is still decided, as power-batch decides it).
 */
public class FeedEvent {
    public static final byte READING = 0;
    public static final byte MALFORMED = 1;
    public static final byte REGISTERED = 2;
    /** The key of rows that name no enterprise. */
    public static final String FEED = "";

    public byte kind;
    public String enterprise;
    public String channel;
    public long minute;
    public double kw;
    public long line;
    public String message;
    /**
     * A reading's row as it stands in the feed, without its line end: what the enterprise's derivedFrom
     * fingerprints, as power-batch's does (kept in state with the reading, so a recovery hashes the same rows).
     */
    public byte[] row;
    /** When the source read it (wall clock, ms): for the bench's arrival-to-alert latency only, never in any output. */
    public long arrivedAt;

    public FeedEvent() {
    }

    static FeedEvent reading(String enterprise, String channel, long minute, double kw, long line, byte[] row) {
        FeedEvent e = new FeedEvent();
        e.row = row;
        e.kind = READING;
        e.enterprise = enterprise;
        e.channel = channel;
        e.minute = minute;
        e.kw = kw;
        e.line = line;
        e.arrivedAt = System.currentTimeMillis();
        return e;
    }

    static FeedEvent malformed(long line, String message) {
        FeedEvent e = new FeedEvent();
        e.kind = MALFORMED;
        e.enterprise = FEED;
        e.line = line;
        e.message = message;
        return e;
    }

    static FeedEvent registered(String key) {
        FeedEvent e = new FeedEvent();
        e.kind = REGISTERED;
        e.enterprise = key;
        return e;
    }

    /** Event time: the reading's timestamp; other events carry none and never move the watermark. */
    long eventTime() {
        return kind == READING ? minute * 60_000L : Long.MIN_VALUE;
    }
}
