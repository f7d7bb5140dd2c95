package tianping.cli;

import org.junit.jupiter.api.Test;
import tianping.engine.RuleSet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service indents the recorded compact bytes instead of serialising the decision again: the result must be
 * the bytes Jackson's pretty printer writes for the same value ({@code check --json}), for every example decision
 * and for values shaped to hit every rule (empty and nested containers, arrays of objects, strings holding JSON's
 * own punctuation, escapes and Chinese).
 */
class PrettyJsonBytesTest {

    private static String pretty(Object value) throws Exception {
        // as checkJson sent it: encoded to UTF-8 (a lone surrogate becomes '?'), compared as the bytes on the wire
        return new String((Json.PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String respaced(Object value) {
        return new String(PrettyJsonBytes.of(Json.bytes(value), (byte) '\n'), StandardCharsets.UTF_8);
    }

    @Test
    void everyExampleDecisionIndentsAsCheckJsonPrintsIt() throws Exception {
        ServiceEngine engine = new ServiceEngine(RuleSet.bundled());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("../fixtures/cases"))) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")
                    && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        Path empty = Files.createTempDirectory("pretty-json-bytes");
        int decided = 0;
        for (Path p : files) {
            ServiceEngine.Result r = engine.decide(p.toString(), Files.readAllBytes(p), empty);
            if (r.kind() != ServiceEngine.Kind.DECIDED) continue;
            decided++;
            assertEquals(pretty(r.decision()), new String(ServiceEngine.checkJson(r), StandardCharsets.UTF_8), p.toString());
        }
        assertTrue(decided >= 50, "only " + decided + " example cases decided");
    }

    @Test
    void punctuationInStringsEscapesAndEmptyContainers() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of());
        m.put("b", Map.of());
        m.put("c{\"[:,]}", "值: {x, y} [1, 2] \"引号\" \\ 反斜杠 \n\t\u0001 末尾\\");
        m.put("d", List.of(Map.of(), List.of(), List.of(List.of()), Map.of("k", List.of(Map.of("z", 1)))));
        m.put("e", List.of(1, -2.5, true, false, "s"));
        m.put("f", java.util.Arrays.asList(null, Map.of("n", "")));
        m.put("", "");
        assertEquals(pretty(m), respaced(m));
        assertEquals(pretty(List.of(m, m)), respaced(List.of(m, m)));
        assertEquals(pretty("只是一个字符串"), respaced("只是一个字符串"));
        assertEquals(pretty(42), respaced(42));
    }

    @Test
    void randomTrees() throws Exception {
        Random random = new Random(20261202L);
        for (int i = 0; i < 2000; i++) {
            Object v = tree(random, 0);
            assertEquals(pretty(v), respaced(v), Json.write(v));
        }
    }

    private static final String[] WORDS = {"", "罚款", "a\"b", "{", "}", "[", "]", ",", ":", "\\", "\\\"", "x: [1, {}]", "\n", "\u2028", "😀", "𠀀𡐓", "\uD83D", "\uDE00", "x\uD83Dy", "\\uD83D\\uDE00"};

    private static Object tree(Random r, int level) {
        int kind = level > 5 ? r.nextInt(4) : r.nextInt(7);
        switch (kind) {
            case 0: return WORDS[r.nextInt(WORDS.length)];
            case 1: return r.nextInt(2000) - 1000;
            case 2: return r.nextBoolean();
            case 3: return null;
            case 4, 5: {
                Map<String, Object> m = new LinkedHashMap<>();
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) m.put(WORDS[r.nextInt(WORDS.length)] + k, tree(r, level + 1));
                return m;
            }
            default: {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) l.add(tree(r, level + 1));
                return l;
            }
        }
    }
}
