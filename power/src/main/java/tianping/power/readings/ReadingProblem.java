package tianping.power.readings;

/**
 * A reading that cannot be used, located in its file.
 *
 * @param code reading_malformed, reading_unknown_channel, reading_other_enterprise, reading_outside_period,
 *             reading_off_grid, reading_conflicting_duplicate
 */
public record ReadingProblem(String file, long line, String code, String message) {

    /** The location as file:line, the form errors in data files are reported in. */
    public String where() {
        return file + ":" + line;
    }
}
