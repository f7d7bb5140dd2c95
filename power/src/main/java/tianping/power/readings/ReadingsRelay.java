package tianping.power.readings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A readings CSV parsed on a thread of its own while the caller receives the rows, in file order, on its thread:
 * parsing and routing readings onto grids each take about half of the feed, so on two cores they overlap instead
 * of adding up. Parsing starts at {@link #start}, before the caller is ready to receive (power-batch reads its
 * register meanwhile); the rows wait in at most {@link #BATCHES} batches, so memory is bounded whatever the file's size.
 * The visitor sees exactly the calls {@link ReadingsCsv#parse} would make, in the same order, each reading with its
 * row's bytes.
 */
public final class ReadingsRelay implements AutoCloseable {

    private static final int ROWS = 16_384;
    /**
     * At most this many batches (about 1 million rows, up to ~110 MB with their row bytes): enough to hold what the
     * parser reads while power-batch checks its register (0.2–0.4 s). With 24 the parser stalled on a full queue for
     * most of that time, and the feed took about 0.5 s longer (power/README.md, 2026-12-03).
     */
    private static final int BATCHES = 64;

    /**
     * Rows parsed, waiting for the visitor; a malformed row has its message instead of values. Each reading's row
     * bytes are copied after the previous one's (the parser's buffer is reused), for visitors that hash them.
     */
    private static final class Batch implements ReadingVisitor {
        final String[] enterprise = new String[ROWS];
        final String[] channel = new String[ROWS];
        final long[] minute = new long[ROWS];
        final double[] kw = new double[ROWS];
        final long[] line = new long[ROWS];
        final String[] malformed = new String[ROWS];
        /** Row i's bytes end at rowEnd[i] in {@link #bytes} and start where row i − 1's end (0 for the first). */
        final int[] rowEnd = new int[ROWS];
        byte[] bytes = new byte[ROWS * 64];
        int used;
        int size;

        @Override
        public void reading(String enterprise, String channel, long minute, double kw, long line) {
            reading(enterprise, channel, minute, kw, line, bytes, 0, 0);
        }

        @Override
        public void reading(String enterprise, String channel, long minute, double kw, long line, byte[] row, int from, int to) {
            int n = to - from;
            if (used + n > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
            System.arraycopy(row, from, bytes, used, n);
            used += n;
            this.enterprise[size] = enterprise;
            this.channel[size] = channel;
            this.minute[size] = minute;
            this.kw[size] = kw;
            this.line[size] = line;
            this.rowEnd[size] = used;
            this.malformed[size++] = null;
        }

        @Override
        public void malformed(long line, String message) {
            this.line[size] = line;
            this.rowEnd[size] = used;
            this.malformed[size++] = message;
        }

        void replay(ReadingVisitor to) {
            int from = 0;
            for (int i = 0; i < size; i++) {
                if (malformed[i] == null) to.reading(enterprise[i], channel[i], minute[i], kw[i], line[i], bytes, from, rowEnd[i]);
                else to.malformed(line[i], malformed[i]);
                from = rowEnd[i];
            }
            size = 0;
            used = 0;
        }
    }

    private static final Batch END = new Batch();

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread parser;
    private volatile Throwable failed;
    /** Batches made so far, by the parser thread only: made when needed, so a small feed never holds {@link #BATCHES}. */
    private int made;

    private ReadingsRelay(InputStream in) {
        parser = new Thread(() -> parse(in), "readings-parser");
        parser.setDaemon(true);
    }

    /** Starts parsing {@code in} (read by the parser thread until its end; the caller still closes it). */
    public static ReadingsRelay start(InputStream in) {
        ReadingsRelay r = new ReadingsRelay(in);
        r.parser.start();
        return r;
    }

    private void parse(InputStream in) {
        try {
            Batch[] current = {next()};
            ReadingsCsv.parse(in, new ReadingVisitor() {
                @Override
                public void reading(String enterprise, String channel, long minute, double kw, long line) {
                    current[0].reading(enterprise, channel, minute, kw, line);
                    if (current[0].size == ROWS) current[0] = handOver(current[0]);
                }

                @Override
                public void reading(String enterprise, String channel, long minute, double kw, long line, byte[] row, int from, int to) {
                    current[0].reading(enterprise, channel, minute, kw, line, row, from, to);
                    if (current[0].size == ROWS) current[0] = handOver(current[0]);
                }

                @Override
                public void malformed(long line, String message) {
                    current[0].malformed(line, message);
                    if (current[0].size == ROWS) current[0] = handOver(current[0]);
                }
            });
            if (current[0].size > 0) full.put(current[0]);
        } catch (InterruptedException | Stop e) {
            return; // the receiver gave up (close before the end): nobody waits for the rest
        } catch (Throwable e) {
            failed = e;
        }
        full.add(END);
    }

    /** A batch given back by the receiver, or a new one while fewer than {@link #BATCHES} exist. */
    private Batch next() throws InterruptedException {
        Batch b = free.poll();
        if (b != null) return b;
        if (made < BATCHES) {
            made++;
            return new Batch();
        }
        return free.take();
    }

    /** Thrown inside the parser when the receiver closed the relay early, to unwind ReadingsCsv.parse. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private Batch handOver(Batch b) {
        try {
            full.put(b);
            return next();
        } catch (InterruptedException e) {
            throw new Stop();
        }
    }

    /** Hands every row to {@code visitor}, in file order, on the calling thread; returns at the end of the file. */
    public void drainTo(ReadingVisitor visitor) throws IOException, InterruptedException {
        for (Batch b = full.take(); b != END; b = full.take()) {
            b.replay(visitor);
            free.put(b);
        }
        Throwable e = failed;
        if (e instanceof IOException io) throw io;
        if (e instanceof UncheckedIOException u) throw u.getCause();
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
    }

    /** Stops the parser if it is still running (the receiver failed or gave up) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        parser.interrupt();
        parser.join();
    }
}
