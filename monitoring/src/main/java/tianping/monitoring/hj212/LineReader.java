package tianping.monitoring.hj212;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits bytes into numbered lines (ending in \n, a \r before it dropped), from a stream or from a buffer. A
 * line longer than any packet can be is not buffered: it is skipped to its end and reported, so a file without
 * line breaks cannot exhaust memory.
 */
public final class LineReader {

    /** Receives the lines; {@code b[from, to)} is only valid during the call. */
    public interface Consumer {
        void line(byte[] b, int from, int to, long number);

        void tooLong(long number);

        /**
         * Where the line starting at {@code from} ends, if the consumer can tell without the reader looking for
         * its line feed (a record that states its own length and has checked that no line feed lies inside): the
         * index of the line feed, or -1 to have it found byte by byte.
         */
        default int end(byte[] b, int from, int to) {
            return -1;
        }
    }

    private final int maxLine;
    private long number;

    /** @param maxLine the longest line to deliver, in bytes without the line ending */
    public LineReader(int maxLine) {
        this.maxLine = maxLine;
    }

    /** Lines read so far. */
    public long number() {
        return number;
    }

    /**
     * Delivers every complete line of {@code b[from, to)}; returns the index just past the last line ending, so the
     * caller can carry an incomplete last line over to the next buffer.
     */
    public int lines(byte[] b, int from, int to, Consumer consumer) {
        int start = from;
        while (start < to) {
            int end = consumer.end(b, start, to);
            if (end < 0) end = indexOf(b, start, to);
            if (end < 0) break;
            deliver(b, start, end, consumer);
            start = end + 1;
        }
        return start;
    }

    private void deliver(byte[] b, int from, int to, Consumer consumer) {
        number++;
        int end = to > from && b[to - 1] == '\r' ? to - 1 : to;
        if (end - from > maxLine) consumer.tooLong(number);
        else consumer.line(b, from, end, number);
    }

    /** Reads a whole stream; a last line without a line ending is delivered too. */
    public void read(InputStream in, Consumer consumer) throws IOException {
        byte[] buf = new byte[Math.max(1 << 16, 2 * (maxLine + 2))];
        int filled = 0;
        boolean skipping = false;
        int n;
        while ((n = in.read(buf, filled, buf.length - filled)) != -1) {
            int end = filled + n;
            int from = 0;
            if (skipping) {
                int nl = indexOf(buf, 0, end);
                if (nl < 0) {
                    filled = 0;
                    continue;
                }
                skipping = false;
                from = nl + 1;
            }
            int consumed = lines(buf, from, end, consumer);
            int rest = end - consumed;
            if (rest > maxLine + 1) {
                number++;
                consumer.tooLong(number);
                skipping = true;
                filled = 0;
            } else {
                System.arraycopy(buf, consumed, buf, 0, rest);
                filled = rest;
            }
        }
        if (filled > 0 && !skipping) deliver(buf, 0, filled, consumer);
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == '\n') return i;
        return -1;
    }
}
