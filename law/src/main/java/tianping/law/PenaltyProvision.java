package tianping.law;

import java.math.BigDecimal;
import java.util.List;

/**
 * A penalty provision (罚则) from penalty-provisions.csv: the article, the fine it allows and the measures that
 * may go with it.
 *
 * @param basis  how the fine is set: a range in yuan, a percentage of total investment, or a multiple of the
 *               disposal cost with a floor
 * @param min    lower bound (元, % or 倍 by basis)
 * @param max    upper bound (元, % or 倍 by basis)
 * @param floor  minimum amount in yuan for multiples of cost (e.g. 固废法 112: 不足二十万元的，按二十万元计算)
 * @param dailyPenaltyBasis the article allowing 按日连续处罚 for this conduct; empty if none
 * @param conditions when the provision applies beyond the violation type (e.g. 持有排污许可证 = 是)
 */
public record PenaltyProvision(String id, List<String> violations, String legalBasis, String summary,
                               FineBasis basis, BigDecimal min, BigDecimal max, BigDecimal floor,
                               List<String> measures, String dailyPenaltyBasis, List<Condition> conditions,
                               Validity validity, String source) {

    public enum FineBasis {
        RANGE("固定区间"), INVESTMENT_PERCENT("投资额比例"), COST_MULTIPLE("处置费用倍数");

        public final String label;

        FineBasis(String label) {
            this.label = label;
        }

        static FineBasis of(String label) {
            for (FineBasis b : values()) if (b.label.equals(label)) return b;
            return null;
        }
    }
}
