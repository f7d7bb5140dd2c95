package tianping.law;

import org.junit.jupiter.api.Test;
import tianping.facts.Months;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkCalendarAndMonthsTest {

    private final WorkCalendar calendar = BundledTables.book().calendar();

    @Test
    void holidaysAndAdjustedWorkingDaysFollowTheStateCouncilArrangement() {
        // 2024 国庆：10 月 1–7 日放假，9 月 29 日（周日）、10 月 12 日（周六）上班
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 9, 29)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 10, 7)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 10, 12)));
        assertEquals(5, calendar.workingDaysBetween(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 10)));
        // 2026 春节 2 月 15–23 日，2 月 14 日、28 日（周六）上班
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 23)));
    }

    @Test
    void aYearOutsideTheTableIsRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)));
        assertFalse(calendar.covers(LocalDate.of(2019, 12, 31)));
    }

    @Test
    void exactlyNMonthsIsN() {
        assertEquals(3.0, Months.between(LocalDate.of(2022, 6, 10), LocalDate.of(2022, 9, 10)));
        assertTrue(Months.between(LocalDate.of(2022, 6, 10), LocalDate.of(2022, 9, 11)) > 3.0);
        assertTrue(Months.between(LocalDate.of(2022, 6, 10), LocalDate.of(2022, 9, 9)) < 3.0);
        assertEquals(1.0, Months.between(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29)));
    }
}
