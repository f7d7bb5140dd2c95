package tianping.cli;

import java.util.Arrays;

/**
 * Indents compact JSON bytes exactly as {@link Json#PRETTY} (Jackson's {@code DefaultPrettyPrinter}) would have
 * written the same value: objects one entry a line, two spaces a level, {@code "name" : value}; arrays inline as
 * {@code [ a, b ]} (their elements do not add a level); empty containers as {@code { }} and {@code [ ]}.
 *
 * <p>Why: the service records a decision's compact JSON and answers with the indented one ({@code check --json}'s
 * bytes). Serialising the decision object twice through Jackson cost as much as the first serialisation again
 * (12% of the service path's CPU under load, JFR); re-spacing the compact bytes is one pass over them with no
 * reflection. The input must be compact JSON as Jackson writes it (no whitespace outside strings), which is what
 * {@link Json#bytes} returns; {@code PrettyJsonBytesTest} compares the two over every example decision.
 */
public final class PrettyJsonBytes {

    /** DefaultIndenter.SYSTEM_LINEFEED_INSTANCE: the system line separator, as the command line's output uses. */
    private static final byte[] EOL = System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private PrettyJsonBytes() {
    }

    /** The indented form of {@code compact}, followed by {@code trailer} (e.g. the newline check --json prints). */
    public static byte[] of(byte[] compact, byte trailer) {
        Out out = new Out(compact.length + (compact.length >> 1) + 64);
        // per open container: true for an object; arrays are inline, so only objects deepen the indentation
        boolean[] isObject = new boolean[64];
        int depth = 0;
        int nesting = 0;
        int n = compact.length;
        for (int i = 0; i < n; i++) {
            byte b = compact[i];
            switch (b) {
                case '"' -> {
                    int start = i++;
                    while (i < n && compact[i] != '"') {
                        if (compact[i] == '\\') {
                            if (compact[i + 1] == 'u' && isSurrogateEscape(compact, i)) {
                                out.write(compact, start, i - start);
                                i = surrogates(compact, i, out);
                                start = i;
                                continue;
                            }
                            i++;
                        }
                        i++;
                    }
                    out.write(compact, start, i - start + 1);
                }
                case '{' -> {
                    if (i + 1 < n && compact[i + 1] == '}') {
                        out.write('{');
                        out.write(' ');
                        out.write('}');
                        i++;
                        continue;
                    }
                    if (depth == isObject.length) isObject = Arrays.copyOf(isObject, depth * 2);
                    isObject[depth++] = true;
                    out.write('{');
                    out.indent(++nesting);
                }
                case '[' -> {
                    if (i + 1 < n && compact[i + 1] == ']') {
                        out.write('[');
                        out.write(' ');
                        out.write(']');
                        i++;
                        continue;
                    }
                    if (depth == isObject.length) isObject = Arrays.copyOf(isObject, depth * 2);
                    isObject[depth++] = false;
                    out.write('[');
                    out.write(' ');
                }
                case '}' -> {
                    depth--;
                    out.indent(--nesting);
                    out.write('}');
                }
                case ']' -> {
                    depth--;
                    out.write(' ');
                    out.write(']');
                }
                case ',' -> {
                    out.write(',');
                    if (depth > 0 && isObject[depth - 1]) out.indent(nesting);
                    else out.write(' ');
                }
                case ':' -> {
                    out.write(' ');
                    out.write(':');
                    out.write(' ');
                }
                default -> out.write(b);
            }
        }
        out.write(trailer);
        return out.bytes();
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int k = at; k < at + 4; k++) v = v << 4 | Character.digit(b[k], 16);
        return v;
    }

    /** At {@code i}: an escape {@code \\uXXXX} of a UTF-16 surrogate. */
    private static boolean isSurrogateEscape(byte[] b, int i) {
        return i + 5 < b.length && Character.isSurrogate((char) hex4(b, i + 2));
    }

    /**
     * Jackson's UTF-8 generator writes a character outside the BMP (an emoji, a CJK Extension B character in a
     * name) as two escapes {@code \\uD8xx\\uDCxx}; the pretty writer writes the character itself, which
     * {@code String.getBytes(UTF_8)} encodes in four bytes, and a lone surrogate as {@code ?}. Writes what the
     * pretty path would for the escape(s) at {@code i}. @return the index after them
     */
    private static int surrogates(byte[] b, int i, Out out) {
        char high = (char) hex4(b, i + 2);
        if (Character.isHighSurrogate(high) && i + 11 < b.length && b[i + 6] == '\\' && b[i + 7] == 'u'
                && Character.isLowSurrogate((char) hex4(b, i + 8))) {
            int cp = Character.toCodePoint(high, (char) hex4(b, i + 8));
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | (cp >> 12 & 0x3F));
            out.write(0x80 | (cp >> 6 & 0x3F));
            out.write(0x80 | (cp & 0x3F));
            return i + 12;
        }
        out.write('?');
        return i + 6;
    }

    /** A growable byte buffer without ByteArrayOutputStream's locking. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int more) {
            if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }

        void write(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        void indent(int level) {
            room(EOL.length + 2 * level);
            for (byte e : EOL) buf[size++] = e;
            for (int k = 0; k < 2 * level; k++) buf[size++] = ' ';
        }

        byte[] bytes() {
            return size == buf.length ? buf : Arrays.copyOf(buf, size);
        }
    }
}
