package tianping.power.readings;

/** Receives the rows of a readings file as they are parsed, in file order. */
public interface ReadingVisitor {

    /**
     * One reading. {@code kw} is NaN for a row whose power field is empty (the meter sent no value: a gap, not
     * a zero).
     */
    void reading(String enterprise, String channel, long epochMinute, double kw, long line);

    /**
     * One reading with its row as it stands in the file, {@code row[from, to)} without the line end (valid during
     * the call only): what a fingerprint of the rows themselves ({@link RowDigest}) is taken of. The parsers call
     * this one; whoever needs only the values gets {@link #reading(String, String, long, double, long)}.
     */
    default void reading(String enterprise, String channel, long epochMinute, double kw, long line, byte[] row, int from, int to) {
        reading(enterprise, channel, epochMinute, kw, line);
    }

    /** A row that is not a reading of the documented form; {@code where} is "line N" or a JSON location. */
    void malformed(long line, String message);
}
