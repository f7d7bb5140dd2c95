package tianping.power.derive;

/** A data file (or part of one) a derivation read, with the sha256 of exactly what it used. */
public record DerivedFrom(String file, String sha256) {
}
