package tianping.law;

import tianping.facts.Finding;

import java.util.List;
import java.util.function.Function;

/**
 * A measure legal staff can name in a condition (条件用语), with the finding property the generated rule reads.
 *
 * @param label    the Chinese term written in the tables, e.g. 日最大累计超标时长
 * @param property the DRL expression on {@code Finding}, e.g. {@code maxDailyExceedanceHours}
 * @param unit     the unit a value may carry in a condition ("4 小时"); empty when unitless
 * @param allowed  for text measures, the values it can take
 * @param nullable whether the property can be null (not established), so the rule must guard against it
 */
public record Measure(String label, String property, Kind kind, String unit, List<String> allowed, boolean nullable,
                      Function<Finding, Object> read) {

    public enum Kind { NUMBER, BOOLEAN, TEXT }

    public Measure {
        allowed = List.copyOf(allowed);
    }

    public Object valueOf(Finding f) {
        return read.apply(f);
    }
}
