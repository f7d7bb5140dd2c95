package tianping.law;

/**
 * A condition evaluated on one finding: what the law requires, what the case shows, whether it is met, and a
 * sentence for officers such as "日最大累计超标时长 5.5 小时 > 4 小时".
 */
public record ConditionResult(String condition, String origin, String actual, String required, boolean met,
                              String explanation) {
}
