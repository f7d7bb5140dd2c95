package tianping.power.readings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of an id field into a String, reusing the String when the same id was seen recently: a feed
 * repeats a few ten thousand ids millions of times, and allocating each again would dominate parsing. The
 * Strings are interned, so whoever keeps ids interned (the enterprise register, {@link SeriesBuilder}) finds them
 * by identity.
 */
final class IdCache {

    private static final int SIZE = 1 << 16;
    private final byte[][] keys = new byte[SIZE][];
    private final String[] values = new String[SIZE];

    String get(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) h = 31 * h + b[i];
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        byte[] k = keys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, from, to)) return values[slot];
        String s = new String(b, from, to - from, StandardCharsets.UTF_8).intern();
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = s;
        return s;
    }
}
