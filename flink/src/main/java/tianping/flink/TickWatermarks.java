package tianping.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.time.Duration;

/**
 * Bounded lateness, emitted as soon as it moves: the watermark is the newest reading's (or packet's) time less the lateness,
 * sent with the reading that advances it rather than every 200 ms. A feed comes tick by tick (every meter at
 * 00:00, then at 00:15, …), so this is one watermark per tick, and the slot checks behind the alerts run as
 * soon as the next tick starts, not after whole hours of a fast replay have gone by.
 */
final class TickWatermarks<T> implements WatermarkGenerator<T> {

    private final long lateness;
    private long emitted = Long.MIN_VALUE;

    TickWatermarks(Duration lateness) {
        this.lateness = lateness.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        // events without a time of their own (an unreadable row, a register mark) never move the watermark
        if (eventTimestamp == Long.MIN_VALUE) return;
        long mark = eventTimestamp - lateness - 1;
        if (mark > emitted) {
            emitted = mark;
            output.emitWatermark(new Watermark(mark));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
    }
}
