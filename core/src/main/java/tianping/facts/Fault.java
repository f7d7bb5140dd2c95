package tianping.facts;

import java.time.LocalDateTime;

/** A treatment-facility fault (故障) and how it was reported and handled. */
public record Fault(LocalDateTime occurredAt, LocalDateTime reportedAt, Boolean sudden, Boolean productionCut) {
}
