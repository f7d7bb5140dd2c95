package tianping.power.readings;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The relay hands the visitor exactly what parsing on the caller's thread would, in the same order, rows' bytes included. */
class ReadingsRelayTest {

    /** Every call a visitor receives, as text. */
    private static final class Calls implements ReadingVisitor {
        final List<String> calls = new ArrayList<>();

        @Override
        public void reading(String enterprise, String channel, long minute, double kw, long line) {
            calls.add(line + " " + enterprise + " " + channel + " " + minute + " " + kw);
        }

        /** With the row as the parser saw it: what power-batch fingerprints (RowDigest). */
        @Override
        public void reading(String enterprise, String channel, long minute, double kw, long line, byte[] row, int from, int to) {
            reading(enterprise, channel, minute, kw, line);
            calls.add("row " + new String(row, from, to - from, StandardCharsets.UTF_8));
        }

        @Override
        public void malformed(long line, String message) {
            calls.add(line + " malformed " + message);
        }
    }

    @Test
    void sameCallsInTheSameOrderAcrossManyBatches() throws Exception {
        StringBuilder csv = new StringBuilder(ReadingsCsv.HEADER).append('\n');
        for (int i = 0; i < 50_000; i++) {
            int minute = (i / 7) % 96 * 15;
            if (i % 9_973 == 0) csv.append("E").append(i % 7).append(",P1,2024-11-20T00:00,-3\n"); // a negative kW
            else if (i % 12_345 == 0) csv.append("only,three,fields\n");
            else csv.append("E").append(i % 7).append(",P").append(i % 3).append(",2024-11-20T")
                    .append(String.format("%02d:%02d", minute / 60, minute % 60)).append(',').append(i % 500 / 10.0).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Calls direct = new Calls();
        ReadingsCsv.parse(new ByteArrayInputStream(bytes), direct);
        Calls relayed = new Calls();
        try (ReadingsRelay relay = ReadingsRelay.start(new ByteArrayInputStream(bytes))) {
            relay.drainTo(relayed);
        }
        // 50,000 rows: 10 malformed (6 negative, 4 with three fields), each of the 49,990 readings with its row
        assertEquals(50_000 + 49_990, direct.calls.size());
        assertEquals(direct.calls, relayed.calls);
    }

    @Test
    void aReadErrorReachesTheReceiver() throws Exception {
        byte[] head = (ReadingsCsv.HEADER + "\nE1,P1,2024-11-20T00:00,1.5\n").getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (at < head.length) return head[at++];
                throw new IOException("disk gone");
            }
        };
        try (ReadingsRelay relay = ReadingsRelay.start(failing)) {
            IOException e = assertThrows(IOException.class, () -> relay.drainTo(new Calls()));
            assertEquals("disk gone", e.getMessage());
        }
    }

    @Test
    void closingBeforeTheEndStopsTheParser() throws Exception {
        StringBuilder csv = new StringBuilder(ReadingsCsv.HEADER).append('\n');
        for (int i = 0; i < 1_000_000; i++) csv.append("E1,P1,2024-11-20T00:00,1\n");
        ReadingsRelay relay = ReadingsRelay.start(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        relay.close(); // returns: the parser, blocked on a full queue, was stopped
    }
}
