package tianping.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import tianping.monitoring.hj212.Hj212Reader;
import tianping.monitoring.hj212.Packet;
import tianping.monitoring.hj212.PacketHandler;
import tianping.monitoring.hj212.Problem;

/**
 * Packet lines → routable packets, with the monitoring module's own reader ({@link Hj212Reader#partByPart}: length,
 * CRC-16, fields, edition, each part of a split packet as itself). A line the reader refuses has no MN that can
 * be trusted (a CRC failure may lie in the MN itself), so it is not routed to any enterprise: it is reported as a
 * located line of the feed, as power-batch reports unreadable rows. Blank lines are skipped, as the reader does.
 */
public final class Hj212Parse extends RichFlatMapFunction<NumberedLine, Hj212Event> {

    private final int pauseEveryLines;
    private transient Hj212Reader reader;
    private transient Packet packet;
    private transient Problem problem;
    private transient long seen;

    Hj212Parse(int pauseEveryLines) {
        this.pauseEveryLines = pauseEveryLines;
    }

    @Override
    public void open(OpenContext context) {
        reader = Hj212Reader.partByPart(new PacketHandler() {
            @Override
            public void packet(Packet p) {
                packet = p;
            }

            @Override
            public void problem(Problem p) {
                problem = p;
            }
        });
    }

    @Override
    public void flatMap(NumberedLine l, Collector<Hj212Event> out) throws InterruptedException {
        if (pauseEveryLines > 0 && ++seen % pauseEveryLines == 0) Thread.sleep(1);
        if (l.bytes.length == 0) return;
        packet = null;
        problem = null;
        reader.line(l.bytes, 0, l.bytes.length, l.line);
        if (packet != null) {
            long time = packet.dataTime() == Packet.NO_TIME ? Long.MIN_VALUE : packet.dataTime() * 1000L;
            out.collect(Hj212Event.packet(packet.mn(), l.line, l.bytes, time));
        } else if (problem != null) {
            out.collect(Hj212Event.unreadable(l.line, problem.code(), problem.message()));
        }
    }
}
