package tianping.facts;

import java.time.LocalDate;

/**
 * An order served on the enterprise (责令改正、限制生产、停产整治、查封扣押 …) for an earlier finding.
 */
public record Order(String id, String kind, String relatesTo, LocalDate servedOn, LocalDate deadline) {
}
