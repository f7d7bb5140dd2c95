package tianping.audit;

import tianping.engine.Decision;
import tianping.read.CaseFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only decision log: {@code DIR/decisions.jsonl}, one {@link LogRecord} per line, hash-chained.
 * Opening takes an exclusive lock (several checkers may share a log) and checks the tail: a line torn by a killed
 * process is moved to {@code decisions.jsonl.torn-OFFSET}, and a repair record saying so is chained in before
 * anything else is written — the chain is never silently broken. Writes go whole lines at a time and are forced
 * to disk by {@link #sync()}.
 */
public final class DecisionLog implements AutoCloseable {

    public static final String FILE = "decisions.jsonl";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<String> notices = new ArrayList<>();
    private long seq;
    private String head = LogRecord.GENESIS;

    private DecisionLog(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static DecisionLog open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        DecisionLog log = new DecisionLog(file, channel, lock);
        log.readTail();
        return log;
    }

    /** What opening found and did (a repaired torn line), for the user to see. */
    public List<String> notices() {
        return notices;
    }

    public long count() {
        return seq;
    }

    /** The hash of the last record: with {@link #count()}, what an auditor exports to prove nothing was cut. */
    public String head() {
        return head;
    }

    public Path file() {
        return file;
    }

    private void readTail() throws IOException {
        long size = channel.size();
        if (size == 0) return;
        long lastNewline = lastIndexOf((byte) '\n', size);
        if (lastNewline != size - 1) {
            long from = lastNewline + 1;
            byte[] torn = read(from, (int) (size - from));
            Path saved = file.resolveSibling(FILE + ".torn-" + from);
            Files.write(saved, torn);
            channel.truncate(from);
            readLastRecord(from);
            append(LogRecord.repair(seq + 1, head, from, torn, saved.getFileName().toString()));
            sync();
            notices.add("决定记录末行不完整（上次写入被中断）：" + torn.length + " 字节已移至 " + saved + "，并在链中记入修复记录 #" + seq);
            return;
        }
        readLastRecord(size);
    }

    /** Reads the record ending just before {@code end} (which follows its newline). */
    private void readLastRecord(long end) throws IOException {
        if (end == 0) return;
        long start = lastIndexOf((byte) '\n', end - 1) + 1;
        LogRecord last = LogRecord.of(read(start, (int) (end - 1 - start)));
        LogRecord.Fields f = last.fields();
        if (f.seq() < 1 || last.claimedHash() == null) throw new IOException(file + " 的最后一条记录无法识别，请先运行 tianping log verify");
        seq = f.seq();
        head = last.claimedHash();
    }

    private long lastIndexOf(byte b, long before) throws IOException {
        long pos = before;
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (pos > 0) {
            int len = (int) Math.min(buf.capacity(), pos);
            buf.clear().limit(len);
            channel.read(buf, pos - len);
            for (int i = len - 1; i >= 0; i--) if (buf.get(i) == b) return pos - len + i;
            pos -= len;
        }
        return -1;
    }

    private byte[] read(long from, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (channel.read(buf, from + buf.position()) < 0) break;
        }
        return buf.array();
    }

    /** Chains in one decision and writes its line. */
    public synchronized void append(CaseFile c, Decision d, String source, byte[] decisionJson) {
        append(d.fingerprints().ruleSet(), c.inputFingerprint(), d.fingerprints().engine(), source,
                c.canonicalInput().getBytes(StandardCharsets.UTF_8), decisionJson);
    }

    /**
     * Chains in one decision from its fingerprints and bytes, for a writer that receives a decision already made
     * elsewhere (the Flink job's sink: the case and decision objects stay in the task that decided).
     */
    public synchronized void append(String ruleSet, String input, String engine, String source, byte[] canonicalInput, byte[] decisionJson) {
        append(LogRecord.decision(seq + 1, head, ruleSet, input, engine, source, canonicalInput, decisionJson));
    }

    private void append(LogRecord r) {
        byte[] line = r.line();
        ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        try {
            long at = channel.size();
            while (buf.hasRemaining()) at += channel.write(buf, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seq++;
        head = r.claimedHash();
    }

    /** Forces written records to disk. */
    public synchronized void sync() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        sync();
        lock.release();
        channel.close();
    }
}
