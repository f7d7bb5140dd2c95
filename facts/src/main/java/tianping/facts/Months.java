package tianping.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Month arithmetic for "within N months" conditions: a span of exactly N calendar months counts as N. */
public final class Months {

    private Months() {
    }

    /**
     * Months from {@code from} to {@code to}: whole calendar months plus the remaining days as a fraction of
     * the following month, so {@code between(d, d.plusMonths(3)) == 3.0} and one day more exceeds 3.
     */
    public static double between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return -between(to, from);
        long whole = ChronoUnit.MONTHS.between(from, to);
        LocalDate anchor = from.plusMonths(whole);
        long rest = ChronoUnit.DAYS.between(anchor, to);
        return whole + (double) rest / anchor.lengthOfMonth();
    }
}
