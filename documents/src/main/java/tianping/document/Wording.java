package tianping.document;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed wording of the drafts, from {@code wording.csv}: every paragraph with its source (法条 or a published
 * decision), so that no legal wording is in the code. A template holds {@code {名称}} — filled from the decision,
 * or a blank labelled with that name when the decision lacks it — and {@code ［标注］}, a blank for the officer.
 * Values are substituted after the template is split, so a case's own text can never turn into a blank or a
 * placeholder.
 */
public final class Wording {

    private static final Wording STANDARD = load();

    private final Map<String, String> texts;
    private final Map<String, String> sources;

    private Wording(Map<String, String> texts, Map<String, String> sources) {
        this.texts = texts;
        this.sources = sources;
    }

    public static Wording standard() {
        return STANDARD;
    }

    private static Wording load() {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        try (InputStream in = Wording.class.getResourceAsStream("wording.csv")) {
            if (in == null) throw new IllegalStateException("wording.csv 缺失");
            CSVFormat f = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : f.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                if (texts.put(r.get("键"), r.get("文字")) != null) throw new IllegalStateException("wording.csv: 键 " + r.get("键") + " 重复");
                sources.put(r.get("键"), r.get("来源"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Wording(Map.copyOf(texts), Map.copyOf(sources));
    }

    /** The template of a key, as written. */
    public String text(String key) {
        String t = texts.get(key);
        if (t == null) throw new IllegalArgumentException("wording.csv 没有键 " + key);
        return t;
    }

    public String source(String key) {
        return sources.get(key);
    }

    /** The template of a key with its values filled in; a missing (null) value becomes a blank labelled with its name. */
    public List<Piece> fill(String key, Map<String, String> values) {
        String t = text(key);
        List<Piece> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int close = c == '{' ? t.indexOf('}', i) : c == '［' ? t.indexOf('］', i) : -1;
            if (close < 0) {
                lit.append(c);
                continue;
            }
            String name = t.substring(i + 1, close);
            String value = c == '{' ? values.get(name) : null;
            if (c == '{' && !values.containsKey(name)) throw new IllegalArgumentException(key + "：未给出 {" + name + "}");
            if (value != null) {
                lit.append(value);
            } else {
                if (!lit.isEmpty()) out.add(Piece.text(lit.toString()));
                lit.setLength(0);
                out.add(Piece.blank(name));
            }
            i = close;
        }
        if (!lit.isEmpty()) out.add(Piece.text(lit.toString()));
        return out;
    }

    public List<Piece> fill(String key) {
        return fill(key, Map.of());
    }
}
