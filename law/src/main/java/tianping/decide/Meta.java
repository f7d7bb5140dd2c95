package tianping.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads rule metadata. Drools gives {@code @id("X")} as {@code X} but {@code @overrides("A", "B")} as the text
 * {@code "A", "B"}; both, and a single comma-separated value, read as a list here.
 */
public final class Meta {

    private Meta() {
    }

    public static String text(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) return "";
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") && s.indexOf('"', 1) == s.length() - 1) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    public static List<String> list(Map<String, Object> meta, String key) {
        List<String> out = new ArrayList<>();
        for (String part : text(meta, key).split(",")) {
            String s = part.trim();
            if (s.startsWith("\"")) s = s.substring(1);
            if (s.endsWith("\"")) s = s.substring(0, s.length() - 1);
            if (!s.isBlank()) out.add(s.trim());
        }
        return out;
    }
}
