package tianping.read;

import tianping.facts.Credit;
import tianping.facts.Enterprise;
import tianping.facts.Episode;
import tianping.facts.Finding;
import tianping.facts.Order;
import tianping.facts.PriorFinding;
import tianping.facts.PriorWarning;
import tianping.facts.Reinspection;

import java.time.LocalDate;
import java.util.List;

/**
 * A case read, checked and derived: the facts the rules see, and the fingerprint of its canonical input.
 *
 * @param clues          anomalies the raw data showed that are no violation (a meter offline, …), to verify on site
 * @param canonicalInput the case as canonical JSON (keys sorted, no whitespace): what the fingerprint hashes
 *                       and what an audit log keeps
 */
public record CaseFile(String caseId, LocalDate decisionDate, Enterprise enterprise, Credit credit,
                       List<PriorFinding> priorFindings, List<Order> orders, List<Reinspection> reinspections,
                       List<PriorWarning> warnings, List<Finding> findings, List<Episode> clues, String inputFingerprint,
                       String canonicalInput) {

    public CaseFile {
        priorFindings = List.copyOf(priorFindings);
        orders = List.copyOf(orders);
        reinspections = List.copyOf(reinspections);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        clues = List.copyOf(clues);
    }

    /** The JSON path of a finding in the case file, for errors found while deciding. */
    public String pathOf(Finding f) {
        return "$.findings[" + findings.indexOf(f) + "]";
    }

    /** The same case with every finding judged under the law in force on {@code date}. */
    public CaseFile judgedOn(LocalDate date) {
        return new CaseFile(caseId, decisionDate, enterprise, credit, priorFindings, orders, reinspections, warnings,
                findings.stream().map(f -> f.judgedOn(date)).toList(), clues, inputFingerprint, canonicalInput);
    }
}
