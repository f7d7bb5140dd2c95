package tianping.law;

import java.time.LocalDate;

/**
 * The period a list, row, provision or parameter is in force: {@code from} and {@code to} both inclusive;
 * a null {@code to} means no end date has been published.
 */
public record Validity(LocalDate from, LocalDate to) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    @Override
    public String toString() {
        return from + " 至 " + (to == null ? "今" : to.toString());
    }
}
