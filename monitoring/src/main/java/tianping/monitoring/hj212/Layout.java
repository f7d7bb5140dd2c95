package tianping.monitoring.hj212;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layout of a data area: its items' keys ({@code DataTime=}, {@code a21026-Avg=}, …) and separators in order,
 * taken from a packet the general parser read without a problem. A station sends the same layout every minute
 * with only the values changed, so the next packet is read by comparing each key's bytes and reading its value
 * straight into its place. The first byte that does not fit (another key or separator, a value that is not a
 * plain number, letter or time) makes {@link #read} give up, and the general parser reads the packet, so the
 * result is the general parser's in every case; layouts where that would not hold (a code sent twice apart,
 * empty items) are not made.
 */
final class Layout {

    static final long MISMATCH = Long.MIN_VALUE + 7;

    /** What an item's value is. */
    private static final int TIME = -1;
    private static final int SKIP = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[][] keys;
    /** Per key of 8 bytes or more: its first and its last eight bytes, compared as two longs. */
    private final long[] heads;
    private final long[] tails;
    /** Per item: TIME, SKIP, or the field (1–7, as the reader numbers them; 0 read and ignored). */
    private final int[] kinds;
    /** Per item: the reading it fills, or -1. */
    private final int[] targets;
    /** Per item: the byte after its value, or -1 for the end of the data area. */
    private final int[] separators;
    private final String[] codes;
    private final double[][] values;
    private final char[] flags;

    private Layout(List<byte[]> keys, List<Integer> kinds, List<Integer> targets, List<Integer> separators, String[] codes) {
        this.keys = keys.toArray(new byte[0][]);
        this.kinds = kinds.stream().mapToInt(Integer::intValue).toArray();
        this.targets = targets.stream().mapToInt(Integer::intValue).toArray();
        this.separators = separators.stream().mapToInt(Integer::intValue).toArray();
        this.codes = codes;
        this.heads = new long[this.keys.length];
        this.tails = new long[this.keys.length];
        for (int i = 0; i < this.keys.length; i++) {
            byte[] key = this.keys[i];
            if (key.length >= 8) {
                heads[i] = (long) LONGS.get(key, 0);
                tails[i] = (long) LONGS.get(key, key.length - 8);
            }
        }
        // a field or flag the layout does not fill stays NaN / none; those it fills are written by every read
        this.values = new double[codes.length][7];
        for (double[] v : values) Arrays.fill(v, Double.NaN);
        this.flags = new char[codes.length];
    }

    /**
     * The layout of {@code b[from, to)}, which the general parser has just read into {@code readings} without a
     * problem; null where reading by layout could differ from it.
     */
    static Layout of(byte[] b, int from, int to, List<Reading> readings) {
        List<byte[]> keys = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<Integer> separators = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int reading = -1;
        int codeFrom = -1;
        int codeTo = -1;
        for (int p = from; p < to; ) {
            int end = Ascii.itemEnd(b, p, to);
            int eq = Hj212Reader.indexOf(b, p, end, (byte) '=');
            if (eq < 0) return null;
            int dash = Hj212Reader.indexOf(b, p, eq, (byte) '-');
            if (dash < 0) {
                kinds.add(Hj212Reader.is(b, p, eq, "DataTime") ? TIME : SKIP);
                targets.add(-1);
            } else {
                if (codeFrom < 0 || !Arrays.equals(b, codeFrom, codeTo, b, p, dash)) {
                    reading++;
                    String code = new String(b, p, dash - p, java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (reading >= readings.size() || seen.contains(code) || !readings.get(reading).code().equals(code)) return null;
                    seen.add(code);
                    codeFrom = p;
                    codeTo = dash;
                }
                kinds.add(Hj212Reader.field(b, dash + 1, eq));
                targets.add(reading);
            }
            keys.add(Arrays.copyOfRange(b, p, eq + 1));
            separators.add(end < to ? (int) b[end] : -1);
            p = end + 1;
        }
        if (reading + 1 != readings.size() || keys.isEmpty()) return null;
        return new Layout(keys, kinds, targets, separators, readings.stream().map(Reading::code).toArray(String[]::new));
    }

    /**
     * Reads {@code b[from, to)} by this layout into {@code readings} (cleared first); returns DataTime (or
     * {@link Packet#NO_TIME}), or {@link #MISMATCH} if the bytes do not fit, leaving {@code readings} to be refilled.
     */
    long read(byte[] b, int from, int to, Ascii ascii, double[] number, List<Reading> readings) {
        long time = Packet.NO_TIME;
        int p = from;
        for (int i = 0; i < keys.length; i++) {
            byte[] key = keys[i];
            int n = key.length;
            if (to - p < n) return MISMATCH;
            if (n >= 8) {
                if ((long) LONGS.get(b, p) != heads[i] || (long) LONGS.get(b, p + n - 8) != tails[i]) return MISMATCH;
            } else {
                for (int k = n - 1; k >= 0; k--) if (b[p + k] != key[k]) return MISMATCH;
            }
            p += n;
            int kind = kinds[i];
            int end;
            if (kind > 0 && kind != Hj212Reader.FLAG) {
                end = Ascii.decimal(b, p, to, number);
                if (Double.isNaN(number[0])) return MISMATCH;
                values[targets[i]][kind - 1] = number[0];
            } else if (kind == Hj212Reader.FLAG) {
                end = p + 1;
                byte c = end <= to ? b[p] : 0;
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) return MISMATCH;
                flags[targets[i]] = (char) c;
            } else {
                end = Ascii.itemEnd(b, p, to);
                if (kind == TIME) {
                    long t = ascii.dateTime(b, p, end);
                    if (t == Packet.NO_TIME) return MISMATCH;
                    time = t;
                }
            }
            int separator = separators[i];
            if (separator < 0 ? end != to : end >= to || b[end] != separator) return MISMATCH;
            p = end + 1;
        }
        if (p < to) return MISMATCH;
        readings.clear();
        for (int r = 0; r < codes.length; r++) {
            double[] v = values[r];
            readings.add(new Reading(codes[r], v[Hj212Reader.RTD - 1], v[Hj212Reader.AVG - 1], v[Hj212Reader.MIN - 1],
                    v[Hj212Reader.MAX - 1], v[Hj212Reader.COU - 1], v[Hj212Reader.ZS_AVG - 1], flags[r]));
        }
        return time;
    }
}
