package tianping.power.readings;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The sampling grid of an analysis period: slot i is the interval [start + i·interval, start + (i+1)·interval),
 * and a reading stamped with the slot's start is the power over it. Every reading must fall on the grid, so a
 * day of readings of any order sorts itself into its slots in one pass.
 */
public final class Grid {

    /** The slot of a timestamp before the period or after it. */
    public static final int OUTSIDE = -1;
    /** The slot of a timestamp between two grid points. */
    public static final int OFF_GRID = -2;

    private final LocalDateTime start;
    private final int intervalMinutes;
    private final int slots;
    private final long startMinute;

    public Grid(LocalDateTime start, int intervalMinutes, int slots) {
        this.start = start;
        this.intervalMinutes = intervalMinutes;
        this.slots = slots;
        this.startMinute = start.toEpochSecond(ZoneOffset.UTC) / 60;
    }

    public static Grid between(LocalDateTime from, LocalDateTime to, int intervalMinutes) {
        long minutes = (to.toEpochSecond(ZoneOffset.UTC) - from.toEpochSecond(ZoneOffset.UTC)) / 60;
        return new Grid(from, intervalMinutes, (int) (minutes / intervalMinutes));
    }

    public LocalDateTime start() { return start; }
    public int intervalMinutes() { return intervalMinutes; }
    public int slots() { return slots; }

    /** Called once per reading: plain arithmetic on minutes since the epoch. */
    public int slotOf(long epochMinute) {
        long offset = epochMinute - startMinute;
        if (offset < 0 || offset >= (long) slots * intervalMinutes) return OUTSIDE;
        if (offset % intervalMinutes != 0) return OFF_GRID;
        return (int) (offset / intervalMinutes);
    }

    public LocalDateTime timeOf(int slot) {
        return start.plusMinutes((long) slot * intervalMinutes);
    }

    public LocalDateTime end() {
        return timeOf(slots);
    }

    /** Slots per natural day. */
    public int slotsPerDay() {
        return 24 * 60 / intervalMinutes;
    }

    /** Slots from a duration in minutes, at least one. */
    public int slotsFor(double minutes) {
        return Math.max(1, (int) Math.ceil(minutes / intervalMinutes));
    }

    /** Minutes since midnight at the start of a slot (arithmetic: detectors ask for every slot). */
    public int minuteOfDay(int slot) {
        return (int) Math.floorMod(startMinute + (long) slot * intervalMinutes, 1440L);
    }

    /** The slot starts a natural day. */
    public boolean midnight(int slot) {
        return minuteOfDay(slot) == 0;
    }

    /** The hour of day (0–23) at the start of a slot. */
    public int hourOf(int slot) {
        return minuteOfDay(slot) / 60;
    }
}
