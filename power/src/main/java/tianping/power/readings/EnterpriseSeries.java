package tianping.power.readings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of one enterprise over an analysis period, normalised onto the sampling grid: {@code kw[c][s]}
 * is channel c's power in slot s, NaN where no reading came (a gap). Detectors read only this.
 */
public final class EnterpriseSeries {

    private final String enterprise;
    private final List<Channel> channels;
    private final Grid grid;
    private final float[][] kw;
    private final ReadingStats stats;
    private final List<String> files;
    private final Map<String, Integer> index = new HashMap<>();

    public EnterpriseSeries(String enterprise, List<Channel> channels, Grid grid, float[][] kw, ReadingStats stats,
                            List<String> files) {
        this.enterprise = enterprise;
        this.channels = List.copyOf(channels);
        this.grid = grid;
        this.kw = kw;
        this.stats = stats;
        this.files = List.copyOf(files);
        for (int i = 0; i < channels.size(); i++) index.put(channels.get(i).id(), i);
    }

    public String enterprise() { return enterprise; }
    public List<Channel> channels() { return channels; }
    public Channel channel(int c) { return channels.get(c); }
    public Grid grid() { return grid; }
    public ReadingStats stats() { return stats; }
    public List<String> files() { return files; }

    /** The index of a channel by id, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public boolean has(int c, int slot) {
        return !Float.isNaN(kw[c][slot]);
    }

    public double kw(int c, int slot) {
        return kw[c][slot];
    }

    /** Readings present in a channel over [from, to). */
    public int present(int c, int from, int to) {
        int n = 0;
        for (int s = from; s < to; s++) if (!Float.isNaN(kw[c][s])) n++;
        return n;
    }

    /** Mean power of a channel over [from, to), gaps left out; NaN if none. */
    public double meanKw(int c, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int s = from; s < to; s++) {
            if (!Float.isNaN(kw[c][s])) {
                sum += kw[c][s];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
