package tianping.batch;

/**
 * The statuses of output lines and the three counts of every summary they fall into:
 * input = decided + no violation + rejected.
 */
public final class Status {

    public static final String DECIDED = "decided";
    public static final String NO_VIOLATION = "no_violation";
    public static final String REJECTED = "rejected";
    /** An internal error: counted as rejected, and makes the exit code 4. */
    public static final String ERROR = "error";
    /** power-batch: no anomaly in the readings. */
    public static final String CLEAN = "clean";
    /** power-batch: anomalies that are clues for inspection, no finding. */
    public static final String CLUES = "clues";
    /** power-batch: readings of an enterprise that is not in the register. */
    public static final String UNREGISTERED = "unregistered";
    /** power-batch: rows of the feed that cannot be read. */
    public static final String FEED_ERROR = "feed_error";

    /** The three counts. */
    public enum Count { DECIDED, NO_VIOLATION, REJECTED }

    private Status() {
    }

    public static Count countOf(String status) {
        return switch (status) {
            case DECIDED -> Count.DECIDED;
            case NO_VIOLATION, CLEAN, CLUES -> Count.NO_VIOLATION;
            default -> Count.REJECTED;
        };
    }
}
