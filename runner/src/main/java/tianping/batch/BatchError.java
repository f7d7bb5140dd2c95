package tianping.batch;

import tianping.read.CaseError;

/**
 * Why one entry of a batch was not decided, in the one shape every batch output uses: the file (and line, for
 * JSON Lines) it came from, the JSON path or data location, a stable code, and what was expected.
 */
public record BatchError(String file, String path, String code, String message) {

    public static BatchError of(CaseError e) {
        return new BatchError(e.file(), e.path(), e.code(), e.message());
    }
}
