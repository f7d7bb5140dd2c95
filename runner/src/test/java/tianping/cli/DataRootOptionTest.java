package tianping.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.read.ConfinedFiles;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --data-root widens where a case's data may lie, for that command only; a wrong root is a usage error. */
class DataRootOptionTest {

    private static final Path FIXTURE = Path.of("..", "fixtures", "monitoring", "shanxi");

    @TempDir
    Path tmp;

    @AfterEach
    void reset() {
        ConfinedFiles.configure(null, ConfinedFiles.DEFAULT_MAX_BYTES);
    }

    private int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void dataOutsideTheCaseFolderAreReadOnlyInsideTheNamedRoot() throws Exception {
        Path raw = Files.createDirectories(tmp.resolve("raw"));
        Files.copy(FIXTURE.resolve("data/sx-air-4h-below-0.1.hj212"), raw.resolve("x.hj212"));
        Path cases = Files.createDirectories(tmp.resolve("cases"));
        Path c = cases.resolve("c.json");
        Files.writeString(c, Files.readString(FIXTURE.resolve("sx-air-4h-below-0.1.json")).replace("data/sx-air-4h-below-0.1.hj212", "../raw/x.hj212"));
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "check", "--no-log", c.toString()));
        assertTrue(err.toString().contains("data_file_outside"), err.toString());
        assertEquals(0, run(new StringWriter(), "check", "--no-log", "--data-root", raw.toString(), c.toString()));
        // the next command starts from the defaults again
        assertEquals(1, run(new StringWriter(), "check", "--no-log", c.toString()));
        StringWriter small = new StringWriter();
        assertEquals(1, run(small, "check", "--no-log", "--data-root", raw.toString(), "--data-max-bytes", "100", c.toString()));
        assertTrue(small.toString().contains("data_file_too_large"), small.toString());
        StringWriter usage = new StringWriter();
        assertEquals(2, run(usage, "check", "--no-log", "--data-root", tmp.resolve("nowhere").toString(), c.toString()));
        assertTrue(usage.toString().contains("不是存在的目录"), usage.toString());
    }
}
