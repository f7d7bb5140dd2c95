package tianping.batch;

import java.nio.file.Path;

/**
 * One entry of a case batch: where it came from ({@code file} or {@code file:line}), its bytes, and the folder its
 * data files are resolved against; or, for an entry that cannot be read at all (a directory or FIFO named
 * {@code x.json}, a blank line, broken UTF-8, an oversized line), the located reason it is refused.
 */
public record CaseEntry(String source, byte[] json, Path baseDir, BatchError refused) {

    static CaseEntry refused(String source, String code, String message) {
        return new CaseEntry(source, null, null, new BatchError(source, "$", code, message));
    }
}
