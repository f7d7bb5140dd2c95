package tianping.read;

import tianping.facts.Details;
import tianping.facts.Enterprise;
import tianping.facts.Episode;
import tianping.facts.Fault;
import tianping.facts.Finding;
import tianping.facts.Order;
import tianping.facts.PriorFinding;
import tianping.facts.PriorWarning;
import tianping.facts.Reinspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The case file as written (case.schema.json), before derivation: the one Java shape of the case format. The reader
 * binds case files to it; derivations (monitoring, power) write the findings they derive as {@link FindingInput}s
 * through {@link DerivedFindings}, so the format is not spelled out again by hand.
 */
public record CaseInput(String caseId, LocalDate decisionDate, Enterprise enterprise, CreditInput credit, HistoryInput history,
                 List<FindingInput> findings, List<Episode> clues) {

    public CaseInput {
        clues = clues == null ? List.of() : clues;
    }

    record CreditInput(String scheme, String grade, BigDecimal score, boolean onSeriousDishonestyList,
                       LocalDate repairedOn) {
    }

    record HistoryInput(List<PriorFinding> findings, List<Order> orders, List<Reinspection> reinspections,
                        List<PriorWarning> warnings) {
        HistoryInput {
            findings = findings == null ? List.of() : findings;
            orders = orders == null ? List.of() : orders;
            reinspections = reinspections == null ? List.of() : reinspections;
            warnings = warnings == null ? List.of() : warnings;
        }

        static HistoryInput empty() {
            return new HistoryInput(null, null, null, null);
        }
    }

    public record FindingInput(String id, String violation, LocalDate actDate, LocalDate actEndDate, LocalDate discoveredOn,
                        String discoveredBy, String continuationOf, String harm, Boolean endangersLifeOrHealth,
                        String duringHeavyPollutionAlert, Boolean verifiedComplaint, Finding.Conduct conduct,
                        List<String> mitigation, Finding.Correction correction, List<ExceedanceInput> exceedances,
                        LocalDateTime complianceRestoredAt, Fault fault, Details details, List<Episode> episodes) {
        /** What a derivation finds; the officer's facts (harm, conduct…) come from the case's section. */
        public static FindingInput derived(String id, String violation, LocalDate actDate, LocalDate actEndDate,
                                           String discoveredBy, String continuationOf, String duringHeavyPollutionAlert,
                                           List<ExceedanceInput> exceedances, LocalDateTime complianceRestoredAt,
                                           Fault fault, List<Episode> episodes) {
            return new FindingInput(id, violation, actDate, actEndDate, null, discoveredBy, continuationOf, null, null,
                    duringHeavyPollutionAlert, null, null, null, null, exceedances, complianceRestoredAt, fault, null, episodes);
        }
    }

    public record ExceedanceInput(String factor, String averaging, LocalDateTime start, BigDecimal hours, Integer minutes, BigDecimal measured,
                           BigDecimal limit, BigDecimal limitLow, String unit, String standard) {
    }
}
