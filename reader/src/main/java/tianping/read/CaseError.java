package tianping.read;

/**
 * Why a case cannot be decided, located precisely: the file (and line, for JSON Lines), the JSON path of the
 * field, a stable code and what was expected. Printed {@code file: $.path: code: message}.
 *
 * @param code case_syntax_error, case_schema_error, case_value_error, unknown_reference, missing_fact
 */
public record CaseError(String file, String path, String code, String message) {

    @Override
    public String toString() {
        return file + ": " + path + ": " + code + ": " + message;
    }
}
