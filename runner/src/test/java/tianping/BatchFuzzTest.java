package tianping;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.Verifier;
import tianping.cli.Json;
import tianping.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker's mutations ({@link CaseMutator}) through the real {@code batch} command: each round writes mutated
 * fixture cases beside their data as case files and as JSON Lines files (with blank, GBK, invalid UTF-8, raw
 * lone-surrogate and \uD800-escaped lines), plants a case-named link to a secret outside the root, a FIFO and a
 * folder named like cases, and runs {@code batch} over the folder with a decision log. Asserted for every round:
 * exit 0 or 1; exactly one output line per entry, counted from the files by the README's rule (every .json and
 * .jsonl but decisions and expectations; every line of a .jsonl), with the sources of exactly those entries; the
 * summary's 输入 = 决定 + 未发现 + 拒绝, each count matching the lines; every rejection located; the secret nowhere in
 * the output, the messages or the log; and the log verifies.
 *
 * <p>Seeded (fuzz.seed), bounded in time (fuzz.batch.seconds, default 20).
 */
class BatchFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final long SECONDS = Long.getLong("fuzz.batch.seconds", 20L);
    private static final Pattern SUMMARY = Pattern.compile("共 ([\\d,]+) 件：作出处理意见 ([\\d,]+) 件，(?:未发现违法事实 ([\\d,]+) 件，)?拒绝 ([\\d,]+) 件");

    @TempDir
    Path tmp;

    @Test
    void everyMutatedEntryEndsAsOneCountedLocatedLineAndNothingLeaks() throws Exception {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<String> defects = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int rounds = 0;
        int entries = 0;
        while (rounds == 0 || System.nanoTime() < deadline && rounds < 20) {
            rounds++;
            entries += round(tmp.resolve("round-" + rounds), random, defects, outcomes);
        }
        System.out.println("BatchFuzzTest: seed " + SEED + ", " + rounds + " batches, " + entries + " entries, outcomes " + outcomes
                + ", defects " + defects.size());
        defects.stream().limit(20).forEach(d -> System.out.println("  " + d));
        assertTrue(defects.isEmpty(), defects.size() + " defects, first: " + defects.stream().limit(5).toList());
    }

    /** One batch over one mutated copy of the fixtures; returns the number of entries. */
    private int round(Path base, Random random, List<String> defects, Map<String, Integer> outcomes) throws Exception {
        CaseMutator mutator = new CaseMutator(base.resolve("root"));
        Path root = mutator.root();
        List<Path> originals = mutator.copyFixtures();
        Map<Path, List<byte[]>> linesByDir = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            Path original = originals.get(random.nextInt(originals.size()));
            List<String> done = new ArrayList<>();
            Path mutated;
            try {
                mutated = mutator.mutate(original, random, "fz-" + i, done);
            } catch (RuntimeException | IOException e) {
                continue; // a mutation the test itself cannot write (nesting beyond the writer's limit)
            }
            if (random.nextInt(3) == 0) {
                // as a line of a JSON Lines file beside its data instead of a file of its own
                linesByDir.computeIfAbsent(mutated.getParent(), d -> new ArrayList<>()).add(Files.readAllBytes(mutated));
                Files.delete(mutated);
            }
        }
        for (Path original : originals) {
            byte[] clean = Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(Files.readAllBytes(original)));
            if (random.nextInt(8) == 0) linesByDir.computeIfAbsent(original.getParent(), d -> new ArrayList<>()).addAll(brokenLines(clean, random));
            Files.delete(original); // only this round's entries are cases
        }
        for (var e : linesByDir.entrySet()) {
            try (var out = Files.newOutputStream(e.getKey().resolve("fz-lines.jsonl"))) {
                for (byte[] line : e.getValue()) {
                    out.write(line);
                    out.write(random.nextInt(10) == 0 ? new byte[]{'\r', '\n'} : new byte[]{'\n'});
                }
                if (random.nextBoolean()) out.write("{\"caseId\":\"no-newline-at-end\"".getBytes(StandardCharsets.UTF_8));
            }
        }
        Path cases = root.resolve("cases");
        Files.createSymbolicLink(cases.resolve("secret-link.json"), mutator.secret());
        Files.createDirectories(cases.resolve("folder.json"));
        new ProcessBuilder("mkfifo", cases.resolve("pipe.jsonl").toString()).start().waitFor(10, TimeUnit.SECONDS);

        Map<String, Integer> expected = expectedSources(root);
        Path out = base.resolve("out.jsonl");
        Path log = base.resolve("log");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int code = Main.run(new String[]{"batch", root.toString(), "--out", out.toString(), "--log", log.toString(), "--threads", "2"},
                new PrintWriter(so), new PrintWriter(se));
        String err = se.toString();
        String where = base.getFileName() + ": ";
        if (code != 0 && code != 1) defects.add(where + "exit " + code + " " + err.lines().limit(5).toList());
        if (!Files.exists(out)) {
            defects.add(where + "no --out written");
            return expected.size();
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Map<String, Integer> seen = new TreeMap<>();
        int decided = 0, noViolation = 0, rejected = 0;
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line);
            String source = n.path("source").asText();
            seen.merge(source, 1, Integer::sum);
            String status = n.path("status").asText();
            switch (status) {
                case "decided" -> decided++;
                case "no_violation" -> noViolation++;
                case "rejected" -> {
                    rejected++;
                    if (!n.path("errors").isArray() || n.path("errors").isEmpty()) defects.add(where + "rejection without errors: " + source);
                    Set<String> codes = new HashSet<>();
                    for (JsonNode e : n.path("errors")) {
                        codes.add(e.path("code").asText());
                        if (e.path("file").asText().isEmpty() || e.path("path").asText().isEmpty() || !e.path("code").asText().matches("[a-z0-9_]+")
                                || e.path("message").asText().isEmpty()) {
                            defects.add(where + "unlocated error " + e + " in " + source);
                        }
                    }
                    codes.forEach(c -> outcomes.merge(c, 1, Integer::sum));
                }
                default -> defects.add(where + "status " + status + " for " + source);
            }
            if (!status.equals("rejected")) outcomes.merge(status, 1, Integer::sum);
        }
        if (!seen.equals(expected)) {
            Set<String> missing = new java.util.TreeSet<>(expected.keySet());
            missing.removeAll(seen.keySet());
            Set<String> extra = new java.util.TreeSet<>(seen.keySet());
            extra.removeAll(expected.keySet());
            seen.forEach((s, k) -> {
                if (k > 1) extra.add(s + " ×" + k);
            });
            defects.add(where + "lines ≠ entries: " + lines.size() + " lines for " + expected.size() + " entries; missing " + missing + "; extra " + extra);
        }
        Matcher m = SUMMARY.matcher(err);
        if (!m.find()) {
            defects.add(where + "no summary: " + err.lines().limit(5).toList());
        } else {
            long total = n(m.group(1)), d = n(m.group(2)), nv = m.group(3) == null ? 0 : n(m.group(3)), r = n(m.group(4));
            if (total != d + nv + r || total != expected.size() || d != decided || nv != noViolation || r != rejected) {
                defects.add(where + "summary " + m.group() + " vs lines decided " + decided + ", no_violation " + noViolation + ", rejected " + rejected
                        + ", entries " + expected.size());
            }
        }
        for (String text : new String[]{so.toString(), err, Files.readString(out, StandardCharsets.UTF_8),
                Files.exists(log.resolve("decisions.jsonl")) ? Files.readString(log.resolve("decisions.jsonl"), StandardCharsets.UTF_8) : ""}) {
            if (text.contains(CaseMutator.SECRET)) defects.add(where + "secret echoed: " + excerpt(text));
        }
        if (Files.exists(log.resolve("decisions.jsonl"))) {
            Verifier.Result v = Verifier.verify(log.resolve("decisions.jsonl"), null);
            if (!v.ok()) defects.add(where + "log verify: " + v.problems().stream().limit(3).toList());
        }
        return expected.size();
    }

    /** A clean case spoiled as a batch line can be: GBK, invalid UTF-8, a raw or escaped lone surrogate, blank, whitespace. */
    private static List<byte[]> brokenLines(byte[] clean, Random random) {
        String text = new String(clean, StandardCharsets.UTF_8);
        byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        String marker = "\"caseId\":\"";
        int at = text.indexOf(marker) + marker.length();
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        List<byte[]> lines = new ArrayList<>();
        switch (random.nextInt(6)) {
            case 0 -> lines.add(text.getBytes(Charset.forName("GBK")));
            case 1 -> lines.add(concat(head, new byte[]{(byte) 0xff, (byte) 0xc3, '('}, tail));
            case 2 -> lines.add(concat(head, surrogate, tail));
            case 3 -> lines.add((text.substring(0, at) + "\\ud800" + text.substring(at)).getBytes(StandardCharsets.UTF_8));
            case 4 -> lines.add(new byte[0]);
            default -> lines.add(" \t ".getBytes(StandardCharsets.UTF_8));
        }
        lines.add(clean);
        return lines;
    }

    private static byte[] concat(byte[]... parts) {
        var b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }

    /**
     * The entries the README promises a line for, counted from the files themselves: every .json and .jsonl (not
     * *.decision.json, *.expected.json), a folder or FIFO so named included; each line of a regular .jsonl file
     * (split at \n, a last line without one counted if not empty).
     */
    private static Map<String, Integer> expectedSources(Path root) throws IOException {
        Map<String, Integer> sources = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).sorted().toList()) {
                String name = p.getFileName().toString();
                boolean isCase = name.endsWith(".json") && !name.endsWith(".decision.json") && !name.endsWith(".expected.json") || name.endsWith(".jsonl");
                if (!isCase) continue;
                if (p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)) {
                    byte[] b = Files.readAllBytes(p);
                    int lines = 0;
                    for (byte x : b) if (x == '\n') lines++;
                    if (b.length > 0 && b[b.length - 1] != '\n') lines++;
                    for (int i = 1; i <= lines; i++) sources.put(p + ":" + i, 1);
                } else {
                    sources.put(p.toString(), 1);
                }
            }
        }
        return sources;
    }

    private static long n(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    private static String excerpt(String text) {
        int i = text.indexOf(CaseMutator.SECRET);
        return text.substring(Math.max(0, i - 200), Math.min(text.length(), i + 40)).replace('\n', ' ');
    }
}
