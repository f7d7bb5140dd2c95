package tianping.monitoring.hj212;

/**
 * The edition of the transmission standard a packet follows, from the version bits of its Flag field. Data
 * flags and pollutant codes differ between the two, so everything downstream branches on it.
 */
public enum Edition {
    HJ212_2017("HJ 212-2017"),
    HJ212_2005("HJ/T 212-2005");

    private final String label;

    Edition(String label) {
        this.label = label;
    }

    /** The name data-flags.csv uses in its 标准版本 column. */
    public String label() {
        return label;
    }
}
