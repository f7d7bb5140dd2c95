package tianping.monitoring.episodes;

import tianping.law.Numbers;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 量程上限变更: an analyzer flags a value 超量程 (T) only at or above its measuring range's upper limit. So a value
 * flagged T that is lower than a value sent as normal at another time means the range was changed in between
 * (天津 2021: the range limit was lowered so that high readings were cut off). Against the registered range
 * (备案量程) the same holds for a single reading: a T value below it, or a normal value above it.
 */
public final class RangeChange {

    private RangeChange() {
    }

    /** @param observations every value of the factor, any level, any flag; {@code registered} may be null */
    public static List<Sign> find(String code, String name, List<Observation> observations, BigDecimal registered) {
        Observation lowestOver = null;
        Observation highestNormal = null;
        for (Observation o : observations) {
            String j = o.flag().judgement();
            if (j.equals("超量程") && (lowestOver == null || o.value() < lowestOver.value())) lowestOver = o;
            if (j.equals("有效") && (highestNormal == null || o.value() > highestNormal.value())) highestNormal = o;
        }
        List<Sign> out = new ArrayList<>();
        String who = name + "（" + code + "）";
        if (lowestOver != null && highestNormal != null && highestNormal.value() > lowestOver.value()) {
            long start = Math.min(lowestOver.minute(), highestNormal.minute());
            long end = Math.max(lowestOver.minute(), highestNormal.minute()) + 1;
            out.add(new Sign("量程上限变更", code, start, end, who + " " + Minutes.text(lowestOver.minute()) + " 的 "
                    + Numbers.plain(lowestOver.value()) + " 被标记为超量程（" + lowestOver.flag().flag() + "），而 "
                    + Minutes.text(highestNormal.minute()) + " 的 " + Numbers.plain(highestNormal.value())
                    + " 作为正常数据上报：期间分析仪量程上限被改变（第 " + lowestOver.line() + " 行、第 " + highestNormal.line() + " 行）"));
        }
        if (registered != null) {
            double range = registered.doubleValue();
            if (lowestOver != null && lowestOver.value() < range) {
                out.add(new Sign("量程上限变更", code, lowestOver.minute(), lowestOver.minute() + 1, who + " "
                        + Minutes.text(lowestOver.minute()) + " 的 " + Numbers.plain(lowestOver.value())
                        + " 被标记为超量程，低于备案量程上限 " + registered.toPlainString() + "：分析仪量程可能被调低（第 "
                        + lowestOver.line() + " 行）"));
            }
            if (highestNormal != null && highestNormal.value() > range) {
                out.add(new Sign("量程上限变更", code, highestNormal.minute(), highestNormal.minute() + 1, who + " "
                        + Minutes.text(highestNormal.minute()) + " 的 " + Numbers.plain(highestNormal.value())
                        + " 作为正常数据上报，高于备案量程上限 " + registered.toPlainString() + "：分析仪量程与备案不符（第 "
                        + highestNormal.line() + " 行）"));
            }
        }
        return out;
    }
}
