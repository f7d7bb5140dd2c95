package tianping.monitoring.section;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A manual (手工) monitoring result for one factor of one outlet, e.g. from enforcement monitoring. */
public record ManualSample(String mn, String factor, LocalDateTime sampledAt, BigDecimal measured, String by) {
}
