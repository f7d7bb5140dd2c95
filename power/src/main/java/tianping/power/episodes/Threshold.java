package tianping.power.episodes;

import tianping.law.Numbers;

/** One threshold as applied, named as in parameters.csv, so evidence can say which values decided it. */
public record Threshold(String name, double value, String unit, String source) {

    /** "用电异常最短持续时间 30 分钟 [K]": the [K] mark stays visible where the value is not from a published source. */
    public String text() {
        return name + " " + Numbers.plain(value) + (unit.isEmpty() ? "" : " " + unit) + (source.startsWith("[K]") ? " [K]" : "");
    }
}
