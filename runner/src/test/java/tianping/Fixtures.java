package tianping;

import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The bundled fixtures and the bundled rule set, loaded once for all tests. */
public final class Fixtures {

    public static final Path ROOT = Path.of("..", "fixtures").toAbsolutePath().normalize();
    public static final Path CASES = ROOT.resolve("cases");
    private static RuleSet bundled;

    private Fixtures() {
    }

    public static synchronized RuleSet ruleSet() {
        if (bundled == null) {
            try {
                bundled = RuleSet.bundled();
            } catch (RuleSetException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return bundled;
    }

    /** Every case file under fixtures/cases (decision files excluded), in path order. */
    public static List<Path> caseFiles() {
        try (Stream<Path> walk = Files.walk(CASES)) {
            return walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's name relative to fixtures/cases, without .json: "shanxi/sx-f-air-applies". */
    public static String name(Path caseFile) {
        String rel = CASES.relativize(caseFile).toString().replace('\\', '/');
        return rel.substring(0, rel.length() - ".json".length());
    }

    /** Asserts two long texts are equal, reporting the first difference with some context instead of both texts. */
    public static void assertSameText(String expected, String actual, String what) {
        if (expected.equals(actual)) return;
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) i++;
        int from = Math.max(0, i - 80);
        throw new AssertionError(what + "：第 " + i + " 个字符起不同\n期望：…" + expected.substring(from, Math.min(expected.length(), i + 80))
                + "\n实际：…" + actual.substring(from, Math.min(actual.length(), i + 80)));
    }

    public static Decision decide(RuleSet ruleSet, Path caseFile) throws CaseRejected, IOException {
        String name = "fixtures/cases/" + name(caseFile) + ".json";
        return new Decider(ruleSet).decide(name, new CaseReader(ruleSet.law().book()).read(caseFile));
    }
}
