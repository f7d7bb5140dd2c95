package tianping.power.episodes;

import tianping.power.readings.Channel;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The on/off state of every channel in every slot, computed once from the readings (ON at or above the role's
 * on-fraction of rated power, OFF below, GAP without a reading), with the channel roles and the production
 * channels each treatment channel serves. Every detector reads this in one linear pass.
 */
public final class Signals {

    public static final byte GAP = -1;
    public static final byte OFF = 0;
    public static final byte ON = 1;

    private final EnterpriseSeries series;
    private final Thresholds thresholds;
    private final byte[][] state;
    private final List<Integer> production = new ArrayList<>();
    private final List<Integer> treatment = new ArrayList<>();
    private final List<Integer> total = new ArrayList<>();
    private final int[][] served;

    public Signals(EnterpriseSeries series, Thresholds thresholds) {
        this.series = series;
        this.thresholds = thresholds;
        int channels = series.channels().size();
        int slots = series.grid().slots();
        state = new byte[channels][slots];
        served = new int[channels][];
        for (int c = 0; c < channels; c++) {
            Channel ch = series.channel(c);
            double on = (ch.role() == Role.TREATMENT ? thresholds.treatmentOn() : thresholds.productionOn()).value() * ch.ratedKw();
            for (int s = 0; s < slots; s++) {
                state[c][s] = !series.has(c, s) ? GAP : series.kw(c, s) >= on ? ON : OFF;
            }
            switch (ch.role()) {
                case PRODUCTION -> production.add(c);
                case TREATMENT -> treatment.add(c);
                case TOTAL -> total.add(c);
            }
            served[c] = ch.serves().stream().mapToInt(series::indexOf).filter(i -> i >= 0).toArray();
        }
    }

    public EnterpriseSeries series() { return series; }
    public Thresholds thresholds() { return thresholds; }
    public int slots() { return series.grid().slots(); }
    public List<Integer> production() { return production; }
    public List<Integer> treatment() { return treatment; }
    public List<Integer> total() { return total; }
    public int[] served(int treatmentChannel) { return served[treatmentChannel]; }

    public byte state(int c, int slot) {
        return state[c][slot];
    }

    /** Some production channel the treatment channel serves is running in the slot. */
    public boolean servedOn(int t, int slot) {
        for (int p : served[t]) if (state[p][slot] == ON) return true;
        return false;
    }

    /** Total power of the served production channels that are running in the slot. */
    public double servedKw(int t, int slot) {
        double sum = 0;
        for (int p : served[t]) if (state[p][slot] == ON) sum += series.kw(p, slot);
        return sum;
    }

    /** The served production channels running at some slot of [from, to), as ids. */
    public List<String> servedRunning(int t, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int p : served[t]) {
            for (int s = from; s < to; s++) {
                if (state[p][s] == ON) {
                    ids.add(series.channel(p).id());
                    break;
                }
            }
        }
        return ids;
    }

    /** A run of slots beyond an allowance, with the power limit (kW) that was applied. */
    public interface BeyondAllowance {
        void run(int from, int to, double limitKw);
    }

    /**
     * Runs of at least {@code min} slots of [from, to) in which production channel p draws more than an allowed
     * load, a fraction of its rated power (P5, P6). An allowance at or below the on-power fraction is a stop,
     * breached by running at all (at or above the on-power), since a stopped line still draws standby power.
     */
    public void beyondAllowance(int p, double allowed, int from, int to, int min, BeyondAllowance sink) {
        double on = thresholds.productionOn().value();
        boolean stop = allowed <= on;
        double limit = (stop ? on : allowed) * series.channel(p).ratedKw();
        Runs.find(from, to, min, s -> series.has(p, s) && (stop ? series.kw(p, s) >= limit : series.kw(p, s) > limit),
                (start, end) -> sink.run(start, end, limit));
    }

    public String id(int c) {
        return series.channel(c).id();
    }

    public int minSlots(Threshold minutes) {
        return series.grid().slotsFor(minutes.value());
    }
}
