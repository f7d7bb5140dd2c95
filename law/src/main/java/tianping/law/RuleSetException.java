package tianping.law;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be loaded, with every error found (all of them, not just the first). */
public final class RuleSetException extends Exception {

    private final List<TableError> errors;

    public RuleSetException(List<TableError> errors) {
        super(errors.stream().map(TableError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<TableError> errors() {
        return errors;
    }
}
