package tianping.facts;

import java.time.LocalDate;

/**
 * A re-inspection (复查) of an earlier finding after a correction order.
 *
 * @param dailyPenaltyImposed a daily penalty has already been imposed for the days up to this re-inspection,
 *                            so a later count starts the day after it (令第28号 Art. 17, 累计执行)
 */
public record Reinspection(
        String relatesTo,
        LocalDate on,
        boolean covert,
        boolean stillViolating,
        boolean obstructed,
        boolean dailyPenaltyImposed) {
}
