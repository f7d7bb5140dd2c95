package tianping.facts;

import java.time.LocalDate;

/**
 * The enterprise's environmental credit record (企业环境信用). {@code grade} is always filled: when the case
 * gives only a score, the reader derives the grade from the credit-grade table of the scheme.
 *
 * @param blocksLeniency whether this record bars the no-penalty lists: a red or black grade, or the
 *                       serious-dishonesty list without a completed repair (brief § 2.7, a [K] guard kept as data
 *                       in credit-grades.csv)
 */
public record Credit(
        String scheme,
        String grade,
        Double score,
        boolean onSeriousDishonestyList,
        LocalDate repairedOn,
        boolean blocksLeniency) {

    /** No credit record was given: nothing blocks leniency. */
    public static Credit none() {
        return new Credit("无记录", "无记录", null, false, null, false);
    }
}
