package tianping.power.episodes;

import java.util.List;

/** Finds one kind of anomaly in an enterprise's signals, in time linear in its readings. */
public interface Detector {

    /** Appends what it finds to {@code found}, which holds what detectors before it found. */
    void detect(Signals signals, List<Anomaly> found);
}
