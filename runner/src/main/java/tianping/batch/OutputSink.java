package tianping.batch;

import java.io.IOException;

/**
 * Where output lines go, in input order, one call per entry: a JSON Lines file ({@link JsonLinesFile}), a
 * response, a stream. Called from one thread.
 */
public interface OutputSink extends AutoCloseable {

    /** @param json the line's JSON bytes, without newline */
    void write(OutputLine line, byte[] json) throws IOException;

    @Override
    void close() throws IOException;
}
