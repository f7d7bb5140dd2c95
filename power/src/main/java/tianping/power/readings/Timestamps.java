package tianping.power.readings;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads reading timestamps straight from bytes (a province-day has millions): YYYY-MM-DDTHH:MM[:SS], a space
 * allowed for the T, Beijing time without zone, as minutes since 1970-01-01T00:00 of that local clock.
 */
public final class Timestamps {

    /** Not a timestamp of the documented form. */
    public static final long INVALID = Long.MIN_VALUE;
    /** A timestamp with seconds other than :00, which no 15-minute grid holds. */
    public static final long NOT_WHOLE_MINUTE = Long.MIN_VALUE + 1;

    private Timestamps() {
    }

    public static long epochMinute(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 16 && n != 19) return INVALID;
        if (b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':') return INVALID;
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59) return INVALID;
        if (n == 19) {
            if (b[from + 16] != ':') return INVALID;
            int second = digits(b, from + 17, 2);
            if (second < 0 || second > 59) return INVALID;
            if (second != 0) return NOT_WHOLE_MINUTE;
        }
        return daysFromCivil(year, month, day) * 1440L + hour * 60L + minute;
    }

    public static long epochMinute(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return epochMinute(b, 0, b.length);
    }

    public static LocalDateTime toTime(long epochMinute) {
        return LocalDateTime.ofEpochSecond(epochMinute * 60, 0, ZoneOffset.UTC);
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
