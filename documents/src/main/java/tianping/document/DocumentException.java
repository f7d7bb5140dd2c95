package tianping.document;

/** A document that cannot be drafted — a kind that does not fit the decision, a bad kind or format — said in Chinese. */
public final class DocumentException extends Exception {
    public DocumentException(String message) {
        super(message);
    }
}
