package tianping.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Checks a decision log's chain over all its segments ({@link LogSegments}): every record's own hash, its sequence
 * number and its link to the record before. A log found broken is read a second time and each break is named by
 * what was done ({@link ChainBreaks}): a record edited, deleted, inserted, duplicated, two records swapped, the order
 * shuffled; plus a torn last line or a line that is no record. Given an exported head (count and hash), a log cut
 * short or rewritten at the end is found as well. Segments are decompressed and hashed on all cores, the chain is
 * followed in order.
 */
public final class Verifier {

    /** One break in the chain, located. */
    public record Problem(long line, long seq, String kind, String message) {
        @Override
        public String toString() {
            return "第 " + line + " 行" + (seq > 0 ? "（#" + seq + "）" : "") + "：" + kind + "：" + message;
        }
    }

    /** An exported chain head: how many records the log had, and the hash of the last. */
    public record Head(long count, String head) {
    }

    /** @param ruleSets the rule-set fingerprints the decision records name, for checking their snapshots */
    public record Result(long records, String head, List<Problem> problems, Set<String> ruleSets) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** What the chain needs of one line. @param kind RECORD, FOREIGN (not a record) or TORN (no newline at the end) */
    record Entry(long line, int kind, long seq, String prev, String claimed, boolean ok, String ruleSet) {
        static final int RECORD = 0, FOREIGN = 1, TORN = 2;
    }

    private static final int CHUNK = 512;

    private Verifier() {
    }

