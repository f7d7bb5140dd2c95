package tianping.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The one output line of every batch (batch, power-batch, and whatever else decides entries one line each):
 * where the entry came from, what became of it, and either the decision or the located errors.
 *
 * @param source     the entry: {@code file} or {@code file:line}
 * @param status     decided, no_violation, rejected, error (internal); power-batch also clean, clues (both count as
 *                   no violation), unregistered and feed_error (both count as rejected)
 * @param caseId     the case's id when it could be read, else null
 * @param enterprise power-batch: the enterprise's USCC (omitted elsewhere)
 * @param line       power-batch: the line of the enterprise register (omitted elsewhere)
 * @param readings   power-batch: what the readings were (omitted elsewhere)
 * @param episodes   power-batch: the anomaly episodes found (omitted elsewhere)
 * @param decision   the decision when decided, else null (always written, as the batch format always had it)
 * @param errors     why the entry was not decided, or what the data showed (no_violation); omitted when decided
 */
@JsonPropertyOrder({"source", "status", "caseId", "enterprise", "line", "readings", "episodes", "decision", "errors"})
public record OutputLine(String source, String status, String caseId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String enterprise,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long line,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String readings,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Episode> episodes,
                         RawJson decision,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<BatchError> errors) {

    public static OutputLine decided(String source, String caseId, byte[] decisionJson) {
        return new OutputLine(source, Status.DECIDED, caseId, null, null, null, null, new RawJson(decisionJson), null);
    }

    public static OutputLine rejected(String source, String caseId, List<BatchError> errors) {
        return new OutputLine(source, Status.REJECTED, caseId, null, null, null, null, null, errors);
    }

    public static OutputLine noViolation(String source, String caseId, List<BatchError> errors) {
        return new OutputLine(source, Status.NO_VIOLATION, caseId, null, null, null, null, null, errors);
    }

    /** An entry the pipeline could not process because of a defect in tianping, not in the input. */
    public static OutputLine internalError(String source, String caseId, RuntimeException e) {
        return new OutputLine(source, Status.ERROR, caseId, null, null, null, null, null,
                List.of(new BatchError(source, "$", "internal_error", String.valueOf(e))));
    }
}
