package tianping.monitoring.hj212;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PacketWriterTest {

    @Test
    void writesTheStandardsExamplePacket() {
        assertEquals("##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n",
                PacketWriter.packet("QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"));
    }

    @Test
    void writesNumbersAsFixedDecimals() {
        PacketWriter w = new PacketWriter();
        w.begin().decimal(5250, 2).character(',').decimal(-5, 1).character(',').decimal(7, 0).character(',').digits(42, 4).end();
        String text = new String(w.buffer(), 0, w.length(), StandardCharsets.US_ASCII);
        assertEquals("52.50,-0.5,7,0042", text.substring(6, text.length() - 6));
    }

    @Test
    void refusesASegmentLongerThanTheLengthFieldCanSay() {
        PacketWriter w = new PacketWriter().begin().text("x".repeat(10000));
        assertThrows(IllegalStateException.class, w::end);
    }
}
