package tianping.monitoring.hj212;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what a reader reports, for tests. */
final class Recorder implements PacketHandler {

    final List<Packet> packets = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static Recorder read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static Recorder read(byte[] bytes) {
        Recorder r = new Recorder();
        try {
            new Hj212Reader(r).read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    @Override
    public void packet(Packet packet) {
        packets.add(packet);
    }

    @Override
    public void problem(Problem problem) {
        problems.add(problem);
    }

    Packet only() {
        if (packets.size() != 1 || !problems.isEmpty()) throw new AssertionError("应恰有一个数据包且无错误：" + packets + " " + problems);
        return packets.get(0);
    }

    Reading reading(Packet p, String code) {
        return p.readings().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("没有 " + code));
    }
}
