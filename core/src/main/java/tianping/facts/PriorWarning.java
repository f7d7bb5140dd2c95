package tianping.facts;

import java.time.LocalDate;

/** A graded warning (蓝色 / 黄色 / 红色) issued earlier; in force until {@code liftedOn}. */
public record PriorWarning(String grade, LocalDate issuedOn, String relatesTo, LocalDate liftedOn) {

    public boolean inForceOn(LocalDate date) {
        return !issuedOn.isAfter(date) && (liftedOn == null || liftedOn.isAfter(date));
    }

    /** Issued within {@code months} months before {@code date} and not lifted by then. */
    public boolean inForceWithin(LocalDate date, int months) {
        return inForceOn(date) && !issuedOn.isBefore(date.minusMonths(months));
    }
}
