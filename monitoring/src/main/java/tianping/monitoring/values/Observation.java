package tianping.monitoring.values;

import tianping.law.DataFlag;

/**
 * One value of one factor as transmitted: a minute, hour or day value with its flag.
 *
 * @param minute the start of its interval, in minutes since 1970-01-01T00:00 (local time)
 * @param file   the data file it came from, and its line there
 */
public record Observation(long minute, double value, DataFlag flag, String file, long line) {

    public boolean usable() {
        return flag.usable();
    }
}
