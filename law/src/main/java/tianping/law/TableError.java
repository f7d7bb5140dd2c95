package tianping.law;

/**
 * An error in a rule-set file, printed as {@code file:line: code: message} so an editor can jump to it.
 *
 * @param code stable snake_case code: table_header_error, table_value_error, condition_error, rule_compile_error,
 *             rule_conflict, unknown_reference, …
 */
public record TableError(String file, long line, String code, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + code + ": " + message;
    }
}
