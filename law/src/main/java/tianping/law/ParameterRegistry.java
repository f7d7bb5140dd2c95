package tianping.law;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters.csv rows the Java code reads itself (law/decide, monitoring, power), each with the unit the code
 * computes in; rules' {@code law.number("…")} calls are checked against the table separately (RuleSet). Declared once
 * here so a missing or renamed row, a value that is not a number, or a unit the code cannot convert is a load error on
 * the table's line instead of an exception or a silently wrong threshold in the middle of a case. A row written in
 * another unit of the same quantity ({@code 1,日} where hours are read) is converted exactly at load.
 */
final class ParameterRegistry {

    /** A text parameter (a name, not a quantity). */
    static final String TEXT = "（文字）";
    /** A number without a unit (a ratio or coefficient). */
    static final String PLAIN = "";

    static final Map<String, String> READ_BY_CODE = declared();

    /** How many of the second unit one of the first is, for the units the code reads. */
    private static final Map<String, BigDecimal> FACTORS = Map.of(
            "年>个月", BigDecimal.valueOf(12), "日>小时", BigDecimal.valueOf(24), "小时>分钟", BigDecimal.valueOf(60),
            "日>分钟", BigDecimal.valueOf(1440), "天>小时", BigDecimal.valueOf(24), "天>分钟", BigDecimal.valueOf(1440));

    private ParameterRegistry() {
    }

    private static Map<String, String> declared() {
        Map<String, String> m = new LinkedHashMap<>();
        // tianping.decide.Law and LawBook
        m.put("追责时效", "年");
        m.put("追责时效（涉及生命健康安全）", "年");
        m.put("故障报告时限", "小时");
        m.put("默认裁量基准", TEXT);
        // tianping.monitoring.values.Thresholds
        m.put("小时均值最少有效分钟数", "分钟");
        m.put("日均值最少有效小时数", "小时");
        m.put("平直判定变异系数上限", PLAIN);
        m.put("平直判定最短时长", "小时");
        m.put("尖峰判定倍数", "倍");
        m.put("周期性尖峰最少次数", "次");
        m.put("周期性尖峰间隔偏差上限", PLAIN);
        m.put("流量为零最短时长", "小时");
        // tianping.power.episodes.Thresholds
        m.put("用电采样间隔", "分钟");
        m.put("生产设施运行功率比例", PLAIN);
        m.put("治污设施运行功率比例", PLAIN);
        m.put("用电异常最短持续时间", "分钟");
        m.put("治污设施低负荷比例", PLAIN);
        m.put("治污设施低负荷最短持续时间", "分钟");
        m.put("治污产污用电比下降比例", PLAIN);
        m.put("用电比基线最少时段数", "个");
        m.put("建而不用最少天数", "日");
        m.put("时开时停日启停次数", "次");
        m.put("夜间白天用电比", "倍");
        m.put("夜间开始时刻", "时");
        m.put("夜间结束时刻", "时");
        m.put("故障减产响应时限", "分钟");
        m.put("故障减产负荷比例", PLAIN);
        m.put("测点离线判定时段数", "个");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code value} in {@code from} expressed in {@code to}, exactly; null if the code cannot convert it. */
    static BigDecimal convert(BigDecimal value, String from, String to) {
        if (from.equals(to)) return value;
        BigDecimal f = FACTORS.get(from + ">" + to);
        if (f != null) return value.multiply(f);
        BigDecimal back = FACTORS.get(to + ">" + from);
        if (back == null) return null;
        try {
            return value.divide(back);
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