    public static Result verify(Path logFile, Head expected) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Set<String> ruleSets = new TreeSet<>();
        String[] prev = {LogRecord.GENESIS};
        long[] expectedSeq = {1};
        long[] records = {0};
        String[] headAtExpected = {null};
        List<Problem> raw = new ArrayList<>();
        scan(logFile, e -> {
            if (e.kind() == Entry.TORN) {
                problems.add(new Problem(e.line(), 0, "末行不完整", "最后一行没有换行结束，写入被中断；下次写入时会移出并记入修复记录"));
                return;
            }
            if (e.kind() == Entry.FOREIGN) {
                problems.add(new Problem(e.line(), 0, "无法识别", "不是决定记录（缺少 seq、prev 或 hash），可能被改动或插入了他物"));
                return;
            }
            records[0]++;
            if (e.ruleSet() != null) ruleSets.add(e.ruleSet());
            if (!e.ok()) raw.add(new Problem(e.line(), e.seq(), "内容被改动", "记录内容与其自身哈希不符"));
            else if (e.seq() != expectedSeq[0]) raw.add(new Problem(e.line(), e.seq(), "序号不连续", "此处应为第 " + expectedSeq[0] + " 条"));
            else if (!e.prev().equals(prev[0])) raw.add(new Problem(e.line(), e.seq(), "链接断开", "所记前一条哈希与前一条记录不符"));
            if (expected != null && e.seq() == expected.count()) headAtExpected[0] = e.claimed();
            prev[0] = e.claimed();
            expectedSeq[0] = e.seq() + 1;
        });
        if (!raw.isEmpty()) {
            // broken: read again, keeping every record's link, to say what was done
            List<Entry> all = new ArrayList<>();
            scan(logFile, e -> {
                if (e.kind() == Entry.RECORD) all.add(e);
            });
            List<Problem> named = ChainBreaks.classify(all);
            problems.addAll(named.isEmpty() ? raw : named);
            problems.sort(java.util.Comparator.comparingLong(Problem::line));
        }
        if (expected != null) {
            if (expectedSeq[0] - 1 < expected.count()) {
                problems.add(new Problem(records[0], 0, "末尾被截去", "导出的链头记有 " + expected.count() + " 条，日志只到第 " + (expectedSeq[0] - 1) + " 条"));
            } else if (headAtExpected[0] == null || !headAtExpected[0].equals(expected.head())) {
                problems.add(new Problem(records[0], expected.count(), "链头不符", "第 " + expected.count() + " 条记录的哈希与导出的链头 " + expected.head() + " 不符（末尾被改写）"));
            }
        }
        return new Result(records[0], prev[0], problems, ruleSets);
    }

    /**
     * The chain of the log in {@code dir} and every snapshot its records name (the bundled rule set as shipped
     * included), each changed snapshot file named.
     */
    public static Result verifyWithSnapshots(Path dir, Head expected) throws IOException {
        Result chain = verify(dir.resolve(DecisionLog.FILE), expected);
        List<Problem> problems = new ArrayList<>(chain.problems());
        SnapshotStore store = new SnapshotStore(dir);
        for (String fingerprint : chain.ruleSets()) {
            for (String p : store.check(fingerprint)) problems.add(new Problem(0, 0, "快照", p));
        }
        return new Result(chain.records(), chain.head(), problems, chain.ruleSets());
    }

    /**
     * Hands every line of the log, in order, to {@code each}: sealed segments are decompressed and hashed as whole
     * tasks, the active file in chunks of lines, on a pool as wide as the machine, results taken in order.
     */
    static void scan(Path logFile, Consumer<Entry> each) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tianping-verify");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<List<Entry>>> window = new ArrayDeque<>();
        long[] line = {0};
        int max = threads * 3;
        try {
            for (LogSegments.Segment s : LogSegments.sealed(logFile)) {
                submit(window, pool, () -> entries(split(LogSegments.read(s))), max, each, line);
            }
            if (Files.exists(logFile)) {
                try (LogLines lines = new LogLines(logFile)) {
                    List<byte[]> chunk = new ArrayList<>(CHUNK);
                    boolean torn = false;
                    for (byte[] l; (l = lines.next()) != null; ) {
                        if (lines.lastLineTorn()) {
                            torn = true;
                            break;
                        }
                        chunk.add(l);
                        if (chunk.size() == CHUNK) {
                            List<byte[]> c = chunk;
                            submit(window, pool, () -> entries(c), max, each, line);
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    List<byte[]> c = chunk;
                    submit(window, pool, () -> entries(c), max, each, line);
                    if (torn) submit(window, pool, () -> List.of(new Entry(0, Entry.TORN, 0, null, null, false, null)), max, each, line);
                }
            }
            while (!window.isEmpty()) drain(window.poll(), each, line);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void submit(Deque<Future<List<Entry>>> window, ExecutorService pool, Callable<List<Entry>> task, int max,
                               Consumer<Entry> each, long[] line) throws IOException {
        window.add(pool.submit(task));
        while (window.size() > max) drain(window.poll(), each, line);
    }

    private static void drain(Future<List<Entry>> f, Consumer<Entry> each, long[] line) throws IOException {
        List<Entry> entries;
        try {
            entries = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("核验被中断");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
        for (Entry e : entries) {
            line[0]++;
            each.accept(new Entry(line[0], e.kind(), e.seq(), e.prev(), e.claimed(), e.ok(), e.ruleSet()));
        }
    }

    /** The lines of a segment; a segment's content always ends with a newline (a last line without is no record). */
    private static List<byte[]> split(byte[] records) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < records.length; i++) {
            if (records[i] == '\n') {
                out.add(Arrays.copyOfRange(records, start, i));
                start = i + 1;
            }
        }
        if (start < records.length) out.add(new byte[0]);
        return out;
    }

    private static List<Entry> entries(List<byte[]> lines) {
        List<Entry> out = new ArrayList<>(lines.size());
        for (byte[] line : lines) {
            LogRecord r = LogRecord.of(line);
            String claimed = r.claimedHash();
            LogRecord.Link link = claimed == null ? null : r.link();
            if (link == null) {
                out.add(new Entry(0, Entry.FOREIGN, 0, null, null, false, null));
                continue;
            }
            boolean ok = claimed.equals(r.actualHash());
            out.add(new Entry(0, Entry.RECORD, link.seq(), link.prev(), claimed, ok,
                    link.ruleSet() != null && SnapshotStore.wellFormed(link.ruleSet()) ? link.ruleSet() : null));
        }
        return out;
    }
}
