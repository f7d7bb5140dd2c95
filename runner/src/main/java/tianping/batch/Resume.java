package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.audit.LogRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a killed batch left, reconciled so that resuming it decides each case at most once. The pipeline logs a
 * decision before it writes the decision's line, and writes lines in input order, so after a kill the --out file
 * holds a prefix of the input's lines (perhaps with a torn last line), and the log may hold decisions made after
 * that prefix whose lines were never written. Resuming cuts the torn line, keeps the prefix, takes the line of
 * every case the log already decided from the log record (the same decision bytes, not a second decision), and
 * decides only the rest.
 *
 * <p>Which log records belong to this batch is fixed when it starts: a marker {@code OUT.resume} beside the
 * --out file records the input, the log folder and the log's length at the start.
 */
public final class Resume {

    /** @param logOffset length of the whole log (all segments, plain) when the batch started: its records start there */
    public record Marker(String input, String log, long logOffset) {
    }

    /** The lines already written: their sources in order. */
    public record Written(List<String> sources) {
    }

    private Resume() {
    }

    public static Path markerOf(Path out) {
        return out.resolveSibling(out.getFileName() + ".resume");
    }

    /** Writes the marker whole or not at all (a kill never leaves half a marker). */
    public static void writeMarker(Path out, Marker m) throws IOException {
        Path marker = markerOf(out);
        Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
        Files.write(tmp, Lines.bytes(m));
        Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Marker readMarker(Path out) throws IOException {
        Path marker = markerOf(out);
        if (!Files.isRegularFile(marker)) {
            throw new UsageException("--resume：没有续跑标记 " + marker + "（" + out + " 不是由可续跑的 batch 写出的）；重新核查请加 --overwrite");
        }
        try {
            return Lines.MAPPER.readValue(Files.readAllBytes(marker), Marker.class);
        } catch (IOException e) {
            throw new UsageException("--resume：续跑标记 " + marker + " 无法读取：" + e.getMessage());
        }
    }

    /**
     * Cuts {@code out} back to its last whole line and reads the lines before it, counting each into
     * {@code summary}.
     */
    public static Written written(Path out, Summary summary) throws IOException {
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < size) ch.truncate(keep);
        }
        List<String> sources = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out)) {
            ByteLines lines = new ByteLines(in);
            for (byte[] line; (line = lines.next()) != null; ) {
                JsonNode n = Lines.MAPPER.readTree(line);
                sources.add(n.path("source").asText());
                summary.addWritten(n);
            }
        }
        return new Written(sources);
    }

    /**
     * The decisions this batch logged (records from {@code offset} on) for sources not among {@code written}:
     * source → the decision's JSON bytes as logged. A torn last record is not a decision (the log sets it aside).
     */
    public static Map<String, byte[]> logged(Path logFile, long offset, Set<String> written) throws IOException {
        Map<String, byte[]> logged = new HashMap<>();
        if (logFile == null) return logged;
        try (InputStream in = tianping.audit.LogSegments.plain(logFile)) {
            in.skipNBytes(Math.min(offset, tianping.audit.LogSegments.plainSize(logFile)));
            ByteLines lines = new ByteLines(in);
            for (byte[] line; (line = lines.next()) != null; ) {
                if (lines.lastTorn()) break;
                LogRecord.Fields f = LogRecord.of(line).fields();
                if (f.repair() || f.source() == null || f.decision() == null || written.contains(f.source())) continue;
                logged.put(f.source(), f.decision());
            }
        }
        return logged;
    }

    /** Lines of a stream as bytes, without decoding; the last one is torn if no newline ends it. */
    static final class ByteLines {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean torn;

        ByteLines(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream b = null;
            while (true) {
                if (pos == limit) {
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (b == null || b.size() == 0) return null;
                        torn = true;
                        return b.toByteArray();
                    }
                }
                int from = pos;
                while (pos < limit && buffer[pos] != '\n') pos++;
                if (b == null) b = new java.io.ByteArrayOutputStream(Math.max(256, pos - from));
                b.write(buffer, from, pos - from);
                if (pos < limit) {
                    pos++;
                    return b.toByteArray();
                }
            }
        }

        boolean lastTorn() {
            return torn;
        }
    }
}
