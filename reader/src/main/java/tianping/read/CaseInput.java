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

/** The case file as written (case.schema.json), before derivation. Only the reader sees these. */
record CaseInput(String caseId, LocalDate decisionDate, Enterprise enterprise, CreditInput credit, HistoryInput history,
                 List<FindingInput> findings, List<Episode> clues) {

    CaseInput {
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

    record FindingInput(String id, String violation, LocalDate actDate, LocalDate actEndDate, LocalDate discoveredOn,
                        String discoveredBy, String continuationOf, String harm, boolean endangersLifeOrHealth,
                        String duringHeavyPollutionAlert, boolean verifiedComplaint, Finding.Conduct conduct,
                        List<String> mitigation, Finding.Correction correction, List<ExceedanceInput> exceedances,
                        LocalDateTime complianceRestoredAt, Fault fault, Details details, List<Episode> episodes) {
        FindingInput {
            exceedances = exceedances == null ? List.of() : exceedances;
        }
    }

    record ExceedanceInput(String factor, String averaging, LocalDateTime start, BigDecimal hours, Integer minutes, BigDecimal measured,
                           BigDecimal limit, BigDecimal limitLow, String unit, String standard) {
    }
}
