package tianping.power.episodes;

import java.util.List;

/**
 * One anomaly episode found in the readings, over grid slots [from, to).
 *
 * @param subject    the channel the anomaly is about (a 报备 covering it suppresses it)
 * @param channels   every channel the evidence rests on, subject first
 * @param minSlots   the shortest a part of it may be and still stand (what remains after a 报备 cuts it)
 * @param clue       evidence only (线索 for an on-site check), never a finding by itself
 * @param tag        the alert level (P5) or the order id (P6); empty otherwise
 * @param suppressed null, or why a 报备 keeps it from being an alert ("已报备，不预警：…")
 */
public record Anomaly(Kind kind, int subject, int from, int to, List<String> channels, String evidence, int minSlots,
                      boolean clue, String tag, String suppressed) {

    public Anomaly {
        channels = List.copyOf(channels);
    }

    public Anomaly slice(int newFrom, int newTo) {
        return new Anomaly(kind, subject, newFrom, newTo, channels, evidence, minSlots, clue, tag, suppressed);
    }

    public Anomaly suppress(int newFrom, int newTo, String why) {
        return new Anomaly(kind, subject, newFrom, newTo, channels, evidence, minSlots, clue, tag, why);
    }

    public boolean live() {
        return suppressed == null;
    }
}
