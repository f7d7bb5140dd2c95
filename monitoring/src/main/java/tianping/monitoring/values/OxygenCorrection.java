package tianping.monitoring.values;

import tianping.law.ReferenceOxygen;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * 折算: converts measured flue-gas concentrations to the reference O₂ content of the outlet's source type,
 * ρ = ρ' × (21 − O₂基准) / (21 − O₂实测), mean by mean with the O₂ mean of the same hour or day. A mean whose
 * O₂ mean is not valid, or not below 21 %, cannot be converted and is excluded with that reason.
 */
public final class OxygenCorrection {

    private static final BigDecimal AIR = BigDecimal.valueOf(21);

    private final ReferenceOxygen reference;

    public OxygenCorrection(ReferenceOxygen reference) {
        this.reference = reference;
    }

    /** Every mean of {@code measured} corrected with the O₂ mean of the same start in {@code oxygen}. */
    public TreeMap<Long, Mean> apply(Map<Long, Mean> measured, Map<Long, Mean> oxygen) {
        TreeMap<Long, Mean> out = new TreeMap<>();
        measured.forEach((start, m) -> out.put(start, correct(m, oxygen.get(start))));
        return out;
    }

    public Mean correct(Mean m, Mean oxygen) {
        if (!(m instanceof Mean.Valid v)) return m;
        if (!(oxygen instanceof Mean.Valid o)) {
            String why = oxygen instanceof Mean.Excluded e ? e.reason() : Means.NO_DATA;
            return new Mean.Excluded(m.start(), "含氧量无有效值（" + why + "），无法折算");
        }
        if (o.value().compareTo(AIR) >= 0) {
            return new Mean.Excluded(m.start(), "含氧量 " + o.value().stripTrailingZeros().toPlainString() + "% 不低于 21%，无法折算");
        }
        BigDecimal factor = AIR.subtract(reference.percent());
        BigDecimal corrected = v.measured().multiply(factor).divide(AIR.subtract(o.value()), MathContext.DECIMAL64);
        return v.corrected(corrected, o.value());
    }
}
