package tianping.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Working days by the State Council's annual holiday arrangements (holidays.csv): weekends are rest days
 * except the adjusted working days (调休上班), weekdays are working days except the holidays. Counting into a
 * year the table does not cover is refused rather than guessed.
 */
public final class WorkCalendar {

    private final Map<LocalDate, Boolean> working;
    private final Set<Integer> years;

    WorkCalendar(Map<LocalDate, Boolean> working, Set<Integer> years) {
        this.working = Map.copyOf(working);
        this.years = Set.copyOf(years);
    }

    public boolean covers(LocalDate date) {
        return years.contains(date.getYear());
    }

    public Set<Integer> years() {
        return years;
    }

    public boolean isWorkingDay(LocalDate d) {
        if (!covers(d)) throw new IllegalArgumentException(d.getYear() + " 年不在工作日历中");
        Boolean listed = working.get(d);
        if (listed != null) return listed;
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) n++;
        }
        return n;
    }
}
