package tianping.monitoring.section;

import java.time.LocalDateTime;

/**
 * A period the enterprise is known to have been producing (from power monitoring or its ledger).
 *
 * @param mn the outlet it concerns, or null for every outlet
 */
public record ProductionPeriod(String mn, LocalDateTime start, LocalDateTime end, String source) {
}
