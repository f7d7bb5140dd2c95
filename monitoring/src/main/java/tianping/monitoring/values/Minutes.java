package tianping.monitoring.values;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Times inside the derivation are minutes since 1970-01-01T00:00 of local (Beijing) time; these convert them. */
public final class Minutes {

    private Minutes() {
    }

    public static LocalDateTime time(long minute) {
        return LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
    }

    public static long of(LocalDateTime t) {
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 60);
    }

    public static long of(LocalDate d) {
        return d.toEpochDay() * 1440;
    }

    public static LocalDate date(long minute) {
        return LocalDate.ofEpochDay(Math.floorDiv(minute, 1440));
    }

    /** As the case format writes times: 2024-03-01T08:00. */
    public static String text(long minute) {
        return time(minute).toString();
    }

    /** The start of the hour the minute falls in. */
    public static long hour(long minute) {
        return Math.floorDiv(minute, 60) * 60;
    }

    /** The start of the day the minute falls in. */
    public static long day(long minute) {
        return Math.floorDiv(minute, 1440) * 1440;
    }
}
