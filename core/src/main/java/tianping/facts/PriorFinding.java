package tianping.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An earlier finding against the same enterprise and how it was handled (违法历史).
 *
 * @param outcome 罚款 / 按日连续处罚 / 不予处罚 / 提醒 / 帮扶 / 督导 / 未处理
 * @param fine    the amount imposed in yuan, exact as the case gives it (按日连续处罚 multiplies it)
 * @param fromRecord where tianping's own decision log held it, when {@code --history-from-store} filled it in; null
 *                   for history the case brought
 */
public record PriorFinding(
        String id,
        String violation,
        LocalDate actDate,
        LocalDate discoveredOn,
        LocalDate decisionDate,
        String outcome,
        BigDecimal fine,
        List<String> factors,
        boolean duringHeavyPollutionAlert,
        boolean toxicDischarge,
        FromRecord fromRecord) {

    /** The decision record a prior finding was taken from. */
    public record FromRecord(long seq, String caseId, String hash) {
    }

    public PriorFinding {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** Was a penalty imposed (罚款 or 按日连续处罚)? */
    public boolean penalized() {
        return outcome.equals("罚款") || outcome.equals("按日连续处罚");
    }

    /** Was it handled as a minor violation: not penalized but dealt with (不予处罚, 提醒, 帮扶, 督导)? */
    public boolean minor() {
        return outcome.equals("不予处罚") || outcome.equals("提醒") || outcome.equals("帮扶") || outcome.equals("督导");
    }

    /** The date from which "within two years" is counted (两高解释 Art. 19: the penalty's effective date). */
    public LocalDate effectiveDate() {
        return decisionDate != null ? decisionDate : discoveredOn;
    }
}
