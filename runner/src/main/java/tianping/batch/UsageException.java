package tianping.batch;

/**
 * An operator's mistake found before anything is touched (an --out that would overwrite an input or an earlier
 * result, a resume that does not match its batch): the command ends with exit code 2 and this message, in Chinese,
 * without a stack trace.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
