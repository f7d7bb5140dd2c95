package tianping.flink;

/**
 * One record for the sink: a power-batch output line (decided, clean, clues, rejected, unregistered, feed_error),
 * a reading that came after its day was decided (late), or an early warning (提醒). A decided line carries what
 * the decision log chains in; the sink writes the line and the log record together.
 */
public class Out {
    public static final byte LINE = 0;
    public static final byte ALERT = 1;

    public byte kind;
    public String json;
    public String ruleSet;
    public String input;
    public String engine;
    public String source;
    public byte[] canonicalInput;
    public byte[] decision;

    public Out() {
    }

    static Out line(String json) {
        Out o = new Out();
        o.kind = LINE;
        o.json = json;
        return o;
    }

    /** A decided (or rejected) entry's output line, with what the decision log records when it was decided. */
    static Out decided(tianping.batch.PowerBatchSteps.Decided d) {
        Out o = line(d.json());
        if (d.decision() != null) {
            o.ruleSet = d.ruleSet();
            o.input = d.input();
            o.engine = d.engine();
            o.source = d.source();
            o.canonicalInput = d.canonicalInput();
            o.decision = d.decision();
        }
        return o;
    }

    static Out alert(String json) {
        Out o = new Out();
        o.kind = ALERT;
        o.json = json;
        return o;
    }

    boolean logged() {
        return decision != null;
    }
}
