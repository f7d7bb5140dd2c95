package tianping.power.episodes;

/** The power-anomaly taxonomy of brief § 5.2. */
public enum Kind {
    P1("产污设施运行而治污设施未运行"),
    P2("治污设施低负荷、空转或降频运行"),
    P3("治污设施建而不用"),
    P4("治污设施时开时停或夜间用电异常"),
    P5("重污染天气预警期间超出允许负荷生产"),
    P6("限产、停产整治或查封期间生产"),
    P7("治污设施停运未按时报告"),
    P8("测点离线（无读数）");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Anomalies of the treatment facilities: these make the abnormal-operation finding of their medium. */
    public boolean treatment() {
        return this == P1 || this == P2 || this == P3 || this == P4;
    }
}
