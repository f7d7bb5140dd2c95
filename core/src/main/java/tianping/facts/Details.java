package tianping.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Item-specific circumstances the no-penalty lists and penalty provisions use (情节). Null = not established
 * in the case: a condition on it is then not met, and the trace says "未提供". Amounts of money (total
 * investment, disposal cost, gain or loss) are exact decimals in yuan: fines are computed from them.
 */
public record Details(
        Double annualHazardousWasteTonnes,
        Double stockpileAreaM2,
        String constructionStage,
        String projectNature,
        Boolean pollutantsDischarged,
        Boolean stoppedOrRestored,
        Boolean eligibleForFiling,
        Boolean facilitiesBuilt,
        Boolean facilitiesRunning,
        Boolean acceptanceInProgress,
        Boolean acceptedOnTimeOrStopped,
        Boolean eiaApproved,
        LocalDate regularizedOn,
        Double gasBoilerCapacityTph,
        Boolean newLandOccupied,
        Boolean acceptancePledged,
        BigDecimal totalInvestment,
        BigDecimal disposalCost,
        Double hazardousWasteTonnes,
        BigDecimal illegalGainOrLoss,
        Boolean dischargeInProtectedZone,
        Boolean sludgeDumped,
        Boolean annualQuotaExceeded,
        Boolean dailyLoadExceeded,
        List<String> falsifiedFactors) {

    public Details {
        falsifiedFactors = falsifiedFactors == null ? List.of() : List.copyOf(falsifiedFactors);
    }

    public static Details none() {
        return new Details(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
