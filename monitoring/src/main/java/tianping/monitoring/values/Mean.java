package tianping.monitoring.values;

import java.math.BigDecimal;
import java.util.List;

/** An hourly or daily mean of one factor: a valid value with how it was obtained, or why there is none. */
public sealed interface Mean permits Mean.Valid, Mean.Excluded {

    /** The minute the hour or day starts (minutes since 1970-01-01T00:00, local time). */
    long start();

    /**
     * @param value    the mean the limit is compared with (O₂-corrected where the outlet's standard requires it)
     * @param measured the mean before correction
     * @param oxygen   the O₂ mean (%) it was corrected with, or null when not corrected
     * @param count    valid minutes (hourly mean) or valid hours (daily mean) it was computed from; 0 when the
     *                 mean was transmitted as such
     * @param source   分钟数据 / 小时数据 / 小时均值 / 日数据
     * @param notes    what an officer must know about the data it rests on (超量程, 人工设定值)
     */
    record Valid(long start, BigDecimal value, BigDecimal measured, BigDecimal oxygen, int count, String source,
                 List<String> notes) implements Mean {
        public Valid {
            notes = List.copyOf(notes);
        }

        Valid corrected(BigDecimal corrected, BigDecimal oxygenMean) {
            return new Valid(start, corrected, measured, oxygenMean, count, source, notes);
        }
    }

    /** @param reason why the interval has no valid mean, e.g. 有效分钟 30 < 45（M 维护 30 分钟） */
    record Excluded(long start, String reason) implements Mean {
    }
}
