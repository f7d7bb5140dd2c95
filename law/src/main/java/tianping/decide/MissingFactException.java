package tianping.decide;

import tianping.facts.Finding;

/**
 * A rule needs a fact the case did not give (e.g. the total investment for a fine of 1%–5% of it). The case is
 * rejected with the JSON path of the missing field rather than decided on a guess.
 */
public final class MissingFactException extends RuntimeException {

    private final transient Finding finding;
    private final String path;

    /** @param path the missing field's path within the finding, e.g. {@code details.totalInvestment} */
    public MissingFactException(Finding finding, String path, String message) {
        super(message);
        this.finding = finding;
        this.path = path;
    }

    public Finding finding() {
        return finding;
    }

    public String path() {
        return path;
    }
}
