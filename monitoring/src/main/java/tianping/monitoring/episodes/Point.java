package tianping.monitoring.episodes;

/** A valid value at a minute: what the sign detectors look at. */
public record Point(long minute, double value) {
}
