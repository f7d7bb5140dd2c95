package tianping.facts;

import java.time.LocalDateTime;
import java.util.List;

/** A summarised power-usage or monitoring anomaly (异常时段) offered as evidence for a finding. */
public record Episode(String kind, LocalDateTime start, LocalDateTime end, List<String> channels, String evidence) {

    public Episode {
        channels = channels == null ? List.of() : List.copyOf(channels);
        evidence = evidence == null ? "" : evidence;
    }
}
