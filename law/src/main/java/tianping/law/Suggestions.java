package tianping.law;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the known value nearest to one that is not known — a condition term, a violation or pollutant
 * code, a value of an enumeration — for the messages legal staff and case writers read. A value is matched on its
 * code, its name and its aliases (SO2 names a21026, 二氧化硫): first exactly once widths, case, spaces and
 * underscores are set aside, then by edit distance (at most one edit in three characters, three at most), then by
 * one containing the other. Only a hint in a message: nothing is ever replaced.
 */
public final class Suggestions {

    /** A known value, the name shown beside it (may be empty) and other spellings that mean it. */
    public record Candidate(String value, String name, List<String> aliases) {
        public static Candidate of(String value) {
            return new Candidate(value, "", List.of());
        }
    }

    private static final int SHOWN = 3;

    private Suggestions() {
    }

    /** "，是否指“危害后果”？", "，是否指 a21026（二氧化硫）？", or "" when nothing is near. */
    public static String didYouMean(String typed, Collection<Candidate> candidates) {
        List<Candidate> near = nearest(typed, candidates);
        if (near.isEmpty()) return "";
        List<String> shown = new ArrayList<>();
        for (Candidate c : near) {
            shown.add(c.name().isEmpty() || c.name().equals(c.value()) ? "“" + c.value() + "”" : c.value() + "（" + c.name() + "）");
        }
        return "，是否指" + (shown.get(0).startsWith("“") ? "" : " ") + String.join("、", shown) + "？";
    }

    /** The same for plain values (an enumeration). */
    public static String didYouMeanValue(String typed, Collection<String> values) {
        return didYouMean(typed, values.stream().map(Candidate::of).toList());
    }

    static List<Candidate> nearest(String typed, Collection<Candidate> candidates) {
        String t = normal(typed);
        if (t.isEmpty()) return List.of();
        List<Candidate> exact = new ArrayList<>();
        for (Candidate c : candidates) {
            if (spellings(c).stream().anyMatch(s -> s.equals(t)) && !c.value().equals(typed)) exact.add(c);
        }
        if (!exact.isEmpty()) return cap(exact);
        int limit = Math.min(3, Math.max(1, t.codePointCount(0, t.length()) / 3));
        int best = Integer.MAX_VALUE;
        List<Candidate> near = new ArrayList<>();
        for (Candidate c : candidates) {
            int d = spellings(c).stream().mapToInt(s -> distance(t, s)).min().orElse(Integer.MAX_VALUE);
            if (d > limit || d > best) continue;
            if (d < best) near.clear();
            best = d;
            near.add(c);
        }
        if (!near.isEmpty()) return cap(near);
        if (t.codePointCount(0, t.length()) < 2) return List.of();
        for (Candidate c : candidates) {
            if (spellings(c).stream().anyMatch(s -> s.length() >= 2 && (s.contains(t) || t.contains(s)))) near.add(c);
        }
        return cap(near);
    }

    private static List<Candidate> cap(List<Candidate> list) {
        return list.size() > SHOWN ? list.subList(0, SHOWN) : list;
    }

    private static List<String> spellings(Candidate c) {
        List<String> s = new ArrayList<>();
        s.add(normal(c.value()));
        if (!c.name().isEmpty()) s.add(normal(c.name()));
        c.aliases().forEach(a -> s.add(normal(a)));
        return s;
    }

    /** Full-width letters and digits as half-width (ＳＯ２, SO₂), lower case, no spaces, underscores or hyphens. */
    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-·]", "");
    }

    /**
     * Edit distance by code point (a Chinese character is one edit), two neighbours swapped counting as one edit
     * (a21062 for a21026): the optimal string alignment distance.
     */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) d[i][0] = i;
        for (int j = 0; j <= y.length; j++) d[0][j] = j;
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[x.length][y.length];
    }
}
