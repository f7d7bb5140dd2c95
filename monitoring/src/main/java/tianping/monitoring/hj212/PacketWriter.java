package tianping.monitoring.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes HJ 212 packets: the caller appends a data segment between {@link #begin()} and {@link #end()}, which
 * puts the length in front and the CRC and CR LF behind. Packets accumulate in one growable buffer, so a
 * generator can build a day of minute data without allocating per packet.
 */
public final class PacketWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[1 << 16];
    private int length;
    private int segment = -1;

    /** The packet for one data segment, e.g. {@code QN=…;ST=32;CN=2051;…;CP=&&…&&}, as text with CR LF. */
    public static String packet(String segment) {
        PacketWriter w = new PacketWriter();
        w.begin().text(segment).end();
        return new String(w.buf, 0, w.length, StandardCharsets.ISO_8859_1);
    }

    /** Starts a packet: room for ## and the length is left in front of the segment. */
    public PacketWriter begin() {
        ensure(6);
        buf[length++] = '#';
        buf[length++] = '#';
        length += 4;
        segment = length;
        return this;
    }

    public PacketWriter text(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) buf[length++] = (byte) s.charAt(i);
        return this;
    }

    public PacketWriter character(char c) {
        ensure(1);
        buf[length++] = (byte) c;
        return this;
    }

    /** A non-negative whole number, zero-padded to {@code width} digits. */
    public PacketWriter digits(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
        return this;
    }

    /** The decimal {@code unscaled / 10^scale}, e.g. (5250, 2) → 52.50, (-5, 1) → -0.5. */
    public PacketWriter decimal(long unscaled, int scale) {
        ensure(21);
        if (unscaled < 0) {
            buf[length++] = '-';
            unscaled = -unscaled;
        }
        long whole = unscaled;
        long fraction = 0;
        long pow = 1;
        for (int i = 0; i < scale; i++) pow *= 10;
        if (scale > 0) {
            whole = unscaled / pow;
            fraction = unscaled % pow;
        }
        int start = length;
        do {
            buf[length++] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        if (scale > 0) {
            buf[length++] = '.';
            digits(fraction, scale);
        }
        return this;
    }

    /** Ends the packet: fills in the segment length and appends the CRC and CR LF. */
    public PacketWriter end() {
        int declared = length - segment;
        if (segment < 0 || declared > 9999) throw new IllegalStateException("数据段长度 " + declared + " 超过 9999 字节");
        int at = segment - 4;
        for (int i = 3; i >= 0; i--, declared /= 10) buf[at + i] = (byte) ('0' + declared % 10);
        int crc = Crc16.of(buf, segment, length);
        ensure(6);
        for (int shift = 12; shift >= 0; shift -= 4) buf[length++] = HEX[(crc >>> shift) & 0xF];
        buf[length++] = '\r';
        buf[length++] = '\n';
        segment = -1;
        return this;
    }

    /** The packets written so far: {@code buffer()[0, length())}. */
    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return length;
    }

    /** Forgets the packets written, keeping the buffer. */
    public void clear() {
        length = 0;
        segment = -1;
    }

    private void ensure(int more) {
        if (length + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
    }
}
