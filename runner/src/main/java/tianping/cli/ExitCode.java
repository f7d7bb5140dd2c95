package tianping.cli;

/** The exit codes of every command, as documented in the README. */
public final class ExitCode {

    /** Every case was decided. */
    public static final int OK = 0;
    /** At least one case was refused for bad input (its errors are on stderr or in the rejection records). */
    public static final int CASE_REJECTED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The rule set could not be loaded: table, compile, metadata or precedence errors. */
    public static final int RULESET_ERROR = 3;
    /** An unexpected internal error. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {
    }
}
