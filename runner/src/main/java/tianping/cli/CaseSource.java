package tianping.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check a command makes on a case file named on its command line before reading it. The entries of a batch
 * input are listed by {@link tianping.batch.CaseEntries}.
 */
final class CaseSource {

    private CaseSource() {
    }

    /** Whether {@code file} is a file that can be read; if not, says so on {@code err} (an input error). */
    static boolean readable(Path file, PrintWriter err) {
        if (Files.isRegularFile(file) && Files.isReadable(file)) return true;
        err.println(file + ": 文件不存在或不可读");
        err.flush();
        return false;
    }
}
