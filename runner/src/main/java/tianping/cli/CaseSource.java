package tianping.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The cases of a batch input, in a stable order: a .jsonl file line by line, a .json file whole, or a directory's
 * .json and .jsonl files in path order (decisions, *.decision.json, and test expectations, *.expected.json, are not cases). Each case carries where it came from ("file" or "file:line"). Lines are
 * read as they are consumed, so a province's day does not have to fit in memory.
 */
final class CaseSource implements Iterator<CaseSource.Input>, AutoCloseable {

    /** One case: where it came from, its JSON, and the directory its data files are resolved against. */
    record Input(String source, String json, Path baseDir) {
    }

    private final Iterator<Path> files;
    private final List<Path> skipped = new ArrayList<>();
    private BufferedReader lines;
    private Path linesFile;
    private long lineNo;
    private Input next;

    CaseSource(Path input) throws IOException {
        List<Path> list = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String n = p.getFileName().toString();
                    // *.decision.json are tianping's own decisions, *.expected.json a test's expectations (the fixtures
                    // keep both beside their cases)
                    if ((n.endsWith(".json") && !n.endsWith(".decision.json") && !n.endsWith(".expected.json")) || n.endsWith(".jsonl")) list.add(p);
                    else skipped.add(p);
                }
            }
        } else if (Files.isRegularFile(input)) {
            list.add(input);
        } else {
            throw new IOException(input + "：不存在或不可读");
        }
        this.files = list.iterator();
    }

    /** Whether {@code file} is a file that can be read; if not, says so on {@code err} (an input error). */
    static boolean readable(Path file, PrintWriter err) {
        if (Files.isRegularFile(file) && Files.isReadable(file)) return true;
        err.println(file + ": 文件不存在或不可读");
        err.flush();
        return false;
    }

    /** Files in an input directory that are not cases (neither .json nor .jsonl, or a *.decision.json or *.expected.json). */
    List<Path> skipped() {
        return skipped;
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        try {
            while (true) {
                if (lines != null) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        lineNo++;
                        if (!line.isBlank()) {
                            next = new Input(linesFile + ":" + lineNo, line, linesFile.toAbsolutePath().getParent());
                            return true;
                        }
                    }
                    lines.close();
                    lines = null;
                }
                if (!files.hasNext()) return false;
                Path f = files.next();
                if (f.getFileName().toString().endsWith(".jsonl")) {
                    lines = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                    linesFile = f;
                    lineNo = 0;
                } else {
                    next = new Input(f.toString(), Files.readString(f, StandardCharsets.UTF_8), f.toAbsolutePath().getParent());
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Input next() {
        if (!hasNext()) throw new NoSuchElementException();
        Input n = next;
        next = null;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) lines.close();
    }
}
