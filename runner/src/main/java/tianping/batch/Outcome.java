package tianping.batch;

import tianping.engine.Decision;
import tianping.read.CaseFile;

/**
 * What became of one entry: its output line, serialised by the worker that decided it, and — when a decision was
 * made now — the case and decision the pipeline records in the decision log before the line is written.
 *
 * @param json         the line's JSON bytes (without newline)
 * @param caseFile     the case that was decided, or null when nothing is to be logged
 * @param decision     the decision, or null
 * @param decisionJson the decision's JSON, as embedded in the line and logged, or null
 */
public record Outcome(OutputLine line, byte[] json, CaseFile caseFile, Decision decision, byte[] decisionJson) {

    /** A line with nothing to log (rejected, no violation, or a decision already in the log). */
    public static Outcome of(OutputLine line) {
        return new Outcome(line, Lines.bytes(line), null, null, null);
    }

    /** A decision made now: logged, then written. */
    public static Outcome decided(String source, CaseFile c, Decision d) {
        byte[] decisionJson = Lines.bytes(d);
        OutputLine line = OutputLine.decided(source, d.caseId(), decisionJson);
        return new Outcome(line, Lines.bytes(line), c, d, decisionJson);
    }

    /** A decided power-batch line (its own fields beside the decision): logged, then written. */
    public static Outcome decided(OutputLine line, CaseFile c, Decision d, byte[] decisionJson) {
        return new Outcome(line, Lines.bytes(line), c, d, decisionJson);
    }
}
