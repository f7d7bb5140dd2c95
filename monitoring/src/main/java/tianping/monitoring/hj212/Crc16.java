package tianping.monitoring.hj212;

/**
 * The CRC-16 of an HJ 212 packet's data segment, as the standard's appendix computes it: register 0xFFFF; for
 * each byte, register = (register >> 8) ^ byte, then eight right shifts that xor 0xA001 whenever a 1 falls out.
 * Unlike CRC-16/MODBUS the low byte of the register is dropped at every step, so the next register is a
 * function of one byte, {@code (register >> 8) ^ byte}: one table lookup per byte.
 *
 * <p>The step is linear over GF(2), so eight bytes can be folded at once (slicing-by-8): table k holds the
 * effect of a byte k steps before the end of a block. Only one lookup per block depends on the previous block,
 * which is what makes checking every packet of a month of minute data cheap.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[8 * 256];

    static {
        for (int x = 0; x < 256; x++) {
            int r = x;
            for (int bit = 0; bit < 8; bit++) r = (r & 1) != 0 ? (r >>> 1) ^ 0xA001 : r >>> 1;
            TABLE[x] = r;
        }
        for (int k = 1; k < 8; k++) {
            for (int x = 0; x < 256; x++) TABLE[k * 256 + x] = TABLE[TABLE[(k - 1) * 256 + x] >>> 8];
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code b[from, to)}, 0–0xFFFF. */
    public static int of(byte[] b, int from, int to) {
        int crc = 0xFFFF;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            crc = TABLE[7 * 256 + (((crc >>> 8) ^ b[i]) & 0xFF)]
                    ^ TABLE[6 * 256 + (b[i + 1] & 0xFF)] ^ TABLE[5 * 256 + (b[i + 2] & 0xFF)]
                    ^ TABLE[4 * 256 + (b[i + 3] & 0xFF)] ^ TABLE[3 * 256 + (b[i + 4] & 0xFF)]
                    ^ TABLE[2 * 256 + (b[i + 5] & 0xFF)] ^ TABLE[256 + (b[i + 6] & 0xFF)]
                    ^ TABLE[b[i + 7] & 0xFF];
        }
        for (; i < to; i++) crc = TABLE[((crc >>> 8) ^ b[i]) & 0xFF];
        return crc;
    }

    /** The same CRC one byte at a time, exactly as the standard writes it: the reference the table is checked against. */
    static int bitwise(byte[] b, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ (b[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc;
    }
}
