package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.cli.Json;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The attacker's mutations of the fixtures, shared by the fuzz tests of check ({@link DataFuzzTest}) and of
 * batch ({@link BatchFuzzTest}): a copy of fixtures/cases, monitoring and power under {@code root}, a secret
 * beside {@code root} (outside it) with hostile references to it — absolute paths, {@code ..}, symbolic links,
 * /proc/self/environ, /dev/zero, FIFOs, directories — and mutations of a case's fields, types, numbers, dates,
 * nesting and bytes, and of the raw-data files it references.
 */
final class CaseMutator {

    static final String SECRET = "FUZZ-SECRET-" + "7f3a9c1e";

    private final Path root;
    private final Path secret;
    private final List<String> hostile = new ArrayList<>();

    /** Creates {@code root} and the secret beside it. */
    CaseMutator(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        this.secret = Files.writeString(root.getParent().resolve("secret.json"), "{\"token\": \"" + SECRET + "\"}\n" + SECRET + "\n");
    }

    Path root() {
        return root;
    }

    Path secret() {
        return secret;
    }

    /** Copies fixtures/cases, monitoring and power under the root, with hostile files beside them; returns the cases. */
    List<Path> copyFixtures() throws IOException {
        List<Path> cases = new ArrayList<>();
        for (String part : List.of("cases", "monitoring", "power")) {
            Path from = Fixtures.ROOT.resolve(part);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = root.resolve(part).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                        continue;
                    }
                    String n = p.getFileName().toString();
                    if (n.endsWith(".decision.json") || n.endsWith(".expected.json") || n.endsWith(".csv") && part.equals("cases")) continue;
                    Files.copy(p, to);
                    if (n.endsWith(".json") && !n.equals("readings.json")) cases.add(to);
                }
            }
        }
        Path links = Files.createDirectories(root.resolve("power/links"));
        Files.createSymbolicLink(links.resolve("secret.csv"), secret);
        Files.createSymbolicLink(links.resolve("secret.hj212"), secret);
        Files.createSymbolicLink(links.resolve("dir.csv"), root.getParent());
        if (Files.exists(Path.of("/proc/self/environ"))) Files.createSymbolicLink(links.resolve("environ.csv"), Path.of("/proc/self/environ"));
        if (Files.exists(Path.of("/dev/zero"))) Files.createSymbolicLink(links.resolve("zero.hj212"), Path.of("/dev/zero"));
        Files.createDirectories(links.resolve("folder.csv"));
        try {
            new ProcessBuilder("mkfifo", links.resolve("fifo.csv").toString()).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // no FIFO on this system: the other references are still tried
        }
        for (String n : List.of("secret.csv", "secret.hj212", "dir.csv", "environ.csv", "zero.hj212", "folder.csv", "fifo.csv")) {
            if (Files.exists(links.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS)) hostile.add("LINKS/" + n);
        }
        hostile.add(secret.toString());
        hostile.add("../../../secret.json");
        hostile.add("../../../../secret.json");
        hostile.add("/proc/self/environ");
        hostile.add("/dev/zero");
        hostile.add("data/../../../../secret.json");
        hostile.add("");
        hostile.add(".");
        return cases;
    }

    // ---- mutations ----

    private static final String[] DATES = {"0000-01-01", "0000-00-00", "2024-02-30", "2024-13-01", "9999-12-31", "1899-12-31",
            "2101-01-01", "1990-01-01", "2100-12-31", "2024-02-29", "2023-02-29", "0001-01-01T00:00", "2024-03-01T24:00",
            "2024-03-01T08:00:61", "+2024-03-01", "2024-3-1"};
    private static final String[] NUMBERS = {"1e400", "-1e400", "1e39", "999999999999999999999999999999", "-0", "0", "-1",
            "1e-400", "4.9e-324", "1.7976931348623157e308", "NaN", "Infinity", "0.1", "18446744073709551616", "1E+2147483648"};

    /** A mutated copy of {@code original}, written beside it as {@code tag}.json (data files it mutates as tag.EXT). */
    Path mutate(Path original, Random random, String tag, List<String> done) throws IOException {
        Path dir = original.getParent();
        String text = Files.readString(original, StandardCharsets.UTF_8);
        JsonNode tree = Json.MAPPER.readTree(text);
        boolean hasData = tree.has("monitoring") || tree.has("power");
        int kind = hasData ? (random.nextInt(10) < 6 ? 5 : random.nextInt(10)) : random.nextInt(10);
        byte[] bytes;
        if (kind <= 4) {
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) tree = mutateTree(tree, random, done);
            bytes = Json.MAPPER.writeValueAsBytes(tree);
        } else if (kind <= 6) {
            tree = mutateData(tree, dir, random, tag, done);
            bytes = Json.MAPPER.writeValueAsBytes(tree);
        } else {
            bytes = mutateBytes(Json.MAPPER.writeValueAsBytes(tree), random, done);
        }
        Path out = dir.resolve(tag + ".json");
        Files.write(out, bytes);
        return out;
    }

    private JsonNode mutateTree(JsonNode tree, Random random, List<String> done) {
        List<String> paths = new ArrayList<>();
        List<JsonNode> parents = new ArrayList<>();
        collect(tree, "$", paths, parents);
        int i = random.nextInt(paths.size());
        String path = paths.get(i);
        JsonNode parent = parents.get(i);
        JsonNode value = value(random);
        if (parent == null) return tree;
        String key = path.substring(path.lastIndexOf(path.endsWith("]") ? '[' : '.') + 1).replace("]", "");
        int op = random.nextInt(4);
        if (parent instanceof ObjectNode o) {
            if (op == 0) {
                o.remove(key);
                done.add("remove " + path);
            } else {
                o.set(key, value);
                done.add(path + "=" + abbreviate(value));
            }
        } else if (parent instanceof ArrayNode a) {
            int index = Integer.parseInt(key);
            if (op == 0) {
                a.remove(index);
                done.add("remove " + path);
            } else if (op == 1) {
                a.add(a.get(Math.min(index, a.size() - 1)).deepCopy());
                done.add("duplicate " + path);
            } else {
                a.set(index, value);
                done.add(path + "=" + abbreviate(value));
            }
        }
        return tree;
    }

    private static void collect(JsonNode node, String path, List<String> paths, List<JsonNode> parents) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String p = path + "." + e.getKey();
            paths.add(p);
            parents.add(node);
            collect(e.getValue(), p, paths, parents);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                paths.add(p);
                parents.add(node);
                collect(node.get(i), p, paths, parents);
            }
        }
    }

    private JsonNode value(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(12)) {
            case 0 -> f.textNode(DATES[random.nextInt(DATES.length)]);
            case 1 -> f.numberNode(new java.math.BigDecimal(NUMBERS[random.nextInt(3, 6)]));
            case 2 -> f.textNode(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 3 -> f.numberNode(random.nextInt(2) == 0 ? Double.MAX_VALUE : -random.nextInt(1000));
            case 4 -> f.booleanNode(random.nextBoolean());
            case 5 -> f.nullNode();
            case 6 -> f.textNode("\ud800" + "x\u0000\u001b[2J\"\\");
            case 7 -> f.textNode("长".repeat(random.nextInt(1, 20_000)));
            case 8 -> nested(f, random.nextInt(1, 990));
            case 9 -> f.objectNode().put("x", 1);
            case 10 -> f.textNode(hostile.get(random.nextInt(hostile.size())).replace("LINKS/", "../links/"));
            default -> f.arrayNode().add(1).add("a");
        };
    }

    private static JsonNode nested(JsonNodeFactory f, int depth) {
        JsonNode n = f.arrayNode();
        for (int i = 0; i < depth; i++) n = f.arrayNode().add(n);
        return n;
    }

    /** Points a data reference at a hostile file, or at a mutated copy of the data file it names. */
    private JsonNode mutateData(JsonNode tree, Path dir, Random random, String tag, List<String> done) throws IOException {
        ArrayNode refs = tree.path("monitoring").path("data") instanceof ArrayNode a ? a
                : tree.path("power").path("readings") instanceof ArrayNode b ? b : null;
        if (refs == null || refs.isEmpty()) return mutateTree(tree, random, done);
        int i = random.nextInt(refs.size());
        String name = refs.get(i).asText();
        if (random.nextInt(3) == 0) {
            String h = hostile.get(random.nextInt(hostile.size()));
            // LINKS/… are inside the root but link out: referenced relative to the case
            String ref = h.startsWith("LINKS/") ? dir.relativize(root.resolve("power/links").resolve(h.substring(6))).toString() : h;
            if (ref.endsWith(".csv") && name.endsWith(".hj212")) ref = ref.replace(".csv", ".hj212");
            refs.set(i, JsonNodeFactory.instance.textNode(ref));
            done.add("data ref " + ref);
            return tree;
        }
        Path data = dir.resolve(name).normalize();
        if (!Files.isRegularFile(data) || !data.startsWith(root)) return tree;
        byte[] b = Files.readAllBytes(data);
        byte[] m = mutateRaw(b, random, done);
        String ext = name.substring(name.lastIndexOf('.'));
        Path copy = data.resolveSibling(tag + ext);
        Files.write(copy, m);
        refs.set(i, JsonNodeFactory.instance.textNode(dir.relativize(copy).toString()));
        return tree;
    }

    private static byte[] mutateRaw(byte[] b, Random random, List<String> done) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int changes = 1 + random.nextInt(4);
        for (int k = 0; k < changes; k++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(9)) {
                case 0 -> {
                    int count = 1 + random.nextInt(50);
                    char[] c = s.toCharArray();
                    for (int j = 0; j < count && c.length > 0; j++) c[random.nextInt(c.length)] = (char) random.nextInt(256);
                    s = new String(c);
                    done.add("raw flip " + count);
                }
                case 1 -> {
                    s = s.substring(0, at);
                    done.add("raw truncate " + at);
                }
                case 2 -> {
                    // numbers: every value of one kind made huge or non-finite (valid CRC is not kept, except by chance)
                    String with = NUMBERS[random.nextInt(NUMBERS.length)];
                    s = s.replaceAll("(Avg=|,)(\\d+\\.\\d+)", "$1" + with);
                    done.add("raw numbers " + with);
                }
                case 3 -> {
                    s = s.replace("2024", random.nextBoolean() ? "0000" : "9999").replace("2021", "0000");
                    done.add("raw years");
                }
                case 4 -> {
                    s = s.substring(0, at) + new String(new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, (byte) 0xed, (byte) 0xa0, (byte) 0x80},
                            StandardCharsets.ISO_8859_1) + s.substring(at);
                    done.add("raw invalid utf-8");
                }
                case 5 -> {
                    String gbk = new String("企业编号,测点".getBytes(Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
                    s = s.substring(0, at) + gbk + s.substring(at);
                    done.add("raw gbk");
                }
                case 6 -> {
                    s = s.substring(0, at) + "x".repeat(random.nextInt(1, 2_000_000)) + s.substring(at);
                    done.add("raw long line");
                }
                case 7 -> {
                    s = s + s.substring(0, Math.min(s.length(), at));
                    done.add("raw repeat");
                }
                default -> {
                    s = s.replace("\n", random.nextBoolean() ? "\r" : "");
                    done.add("raw line ends");
                }
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] mutateBytes(byte[] json, Random random, List<String> done) {
        String s = new String(json, StandardCharsets.ISO_8859_1);
        int at = random.nextInt(Math.max(1, s.length()));
        switch (random.nextInt(7)) {
            case 0 -> {
                done.add("trailing content");
                return (s + (random.nextInt(3) == 0 ? "\n{}" : " x")).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 1 -> {
                done.add("invalid utf-8 at " + at);
                return (s.substring(0, at) + "\u00ff\u00c3(" + s.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 2 -> {
                done.add("BOM");
                return ("\u00ef\u00bb\u00bf" + s).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3 -> {
                done.add("truncate " + at);
                return s.substring(0, at).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 4 -> {
                done.add("GBK re-encoding");
                return new String(json, StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
            }
            case 5 -> {
                done.add("surrogate escape");
                return s.replaceFirst("\"caseId\":\"", "\"caseId\":\"\\\\udc00").getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                done.add("deep nesting");
                return ("[".repeat(100_000) + s).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
