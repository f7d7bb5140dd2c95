package tianping.power.province;

/** What the province generator plants in one enterprise's day: nothing, or one anomaly of a kind. */
public enum Seed {
    CLEAN("clean", "正常"),
    CLEAN_ALERT_A("clean", "正常（A 级，预警期间自主减排满负荷生产）"),
    CLEAN_ALERT_B("clean", "正常（B 级，预警期间按允许负荷限产）"),
    P1("decided", "治污设施停运 2–6 小时而生产，未报告"),
    P1_FAULT_REPORTED("decided", "治污设施故障停运，3 小时内报告"),
    P1_PRE_REPORTED("clues", "治污设施检修停运，事先报备"),
    P2("decided", "治污设施低负荷运行 3 小时"),
    P3("decided", "治污设施全天未运行（建而不用）"),
    P4("decided", "治污设施一天内启停 4 次"),
    P4_NIGHT("clues", "仅有总表，夜间用电为白天 2 倍以上"),
    P5("decided", "C、D 级企业橙色预警期间满负荷生产"),
    P6("decided", "停产整治期间夜间生产"),
    P8("clues", "一个测点离线 2 小时"),
    CONFLICT("rejected", "同一测点同一时刻两个不同读数");

    private final String status;
    private final String description;

    Seed(String status, String description) {
        this.status = status;
        this.description = description;
    }

    /** The batch status the enterprise must end in: clean, clues, decided or rejected. */
    public String status() {
        return status;
    }

    public String description() {
        return description;
    }
}
