package tianping.power.readings;

/** Receives the rows of a readings file as they are parsed, in file order. */
public interface ReadingVisitor {

    /**
     * One reading. {@code kw} is NaN for a row whose power field is empty (the meter sent no value: a gap, not
     * a zero).
     */
    void reading(String enterprise, String channel, long epochMinute, double kw, long line);

    /** A row that is not a reading of the documented form; {@code where} is "line N" or a JSON location. */
    void malformed(long line, String message);
}
