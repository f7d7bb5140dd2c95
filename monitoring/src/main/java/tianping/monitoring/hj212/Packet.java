package tianping.monitoring.hj212;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One HJ 212 packet that passed the length and CRC checks and parsed (a split packet, once all its parts are
 * in): the header fields the derivation needs and the readings of its CP data area.
 *
 * @param line     the line of the file it was read from (the first part's, for a split packet)
 * @param qn       request code QN (YYYYMMDDhhmmsszzz) as a number, or -1 when absent
 * @param st       system code ST (31 air source, 32 surface-water source, …), or -1 when absent
 * @param cn       command code CN (2051 minute, 2061 hour, 2031 day, 2011 real-time data, …)
 * @param mn       device identifier MN of the data acquisition and transmission unit
 * @param flag     the Flag field, or -1 when absent
 * @param dataTime DataTime as seconds since 1970-01-01T00:00 of Beijing local time, or {@link #NO_TIME}
 */
public record Packet(long line, Edition edition, long qn, int st, int cn, String mn, int flag, long dataTime,
                     List<Reading> readings) {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int CN_MINUTE = 2051;
    public static final int CN_HOUR = 2061;
    public static final int CN_DAY = 2031;

    public LocalDateTime time() {
        return LocalDateTime.ofEpochSecond(dataTime, 0, ZoneOffset.UTC);
    }
}
