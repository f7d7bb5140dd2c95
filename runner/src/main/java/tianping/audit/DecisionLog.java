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
 * Opening takes an exclusive lock (several checkers may share a log; one that waits more than a second says so)
 * and checks the tail: a line torn by a killed process is moved to {@code decisions.jsonl.torn-OFFSET}, and a
 * repair record saying so is chained in before anything else is written — the chain is never silently broken.
 * Writes go whole lines at a time and are forced to disk by {@link #sync()}. Once the active file holds
 * {@link #SEGMENT_BYTES} it is sealed into a compressed segment ({@link LogSegments}) and emptied.
 */
public final class DecisionLog implements AutoCloseable {

    public static final String FILE = "decisions.jsonl";
    /** Plain bytes of records the active file holds before it is sealed: large enough to compress well. */
    public static final long SEGMENT_BYTES = 4L << 20;
    /** How long a writer waits for the lock before it tells the user it is waiting. */
    static final long WAIT_NOTICE_MILLIS = 1000;
    public static final String WAITING = "正在等待决定记录锁（另一个进程正在写入 ";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final long segmentBytes;
    private final List<String> notices = new ArrayList<>();
    private long seq;
    private String head = LogRecord.GENESIS;

    private DecisionLog(Path file, FileChannel channel, FileLock lock, long segmentBytes) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.segmentBytes = segmentBytes;
    }

    /** Opens the log for appending, sealing segments; a wait for the lock is announced on standard error. */
    public static DecisionLog open(Path dir) throws IOException {
        return open(dir, SEGMENT_BYTES, System.err::println);
    }

    /**
     * Opens the log without ever sealing its active file, for a writer that tracks positions in it (the Flink
     * sink checkpoints the file's length; the service indexes offsets into it).
     */
    public static DecisionLog openUnsealed(Path dir) throws IOException {
        return open(dir, 0, System.err::println);
    }

    /**
     * @param segmentBytes seal the active file once it holds this many bytes (0: never)
     * @param waiting told once, after a second, that another process holds the lock
     */
    public static DecisionLog open(Path dir, long segmentBytes, java.util.function.Consumer<String> waiting) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockAnnounced(channel, dir, waiting);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        DecisionLog log = new DecisionLog(file, channel, lock, segmentBytes);
        log.readTail();
        return log;
    }

    private static FileLock lockAnnounced(FileChannel channel, Path dir, java.util.function.Consumer<String> waiting) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) return lock;
        long noticeAt = System.nanoTime() + WAIT_NOTICE_MILLIS * 1_000_000;
        boolean told = false;
        while ((lock = channel.tryLock()) == null) {
            if (!told && System.nanoTime() - noticeAt >= 0) {
                waiting.accept(WAITING + dir + "）…");
                told = true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("等待决定记录锁时被中断");
            }
        }
        return lock;
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
        if (size == 0) {
            readLastRecord(0);
            return;
        }
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

    /** Reads the record ending just before {@code end} (which follows its newline), else the last sealed one. */
    private void readLastRecord(long end) throws IOException {
        List<LogSegments.Segment> sealed = LogSegments.sealed(file);
        LogSegments.Segment lastSealed = sealed.isEmpty() ? null : sealed.get(sealed.size() - 1);
        if (end == 0) {
            if (lastSealed != null) takeHead(lastLine(LogSegments.read(lastSealed)));
            return;
        }
        long start = lastIndexOf((byte) '\n', end - 1) + 1;
        takeHead(read(start, (int) (end - 1 - start)));
        if (lastSealed != null && seq <= lastSealed.last()) {
            // killed between sealing and emptying the active file: its records are the last segment's
            if (seq != lastSealed.last()) throw new IOException(file + " 与已封存的段 " + lastSealed.file().getFileName() + " 重叠，请先运行 tianping log verify");
            channel.truncate(0);
            channel.force(true);
            notices.add("上次封存决定记录段后未及清空 " + file + "（进程被中断）：其记录已在 " + lastSealed.file().getFileName() + " 中，已清空");
        }
    }

    private void takeHead(byte[] line) throws IOException {
        LogRecord last = LogRecord.of(line);
        LogRecord.Fields f = last.fields();
        if (f.seq() < 1 || last.claimedHash() == null) throw new IOException(file + " 的最后一条记录无法识别，请先运行 tianping log verify");
        seq = f.seq();
        head = last.claimedHash();
    }

    private static byte[] lastLine(byte[] records) {
        int end = records.length - 1;
        int start = end;
        while (start > 0 && records[start - 1] != '\n') start--;
        return java.util.Arrays.copyOfRange(records, start, end);
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
        long at;
        try {
            at = channel.size();
            while (buf.hasRemaining()) at += channel.write(buf, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seq++;
        head = r.claimedHash();
        if (segmentBytes > 0 && at >= segmentBytes) seal(at);
    }

    /** Seals the active file's {@code size} bytes (whole records) into a segment, then empties it. */
    private void seal(long size) {
        try {
            channel.force(false);
            byte[] records = read(0, (int) size);
            int firstEnd = 0;
            while (records[firstEnd] != '\n') firstEnd++;
            LogRecord.Link first = LogRecord.of(java.util.Arrays.copyOf(records, firstEnd)).link();
            if (first == null) return; // a foreign first line: left for log verify to report, never sealed away
            LogSegments.seal(file, records, first.seq(), seq);
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
