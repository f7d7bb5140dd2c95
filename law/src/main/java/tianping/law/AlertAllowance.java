package tianping.law;

/**
 * How much an enterprise of a performance grade may produce during a heavy-pollution alert of a level
 * (alert-allowances.csv, brief § 7.2): each production channel at most {@code loadFraction} of its rated power.
 * A fraction of 1 means 自主减排 (no mandated cut), 0 means a full stop.
 */
public record AlertAllowance(String grade, String level, double loadFraction, String measure, Validity validity,
                             String source) {

    /** The grade reduces emissions on its own initiative: nothing to check against its production. */
    public boolean selfDirected() {
        return loadFraction >= 1.0;
    }
}
