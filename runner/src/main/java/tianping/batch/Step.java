package tianping.batch;

/**
 * What the pipeline does with one entry: read it, decide it, and say what became of it. Runs on worker threads,
 * so it must be thread-safe; an exception it throws is an internal error, written as that entry's line.
 *
 * @param <E> the entry type (a case file or JSON line, an enterprise of a register, a request)
 */
public interface Step<E> {

    Outcome apply(E entry);

    /** The entry's source, for the internal-error line of an entry whose step threw. */
    String source(E entry);
}
