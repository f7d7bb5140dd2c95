package tianping.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import tianping.power.readings.ReadingVisitor;
import tianping.power.readings.ReadingsCsv;

/**
 * Readings lines → readings, with power-batch's own row parser ({@link ReadingsCsv.Rows}): the same fields, the
 * same messages for malformed rows, blank lines skipped. A file's first line is its header; a topic has none.
 * {@code pauseEveryLines} slows the source for the recovery test only (a real feed is paced by its meters).
 */
public final class ReadingsParse extends RichFlatMapFunction<NumberedLine, FeedEvent> {

    private final boolean header;
    private final int pauseEveryLines;
    private transient ReadingsCsv.Rows rows;
    private transient Collector<FeedEvent> out;
    private transient ReadingVisitor visitor;
    private transient long seen;

    ReadingsParse(boolean header, int pauseEveryLines) {
        this.header = header;
        this.pauseEveryLines = pauseEveryLines;
    }

    @Override
    public void open(OpenContext context) {
        rows = new ReadingsCsv.Rows();
        visitor = new ReadingVisitor() {
            @Override
            public void reading(String enterprise, String channel, long epochMinute, double kw, long line) {
                throw new IllegalStateException("the row parser passes each reading's row");
            }

            @Override
            public void reading(String enterprise, String channel, long epochMinute, double kw, long line, byte[] row, int from, int to) {
                byte[] bytes = from == 0 && to == row.length ? row : java.util.Arrays.copyOfRange(row, from, to);
                out.collect(FeedEvent.reading(enterprise, channel, epochMinute, kw, line, bytes));
            }

            @Override
            public void malformed(long line, String message) {
                out.collect(FeedEvent.malformed(line, message));
            }
        };
    }

    @Override
    public void flatMap(NumberedLine l, Collector<FeedEvent> collector) throws InterruptedException {
        out = collector;
        if (pauseEveryLines > 0 && ++seen % pauseEveryLines == 0) Thread.sleep(1);
        // a topic has no header, unless a producer replayed a readings file into it, header first
        if (l.line == 1 && (header || startsWith(l.bytes, "enterprise,"))) {
            rows.header(l.bytes, 0, l.bytes.length, l.line, visitor);
            return;
        }
        if (l.bytes.length == 0) return;
        rows.row(l.bytes, 0, l.bytes.length, l.line, visitor);
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (b[i] != prefix.charAt(i)) return false;
        return true;
    }
}
