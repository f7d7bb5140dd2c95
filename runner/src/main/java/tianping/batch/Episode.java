package tianping.batch;

/** One anomaly episode of an enterprise's power readings, as power-batch lists it beside the enterprise's status. */
public record Episode(String kind, String channel, String start, String end, boolean suppressed, boolean clue, String evidence) {
}
