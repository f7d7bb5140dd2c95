package tianping.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The condition language compares 日最大累计超标时长 as a double (minutes / 60) against a threshold written with
 * up to two decimals. Over every minute count a day can hold and every such threshold up to 24 hours, the double
 * comparison gives exactly what integer arithmetic gives: 240 minutes is ≤ 4 小时, 255 is not.
 */
class ExceedanceHoursTest {

    @Test
    void comparingMinutesOverSixtyAsDoublesIsExactForEveryMinuteOfADayAndEveryTwoDecimalThreshold() {
        for (long minutes = 0; minutes <= 1440; minutes++) {
            double hours = minutes / 60.0; // as Finding.getMaxDailyExceedanceHours computes it
            for (int hundredths = 0; hundredths <= 2400; hundredths++) {
                double threshold = java.math.BigDecimal.valueOf(hundredths, 2).doubleValue(); // as Condition reads a table value
                long lhs = minutes * 100, rhs = hundredths * 60L; // minutes/60 vs hundredths/100, cross-multiplied
                if ((lhs <= rhs) != (hours <= threshold) || (lhs < rhs) != (hours < threshold) || (lhs == rhs) != (hours == threshold)) {
                    fail(minutes + " 分钟与 " + threshold + " 小时的比较不精确");
                }
            }
        }
    }
}
