package tianping.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a log line by line as raw bytes (no decoding: hashes are over bytes), with a large buffer. The last line
 * is reported as torn when the file does not end with a newline.
 */
final class LogLines implements AutoCloseable {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 20];
    private int pos;
    private int limit;
    private long lineNo;
    private boolean torn;

    LogLines(Path file) throws IOException {
        this(Files.newInputStream(file));
    }

    private LogLines(InputStream in) {
        this.in = in;
    }

    /** The lines of the whole log: its sealed segments, then the active file {@code logFile}. */
    static LogLines all(Path logFile) throws IOException {
        // no log at all is an operator's mistake (a wrong --log), not an empty log
        if (!Files.exists(logFile) && LogSegments.sealed(logFile).isEmpty()) throw new java.nio.file.NoSuchFileException(logFile.toString());
        return new LogLines(LogSegments.plain(logFile));
    }

    /** The next line without its newline, or null at the end. */
    byte[] next() throws IOException {
        byte[] acc = null;
        int accLen = 0;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (acc == null) return null;
                    torn = true;
                    lineNo++;
                    return Arrays.copyOf(acc, accLen);
                }
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') pos++;
            int len = pos - start;
            if (acc == null && pos < limit) {
                pos++;
                lineNo++;
                return Arrays.copyOfRange(buffer, start, start + len);
            }
            if (acc == null) acc = new byte[Math.max(len * 2, 1 << 16)];
            if (accLen + len > acc.length) acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLen + len));
            System.arraycopy(buffer, start, acc, accLen, len);
            accLen += len;
            if (pos < limit) {
                pos++;
                lineNo++;
                return Arrays.copyOf(acc, accLen);
            }
        }
    }

    /** 1-based number of the line last returned. */
    long lineNo() {
        return lineNo;
    }

    /** The last line returned had no newline: a write was cut off. */
    boolean lastLineTorn() {
        return torn;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
