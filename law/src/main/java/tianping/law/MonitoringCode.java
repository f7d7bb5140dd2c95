package tianping.law;

import java.util.List;

/**
 * An HJ 212 code the monitoring derivation needs to know (monitoring-codes.csv): the 2017 code, its role, and
 * the HJ/T 212-2005 code older stations still send for it.
 *
 * @param role       污染物 (a row of pollutants.csv too) / 含氧量 (for O₂ correction) / 流量 (for the
 *                   production cross-check)
 * @param legacyCode the HJ/T 212-2005 code, or empty
 */
public record MonitoringCode(String code, String name, String medium, String role, String legacyCode, String source) {

    public static final List<String> ROLES = List.of("污染物", "含氧量", "流量");
}
