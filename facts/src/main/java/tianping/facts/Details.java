package tianping.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Item-specific circumstances the no-penalty lists and penalty provisions use (情节). Null = not established
 * in the case: a condition on it is then not met, and the trace says "未提供".
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
        Double totalInvestment,
        Double disposalCost,
        Double hazardousWasteTonnes,
        Double illegalGainOrLoss,
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
