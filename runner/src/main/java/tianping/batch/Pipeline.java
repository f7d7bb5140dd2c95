package tianping.batch;

import tianping.audit.DecisionLog;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Entries in → one output line each, in input order → decision log. Entries are decided in chunks on worker
 * threads while the chunk before is logged and written, so the workers never wait for the writer. For each entry
 * the decision is appended to the log before its line is written: a killed run has logged every line it wrote
 * (what {@link Resume} relies on). Every entry ends as exactly one line and one count in the {@link Summary}; a
 * step that throws gives its entry an internal-error line, never a lost entry.
 */
public final class Pipeline implements AutoCloseable {

    private static final int CHUNK = 512;
    private static final long SECOND = 1_000_000_000L;

    private final ExecutorService pool;

    public Pipeline(int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads));
    }

    /** The workers, for steps that prepare their entries in parallel (power-batch reads its register on them). */
    public ExecutorService pool() {
        return pool;
    }

    /**
     * Runs every entry through {@code step}, writing each line to {@code sink} and each decision made now to
     * {@code log} (null: not logged), counting into {@code summary}; progress each second on {@code progress}.
     */
    public <E> Summary run(Iterator<E> entries, Step<E> step, OutputSink sink, DecisionLog log, Summary summary, PrintWriter progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long lastSync = start;
        List<Future<Outcome>> pending = submit(entries, step);
        while (!pending.isEmpty()) {
            List<Future<Outcome>> next = submit(entries, step);
            for (Future<Outcome> f : pending) {
                Outcome o = get(f);
                if (log != null && o.caseFile() != null) log.append(o.caseFile(), o.decision(), o.line().source(), o.decisionJson());
                sink.write(o.line(), o.json());
                summary.add(o.line(), o.decision());
            }
            pending = next;
            long now = System.nanoTime();
            if (log != null && now - lastSync > SECOND) {
                log.sync();
                lastSync = now;
            }
            if (progress != null && now - lastProgress > SECOND) {
                lastProgress = now;
                summary.progress(progress, (now - start) / 1e9);
            }
        }
        return summary;
    }

    private <E> List<Future<Outcome>> submit(Iterator<E> entries, Step<E> step) {
        List<Future<Outcome>> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < CHUNK && entries.hasNext(); i++) {
            E e = entries.next();
            chunk.add(pool.submit(() -> {
                try {
                    return step.apply(e);
                } catch (RuntimeException ex) {
                    return Outcome.of(OutputLine.internalError(step.source(e), null, ex));
                }
            }));
        }
        return chunk;
    }

    private static Outcome get(Future<Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
