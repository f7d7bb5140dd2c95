package tianping.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where two JSON documents differ, as readable lines "$.path: old → new", the first few only. */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<String> diff(JsonNode before, JsonNode after, int max) {
        List<String> out = new ArrayList<>();
        walk("$", before, after, out, max);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out, int max) {
        if (out.size() >= max) return;
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || !(a.isObject() || a.isArray())) {
            if (a == null || !a.equals(b)) out.add(path + "：" + shorten(a) + " → " + shorten(b));
            return;
        }
        if (a.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) names.add(it.next());
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) names.add(it.next());
            for (String n : names) walk(path + "." + n, a.get(n), b.get(n), out, max);
        } else {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) walk(path + "[" + i + "]", a.get(i), b.get(i), out, max);
        }
    }

    private static String shorten(JsonNode n) {
        if (n == null) return "（无）";
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }
}
