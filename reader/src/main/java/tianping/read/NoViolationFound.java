package tianping.read;

import java.util.List;

/**
 * The raw data a case refers to show no violation, and the case has no other finding: there is nothing to
 * decide. That is a result for the officer (the data were read and examined, with any clues to verify on site),
 * not an error in the input, so check and batch report it as such.
 */
public final class NoViolationFound extends CaseRejected {

    public NoViolationFound(List<CaseError> reasons) {
        super(reasons);
    }
}
