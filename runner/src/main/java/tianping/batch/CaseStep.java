package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.NoViolationFound;

import java.util.List;

/**
 * One case entry read and decided: decided, no_violation (raw data that show no violation, with what they
 * showed) or rejected (every located error of the case). The step of {@code batch}, and of anything else that
 * decides case JSON one line each.
 */
public final class CaseStep implements Step<CaseEntry> {

    private final CaseReader reader;
    private final Decider decider;

    public CaseStep(CaseReader reader, Decider decider) {
        this.reader = reader;
        this.decider = decider;
    }

    @Override
    public Outcome apply(CaseEntry in) {
        if (in.refused() != null) return Outcome.of(OutputLine.rejected(in.source(), null, List.of(in.refused())));
        String caseId = null;
        try {
            JsonNode tree = CaseReader.parse(in.source(), in.json());
            if (tree.path("caseId").isTextual()) caseId = tree.get("caseId").asText();
            CaseFile c = reader.read(in.source(), tree, in.baseDir());
            Decision d = decider.decide(in.source(), c);
            return Outcome.decided(in.source(), c, d);
        } catch (NoViolationFound e) {
            return Outcome.of(OutputLine.noViolation(in.source(), caseId, errors(e.errors())));
        } catch (CaseRejected e) {
            return Outcome.of(OutputLine.rejected(in.source(), caseId, errors(e.errors())));
        } catch (RuntimeException e) {
            return Outcome.of(OutputLine.internalError(in.source(), caseId, e));
        }
    }

    @Override
    public String source(CaseEntry entry) {
        return entry.source();
    }

    static List<BatchError> errors(List<CaseError> errors) {
        return errors.stream().map(BatchError::of).toList();
    }
}
