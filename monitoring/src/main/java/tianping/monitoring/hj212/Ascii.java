package tianping.monitoring.hj212;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Byte-level reading of the fields of a packet without building strings: numbers, DataTime, and repeated
 * identifiers (MN, factor codes) turned into strings once and reused.
 */
final class Ascii {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    private static final int CACHE_SIZE = 4096;
    private final byte[][] keys = new byte[CACHE_SIZE][];
    private final String[] strings = new String[CACHE_SIZE];
    private int lastDate = -1;
    private long lastEpochDay;

    /** The string of {@code b[from, to)} (ASCII), the same instance each time the same bytes come again. */
    String string(byte[] b, int from, int to) {
        String s = known(b, from, to);
        if (s != null) return s;
        s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        int slot = slot(b, from, to);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        strings[slot] = s;
        return s;
    }

    /** The string of these bytes if {@link #string} made it lately (the bytes were checked then), else null. */
    String known(byte[] b, int from, int to) {
        int slot = slot(b, from, to);
        byte[] key = keys[slot];
        return key != null && Arrays.equals(key, 0, key.length, b, from, to) ? strings[slot] : null;
    }

    private static int slot(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + b[i];
        return (h ^ (h >>> 12)) & (CACHE_SIZE - 1);
    }

    /** Letters and digits only, as codes and MN are. */
    static boolean alphanumeric(byte[] b, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    /**
     * A decimal number such as -12.50, or NaN if the bytes are not one. Plain decimals of up to 15 significant
     * digits are converted exactly as {@link Double#parseDouble} would (one correctly rounded division); anything
     * else (exponents, long mantissas) goes through {@link Double#parseDouble}.
     */
    static double number(byte[] b, int from, int to) {
        double[] out = new double[1];
        return decimal(b, from, to, out) == to ? out[0] : Double.NaN;
    }

    /**
     * Reads the decimal that starts at {@code from} and ends at a {@code ;} or {@code ,} (or {@code to}) into
     * {@code out[0]} (NaN if it is not a number); returns where it ended. One pass over the digits: this is where
     * a month of minute data spends its time.
     */
    static int decimal(byte[] b, int from, int to, double[] out) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) fraction++;
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == to || b[i] == ';' || b[i] == ',') {
            if (digits > 0 && digits <= 15) {
                double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
                out[0] = negative ? -v : v;
            } else {
                out[0] = digits == 0 ? Double.NaN : slow(b, from, i);
            }
            return i;
        }
        int end = itemEnd(b, i, to);
        out[0] = slow(b, from, end);
        return end;
    }

    /** Where the data item that continues at {@code from} ends: its ; or , or the end of the data area. */
    static int itemEnd(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != ';' && b[i] != ',') i++;
        return i;
    }

    private static double slow(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return Double.NaN;
        }
        try {
            double v = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A non-negative integer of at most 9 digits, or -1. */
    static int integer(byte[] b, int from, int to) {
        return to - from > 9 ? -1 : (int) longInteger(b, from, to);
    }

    /** A non-negative integer of at most 18 digits, or -1. */
    static long longInteger(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * DataTime YYYYMMDDhhmmss as seconds since 1970-01-01T00:00 (local time), or {@link Packet#NO_TIME} if it is
     * not a real date and time. Consecutive packets share a date, so the date is converted once.
     */
    long dateTime(byte[] b, int from, int to) {
        if (to - from != 14) return Packet.NO_TIME;
        long all = longInteger(b, from, to);
        if (all < 0) return Packet.NO_TIME;
        int date = (int) (all / 1_000_000);
        int time = (int) (all % 1_000_000);
        int hour = time / 10000;
        int minute = time / 100 % 100;
        int second = time % 100;
        if (hour > 23 || minute > 59 || second > 59) return Packet.NO_TIME;
        if (date != lastDate) {
            try {
                lastEpochDay = LocalDate.of(date / 10000, date / 100 % 100, date % 100).toEpochDay();
            } catch (DateTimeException e) {
                return Packet.NO_TIME;
            }
            lastDate = date;
        }
        return lastEpochDay * 86400 + hour * 3600L + minute * 60L + second;
    }

    /** Four hexadecimal digits (either case), or -1. */
    static int hex4(byte[] b, int from) {
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int c = b[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }

    /** Bytes of a data file for a message: a short, escaped excerpt ({@link tianping.read.Excerpt}), never the whole line. */
    static String text(byte[] b, int from, int to) {
        return tianping.read.Excerpt.of(b, from, to);
    }
}
