package tianping.power.readings;

/** What a measuring point (测点) meters: a production line, a treatment facility, or the whole site. */
public enum Role {
    PRODUCTION("生产"), TREATMENT("治污"), TOTAL("总表");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The role written in the case file (生产 / 治污 / 总表), or null if unknown. */
    public static Role of(String label) {
        for (Role r : values()) if (r.label.equals(label)) return r;
        return null;
    }
}
