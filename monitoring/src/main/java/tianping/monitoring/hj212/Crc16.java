package tianping.monitoring.hj212;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The CRC-16 of an HJ 212 packet's data segment, as the standard's appendix computes it: register 0xFFFF; for
 * each byte, register = (register >> 8) ^ byte, then eight right shifts that xor 0xA001 whenever a 1 falls out.
 * Unlike CRC-16/MODBUS the low byte of the register is dropped at every step, so the next register is a
 * function of one byte, {@code (register >> 8) ^ byte}: one table lookup per byte.
 *
 * <p>The step is linear over GF(2), so sixteen bytes can be folded at once (slicing-by-16): table k holds the
 * effect of a byte k steps before the end of a block, and only one lookup per block depends on the previous
 * block. The bytes are read eight at a time as longs, which also tells, at almost no cost, whether any of them
 * is a line feed: the reader uses that to trust a packet's length field for finding the end of its line.
 */
public final class Crc16 {

    /** Returned by {@link #ofLine} when the bytes contain a line feed. */
    public static final int LINE_BREAK = -1;

    private static final int[] TABLE = new int[16 * 256];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LINE_FEEDS = ONES * '\n';

    static {
        for (int x = 0; x < 256; x++) {
            int r = x;
            for (int bit = 0; bit < 8; bit++) r = (r & 1) != 0 ? (r >>> 1) ^ 0xA001 : r >>> 1;
            TABLE[x] = r;
        }
        for (int k = 1; k < 16; k++) {
            for (int x = 0; x < 256; x++) TABLE[k * 256 + x] = TABLE[TABLE[(k - 1) * 256 + x] >>> 8];
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code b[from, to)}, 0–0xFFFF. */
    public static int of(byte[] b, int from, int to) {
        int crc = ofLine(b, from, to);
        return crc != LINE_BREAK ? crc : bitwise(b, from, to);
    }

    /** The CRC of {@code b[from, to)}, or {@link #LINE_BREAK} if a line feed is among the bytes. */
    public static int ofLine(byte[] b, int from, int to) {
        int crc = 0xFFFF;
        long feeds = 0;
        int i = from;
        for (; i + 16 <= to; i += 16) {
            long x = (long) LONGS.get(b, i);
            long y = (long) LONGS.get(b, i + 8);
            feeds |= lineFeeds(x) | lineFeeds(y);
            crc = TABLE[15 * 256 + ((crc >>> 8 ^ (int) x) & 0xFF)] ^ TABLE[14 * 256 + ((int) (x >>> 8) & 0xFF)]
                    ^ TABLE[13 * 256 + ((int) (x >>> 16) & 0xFF)] ^ TABLE[12 * 256 + ((int) (x >>> 24) & 0xFF)]
                    ^ TABLE[11 * 256 + ((int) (x >>> 32) & 0xFF)] ^ TABLE[10 * 256 + ((int) (x >>> 40) & 0xFF)]
                    ^ TABLE[9 * 256 + ((int) (x >>> 48) & 0xFF)] ^ TABLE[8 * 256 + (int) (x >>> 56)]
                    ^ TABLE[7 * 256 + ((int) y & 0xFF)] ^ TABLE[6 * 256 + ((int) (y >>> 8) & 0xFF)]
                    ^ TABLE[5 * 256 + ((int) (y >>> 16) & 0xFF)] ^ TABLE[4 * 256 + ((int) (y >>> 24) & 0xFF)]
                    ^ TABLE[3 * 256 + ((int) (y >>> 32) & 0xFF)] ^ TABLE[2 * 256 + ((int) (y >>> 40) & 0xFF)]
                    ^ TABLE[256 + ((int) (y >>> 48) & 0xFF)] ^ TABLE[(int) (y >>> 56)];
        }
        if (feeds != 0) return LINE_BREAK;
        for (; i < to; i++) {
            if (b[i] == '\n') return LINE_BREAK;
            crc = TABLE[((crc >>> 8) ^ b[i]) & 0xFF];
        }
        return crc;
    }

    /** Non-zero if one of the eight bytes of {@code x} is a line feed (the classic has-zero-byte test on x ^ \n…\n). */
    private static long lineFeeds(long x) {
        long y = x ^ LINE_FEEDS;
        return (y - ONES) & ~y & HIGHS;
    }

    /** The same CRC one byte at a time, exactly as the standard writes it: the reference the tables are checked against. */
    static int bitwise(byte[] b, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ (b[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc;
    }
}
