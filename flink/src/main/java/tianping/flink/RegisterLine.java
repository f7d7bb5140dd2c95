package tianping.flink;

/** One line of the enterprise register as broadcast to every task: its number, its JSON and its key. */
public class RegisterLine {
    public long line;
    public byte[] json;
    /** The enterprise's 统一社会信用代码, or "register:N" for a line without one (still reported, as power-batch does). */
    public String key;

    public RegisterLine() {
    }

    RegisterLine(long line, byte[] json, String key) {
        this.line = line;
        this.json = json;
        this.key = key;
    }
}
