package tianping.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Output lines to a JSON Lines file, one line each, buffered. Opened either fresh (the file must not hold lines:
 * {@link OutFile} refuses that before anything is touched) or to append after a resume cut the file back to its
 * last whole line.
 */
public final class JsonLinesFile implements OutputSink {

    private final OutputStream out;

    private JsonLinesFile(OutputStream out) {
        this.out = out;
    }

    /** Creates or empties {@code file} (callers have checked it may be emptied). */
    public static JsonLinesFile create(Path file) throws IOException {
        return new JsonLinesFile(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Appends to {@code file}, which ends with a whole line. */
    public static JsonLinesFile append(Path file) throws IOException {
        return new JsonLinesFile(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), 1 << 16));
    }

    @Override
    public void write(OutputLine line, byte[] json) throws IOException {
        out.write(json);
        out.write('\n');
    }

    /** Hands buffered lines to the file system (a killed process then loses nothing written so far). */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
