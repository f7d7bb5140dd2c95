package tianping.power.readings;

import tianping.read.Excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Parses a readings CSV, {@code enterprise,channel,timestamp,kW} with that header, straight from bytes in one
 * pass: UTF-8 (a BOM is accepted), LF or CRLF, fields optionally in double quotes (as spreadsheets write them,
 * without embedded quotes or commas). Rows may come in any order; every malformed row is reported with its line.
 */
public final class ReadingsCsv {

    public static final String HEADER = "enterprise,channel,timestamp,kW";
    private static final int BUFFER = 1 << 20;

    private ReadingsCsv() {
    }

    public static void parse(InputStream in, ReadingVisitor visitor) throws IOException {
        byte[] buf = new byte[BUFFER];
        int start = 0;
        int end = 0;
        long line = 0;
        boolean header = true;
        IdCache ids = new IdCache();
        int[] commas = new int[3];
        StampCache stamps = new StampCache();
        while (true) {
            int nl = indexOf(buf, start, end);
            if (nl < 0) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    // one line longer than the buffer: that line is malformed, the rows after it are still read
                    line++;
                    visitor.malformed(line, "行过长（超过 " + BUFFER + " 字节），该行未读取");
                    if (header) header = false;
                    int kept = skipLine(in, buf);
                    if (kept < 0) return;
                    start = 0;
                    end = kept;
                    continue;
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    if (end > start) {
                        line++;
                        if (header) header = header(buf, start, end, line, visitor);
                        else row(buf, start, end, line, visitor, ids, commas, stamps);
                    }
                    if (header) visitor.malformed(Math.max(line, 1), "文件为空：应有表头 " + HEADER);
                    return;
                }
                end += n;
                continue;
            }
            line++;
            int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
            if (lineEnd > start) {
                if (header) header = header(buf, start, lineEnd, line, visitor);
                else row(buf, start, lineEnd, line, visitor, ids, commas, stamps);
            }
            start = nl + 1;
        }
    }

    /**
     * The same row parser for a feed that comes line by line (a stream processor's source, a message topic), with
     * the caches {@link #parse} keeps between rows. The caller numbers the lines and strips their line ends.
     */
    public static final class Rows {
        private final IdCache ids = new IdCache();
        private final int[] commas = new int[3];
        private final StampCache stamps = new StampCache();

        /** Checks a header line, reporting a wrong one as malformed. */
        public void header(byte[] b, int from, int to, long line, ReadingVisitor visitor) {
            ReadingsCsv.header(b, from, to, line, visitor);
        }

        /** Parses one data row (not empty), reporting it to the visitor as a reading or as malformed. */
        public void row(byte[] b, int from, int to, long line, ReadingVisitor visitor) {
            ReadingsCsv.row(b, from, to, line, visitor, ids, commas, stamps);
        }
    }

    /**
     * Reads past the rest of an overlong line, through its newline. Returns how many bytes after the newline are
     * left at the front of {@code buf}, or -1 at the end of the input.
     */
    private static int skipLine(InputStream in, byte[] buf) throws IOException {
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) return -1;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    System.arraycopy(buf, i + 1, buf, 0, n - i - 1);
                    return n - i - 1;
                }
            }
        }
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == '\n') return i;
        return -1;
    }

    /** Checks the header line; returns whether a header is still expected (false once it was seen). */
    private static boolean header(byte[] b, int from, int to, long line, ReadingVisitor visitor) {
        if (to - from >= 3 && (b[from] & 0xff) == 0xEF && (b[from + 1] & 0xff) == 0xBB && (b[from + 2] & 0xff) == 0xBF) from += 3;
        String text = new String(b, from, Math.min(to - from, HEADER.length() + 64), StandardCharsets.UTF_8).replace("\"", "").trim();
        if (!text.equalsIgnoreCase(HEADER)) visitor.malformed(line, "表头应为 " + HEADER + "，实际为“" + Excerpt.of(b, from, to) + "”");
        return false;
    }

    private static void row(byte[] b, int from, int to, long line, ReadingVisitor visitor, IdCache ids, int[] commas, StampCache stamps) {
        int found = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == ',') {
                if (found == 3) {
                    visitor.malformed(line, "字段过多：应为 4 个字段（" + HEADER + "）");
                    return;
                }
                commas[found++] = i;
            }
        }
        if (found != 3) {
            visitor.malformed(line, "字段不足：应为 4 个字段（" + HEADER + "），实际为 " + (found + 1) + " 个");
            return;
        }
        long fe = trim(b, from, commas[0]);
        long fc = trim(b, commas[0] + 1, commas[1]);
        long ft = trim(b, commas[1] + 1, commas[2]);
        long fk = trim(b, commas[2] + 1, to);
        if (start(fe) == end(fe) || start(fc) == end(fc)) {
            visitor.malformed(line, "企业或测点编号为空");
            return;
        }
        long minute = stamps.minute(b, start(ft), end(ft));
        if (minute == Timestamps.INVALID) {
            visitor.malformed(line, "时间应为 YYYY-MM-DDTHH:MM[:SS]，实际为“" + text(b, ft) + "”");
            return;
        }
        if (minute == Timestamps.NOT_WHOLE_MINUTE) {
            visitor.malformed(line, "时间“" + text(b, ft) + "”不在整分钟上，不在采样网格上");
            return;
        }
        double kw;
        if (start(fk) == end(fk)) {
            kw = Double.NaN;
        } else {
            kw = number(b, start(fk), end(fk));
            if (Double.isNaN(kw)) {
                visitor.malformed(line, "功率应为数值（kW），实际为“" + text(b, fk) + "”");
                return;
            }
            if (kw < 0) {
                visitor.malformed(line, "功率不能为负，实际为 " + text(b, fk));
                return;
            }
        }
        visitor.reading(ids.get(b, start(fe), end(fe)), ids.get(b, start(fc), end(fc)), minute, kw, line, b, from, to);
    }

    /** The last timestamp read, reused while rows repeat it (a feed in tick order repeats each one 60,000 times). */
    private static final class StampCache {
        private final byte[] last = new byte[19];
        private int length = -1;
        private long minute;

        long minute(byte[] b, int from, int to) {
            int n = to - from;
            if (n == length && java.util.Arrays.equals(last, 0, n, b, from, to)) return minute;
            minute = Timestamps.epochMinute(b, from, to);
            if (n <= last.length && minute != Timestamps.INVALID && minute != Timestamps.NOT_WHOLE_MINUTE) {
                System.arraycopy(b, from, last, 0, n);
                length = n;
            } else {
                length = -1;
            }
            return minute;
        }
    }

    /** The field without surrounding blanks and quotes, packed as start << 32 | end. */
    private static long trim(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') from++;
        while (to > from && b[to - 1] == ' ') to--;
        if (to - from >= 2 && b[from] == '"' && b[to - 1] == '"') {
            from++;
            to--;
        }
        return ((long) from << 32) | to;
    }

    private static int start(long field) {
        return (int) (field >>> 32);
    }

    private static int end(long field) {
        return (int) field;
    }

    /** A field for a message: a short escaped excerpt, never the whole field. */
    private static String text(byte[] b, long field) {
        return Excerpt.of(b, start(field), end(field));
    }

    /** A plain decimal (digits, one point, optional sign) read directly; anything else through Double. */
    private static double number(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int scale = 0;
        boolean point = false;
        int digits = 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits++ > 15) return slow(b, from, to);
                mantissa = mantissa * 10 + (c - '0');
                if (point) scale++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return slow(b, from, to);
            }
        }
        if (digits == 0) return Double.NaN;
        double v = scale == 0 ? mantissa : mantissa / POWERS[scale];
        return negative ? -v : v;
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};

    private static double slow(byte[] b, int from, int to) {
        try {
            double v = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
