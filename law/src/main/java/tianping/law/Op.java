package tianping.law;

/** The comparators of the condition language, each with the symbol shown when a condition fails. */
public enum Op {
    LT("<", "≥", "<"),
    LE("≤", ">", "<="),
    GT(">", "≤", ">"),
    GE("≥", "<", ">="),
    EQ("=", "≠", "=="),
    NE("≠", "=", "!="),
    IN("∈", "∉", "in");

    public final String symbol;
    public final String negated;
    public final String drl;

    Op(String symbol, String negated, String drl) {
        this.symbol = symbol;
        this.negated = negated;
        this.drl = drl;
    }

    /** Reads an operator as legal staff may type it: ≤ or <=, ≥ or >=, ≠ or !=, = or ==, ∈. */
    public static Op parse(String token) {
        return switch (token) {
            case "<" -> LT;
            case "≤", "<=" -> LE;
            case ">" -> GT;
            case "≥", ">=" -> GE;
            case "=", "==" -> EQ;
            case "≠", "!=" -> NE;
            case "∈" -> IN;
            default -> throw new IllegalArgumentException(token);
        };
    }

    boolean compare(int c) {
        return switch (this) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ, IN -> c == 0;
            case NE -> c != 0;
        };
    }
}
