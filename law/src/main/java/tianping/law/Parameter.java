package tianping.law;

/** A dated parameter (参数) from parameters.csv: a threshold or window the rules read, with its source. */
public record Parameter(String name, String value, String unit, String description, Validity validity, String source) {
}
