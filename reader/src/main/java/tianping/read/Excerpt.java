package tianping.read;

import java.nio.charset.StandardCharsets;

/**
 * A short, escaped piece of input for an error message. Data files and case files are written by others: a
 * message must show enough to find the mistake, never a whole line (a file of one 2 GB line, an API token), and
 * never a control character that rewrites the operator's terminal. So every excerpt is at most {@link #MAX}
 * characters, control characters and backslashes escaped, malformed UTF-8 and lone surrogates shown as
 * \\uFFFD or their escape, and a cut excerpt says how long the original was.
 */
public final class Excerpt {

    /** The longest excerpt, in characters, escapes and the note on a cut excerpt included. */
    public static final int MAX = 80;
    /** Characters of content shown (escapes included), leaving room for the note "…（共 N 字节）". */
    private static final int CONTENT = 60;

    private Excerpt() {
    }

    /** The bytes {@code b[from, to)} as UTF-8 text, escaped and bounded. */
    public static String of(byte[] b, int from, int to) {
        int n = to - from;
        // no need to decode more than can be shown (4 bytes a character at most, escapes only lengthen)
        int decode = Math.min(n, CONTENT * 4);
        String text = new String(b, from, decode, StandardCharsets.UTF_8);
        return escape(text, n, decode < n ? n + " 字节" : null);
    }

    /** A string, escaped and bounded. */
    public static String of(CharSequence s) {
        if (s == null) return "null";
        return escape(s, s.length(), null);
    }

    private static String escape(CharSequence s, int originalLength, String cutNote) {
        StringBuilder out = new StringBuilder(MAX + 4);
        int done = append(s, out, cutNote == null ? MAX : CONTENT);
        if (done == s.length() && cutNote == null) return out.toString();
        if (done < s.length() && cutNote == null) {
            // did not fit whole: show less, to leave room for the note
            out.setLength(0);
            append(s, out, CONTENT);
        }
        return out.append("…（共 ").append(cutNote != null ? cutNote : originalLength + " 字符").append('）').toString();
    }

    /** Appends escaped characters of {@code s} while they fit in {@code budget}; returns how many chars were taken. */
    private static int append(CharSequence s, StringBuilder out, int budget) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int take = 1;
            String e;
            if (c == '\\') e = "\\\\";
            else if (c == '\n') e = "\\n";
            else if (c == '\r') e = "\\r";
            else if (c == '\t') e = "\\t";
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                e = s.subSequence(i, i + 2).toString();
                take = 2;
            } else if (invisible(c)) {
                e = String.format("\\u%04X", (int) c);
            } else {
                e = String.valueOf(c);
            }
            if (out.length() + e.length() > budget) break;
            out.append(e);
            i += take;
        }
        return i;
    }

    /** Characters that would not show as themselves: controls, lone surrogates, direction overrides, BOM. */
    private static boolean invisible(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)
                || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\ufeff';
    }
}
