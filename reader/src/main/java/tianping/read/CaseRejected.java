package tianping.read;

import java.util.List;
import java.util.stream.Collectors;

/** A case refused with every error found in it ({@link NoViolationFound}: nothing to decide, which is no error). */
public class CaseRejected extends Exception {

    private final List<CaseError> errors;

    public CaseRejected(List<CaseError> errors) {
        super(errors.stream().map(CaseError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<CaseError> errors() {
        return errors;
    }
}
