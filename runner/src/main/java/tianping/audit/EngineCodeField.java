package tianping.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The engine-code fingerprint inside a decision's JSON bytes, {@code ,"engineCode":"sha256:…"}: the last field of
 * the decision (in its fingerprints), found from the end without parsing the decision. Replay compares decisions
 * apart from it, then tells a changed engine by it.
 */
final class EngineCodeField {

    private static final byte[] KEY = ",\"engineCode\":\"".getBytes(StandardCharsets.UTF_8);

    private EngineCodeField() {
    }

    /** [start of the field, end of its closing quote), or null when the decision has none (logged before it existed). */
    private static int[] span(byte[] d) {
        outer:
        for (int i = d.length - KEY.length; i >= 0; i--) {
            for (int j = 0; j < KEY.length; j++) if (d[i + j] != KEY[j]) continue outer;
            int from = i + KEY.length;
            for (int k = from; k < d.length; k++) if (d[k] == '"') return new int[]{i, k + 1};
            return null;
        }
        return null;
    }

    /** The fingerprint recorded in the decision, or null. */
    static String value(byte[] decision) {
        int[] s = span(decision);
        return s == null ? null : new String(decision, s[0] + KEY.length, s[1] - 1 - s[0] - KEY.length, StandardCharsets.UTF_8);
    }

    /** Whether the two decisions are the same bytes once each one's engine-code field is left out. */
    static boolean equalApartFrom(byte[] a, byte[] b) {
        int[] sa = gap(a), sb = gap(b);
        return Arrays.equals(a, 0, sa[0], b, 0, sb[0]) && Arrays.equals(a, sa[1], a.length, b, sb[1], b.length);
    }

    /** The field's span, or where it would be — before the closing "}}" of fingerprints and decision — without it. */
    private static int[] gap(byte[] d) {
        int[] s = span(d);
        if (s != null) return s;
        int at = d.length >= 2 && d[d.length - 1] == '}' && d[d.length - 2] == '}' ? d.length - 2 : d.length;
        return new int[]{at, at};
    }
}
