package tianping.power.episodes;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A report the enterprise made to the environment authority: a 报备 (停产, 检修, 停电, 调试) made before the stop
 * it announces, or a 故障 report made after a fault.
 *
 * @param channels the channels it concerns (indices); all channels when the report names none
 * @param to       null while open (until the end of the period)
 * @param sudden   for a 故障: whether the enterprise declares it sudden and unintended (突发、非故意)
 */
public record Report(String kind, List<Integer> channels, LocalDateTime from, LocalDateTime to, LocalDateTime reportedAt,
                     Boolean sudden) {

    public Report {
        channels = List.copyOf(channels);
    }

    public boolean fault() {
        return kind.equals("故障");
    }

    public boolean covers(int channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    public String describe() {
        return kind + "报备（" + reportedAt + " 报备，" + from + " 至 " + (to == null ? "期末" : to.toString()) + "）";
    }
}
