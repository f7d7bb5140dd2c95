package tianping.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Month arithmetic for "within N months" conditions: a span of exactly N calendar months counts as N. */
public final class Months {

    private Months() {
    }

    /**
     * Months from {@code from} to {@code to}: the whole months k with {@code from.plusMonths(k) ≤ to} (the same
     * month arithmetic as the "within N months" windows), plus the remaining days as a fraction of the month
     * that follows, so {@code between(d, d.plusMonths(3)) == 3.0} and one day more exceeds 3.
     */
    public static double between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return -between(to, from);
        long whole = ChronoUnit.MONTHS.between(from, to);
        while (!from.plusMonths(whole + 1).isAfter(to)) whole++;
        LocalDate anchor = from.plusMonths(whole);
        long rest = ChronoUnit.DAYS.between(anchor, to);
        return whole + (double) rest / anchor.lengthOfMonth();
    }
}
