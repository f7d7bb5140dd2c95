package tianping.flink;

/**
 * One line of a source (a readings file, the register, a topic's message) with its number: power-batch names
 * every bad reading and every register entry by file and line, so the job must carry the line along.
 */
public class NumberedLine {
    public long line;
    public byte[] bytes;

    public NumberedLine() {
    }

    public NumberedLine(long line, byte[] bytes) {
        this.line = line;
        this.bytes = bytes;
    }
}
