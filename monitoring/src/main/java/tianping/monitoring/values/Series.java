package tianping.monitoring.values;

import java.util.TreeMap;

/**
 * Every value of one factor at one outlet, by level: minute data (CN 2051), hour data (2061) and day data (2031),
 * each keyed by the minute its interval starts. The first value sent for an interval is kept.
 */
public final class Series {

    private final TreeMap<Long, Observation> minutes = new TreeMap<>();
    private final TreeMap<Long, Observation> hours = new TreeMap<>();
    private final TreeMap<Long, Observation> days = new TreeMap<>();

    public TreeMap<Long, Observation> minutes() {
        return minutes;
    }

    public TreeMap<Long, Observation> hours() {
        return hours;
    }

    public TreeMap<Long, Observation> days() {
        return days;
    }

    public boolean isEmpty() {
        return minutes.isEmpty() && hours.isEmpty() && days.isEmpty();
    }

    /** The first and last minute any value covers, or null when there is none. */
    public long[] span() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        if (!minutes.isEmpty()) {
            first = Math.min(first, minutes.firstKey());
            last = Math.max(last, minutes.lastKey());
        }
        if (!hours.isEmpty()) {
            first = Math.min(first, hours.firstKey());
            last = Math.max(last, hours.lastKey() + 59);
        }
        if (!days.isEmpty()) {
            first = Math.min(first, days.firstKey());
            last = Math.max(last, days.lastKey() + 1439);
        }
        return first == Long.MAX_VALUE ? null : new long[]{first, last};
    }
}
