package tianping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.cli.Main;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseError;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.NoViolationFound;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutates the fixtures as an attacker or a broken feed would — fields, types, numbers (huge, non-finite),
 * dates (impossible, year 0000), nesting, encodings (invalid UTF-8, lone surrogates, GBK, trailing content) and
 * the raw-data files the cases reference (bytes, numbers, dates, hostile references: absolute paths, ..,
 * symlinks to a secret outside the root, /proc/self/environ, /dev/zero, FIFOs, directories) — and reads and
 * decides each through the code check runs (CaseReader, then Decider, then the JSON output). Each input must
 * end as a decision, a no_violation or a rejection whose every error is located; never an exception (exit 4)
 * or a hang; and no message or output may contain a byte of the secret planted outside the case folder. A
 * sample also goes through the check command itself, whose exit code must be 0 or 1.
 *
 * <p>Seeded (fuzz.seed, default fixed), bounded in time (fuzz.seconds, default 40).
 */
class DataFuzzTest {

    private static final String SECRET = CaseMutator.SECRET;
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final long SECONDS = Long.getLong("fuzz.seconds", 40L);

    @TempDir
    Path tmp;

    private Path root;

    @Test
    void mutatedCasesAndDataEndAsDecisionsOrLocatedRejectionsAndNeverLeakOutsideTheRoot() throws Exception {
        CaseMutator mutator = new CaseMutator(tmp.resolve("root"));
        root = mutator.root();
        List<Path> cases = mutator.copyFixtures();
        List<Path> dataCases = cases.stream().filter(p -> !p.startsWith(root.resolve("cases"))).toList();
        RuleSet ruleSet = Fixtures.ruleSet();
        CaseReader reader = new CaseReader(ruleSet.law().book());
        Decider decider = new Decider(ruleSet);
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> defects = new ArrayList<>();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int tried = 0;
        int cliRuns = 0;
        try {
            while (System.nanoTime() < deadline && tried < 20_000) {
                tried++;
                // cases that reference raw data are a fifth of the fixtures but half of the attack surface
                List<Path> from = random.nextInt(5) < 2 ? dataCases : cases;
                Path original = from.get(random.nextInt(from.size()));
                List<String> done = new ArrayList<>();
                Path input;
                try {
                    input = mutator.mutate(original, random, "fuzz-" + tried, done);
                } catch (RuntimeException | IOException e) {
                    // a mutation the test itself cannot write (nesting beyond the writer's limit): not an input
                    continue;
                }
                String what = root.relativize(input) + " " + done;
                Future<String> f = worker.submit(() -> check(reader, decider, input));
                String outcome;
                try {
                    outcome = f.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    defects.add("hang: " + what);
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    defects.add(c.getClass().getSimpleName() + " " + c.getMessage() + ": " + what + " at " + where(c));
                    continue;
                }
                if (outcome.startsWith("defect:")) {
                    defects.add(outcome + ": " + what);
                    continue;
                }
                outcomes.merge(outcome, 1, Integer::sum);
                if (tried % 97 == 0 && cliRuns < 12) {
                    cliRuns++;
                    String cli = viaCli(input);
                    if (cli != null) defects.add(cli + ": " + what);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("DataFuzzTest: seed " + SEED + ", " + tried + " inputs, " + cliRuns + " through the check command, outcomes "
                + outcomes + ", defects " + defects.size());
        defects.stream().limit(20).forEach(d -> System.out.println("  " + d));
        assertTrue(defects.isEmpty(), defects.size() + " defects, first: " + defects.stream().limit(5).toList());
        assertTrue(tried >= 50, "too few inputs tried: " + tried);
    }

    /** What check does with a case file: read (derivations included), decide, write the decision. */
    private String check(CaseReader reader, Decider decider, Path input) throws Exception {
        String name = input.toString();
        try {
            var c = reader.read(input);
            Decision d = decider.decide(name, c);
            String json = new String(Json.bytes(d), StandardCharsets.UTF_8);
            if (json.contains(SECRET)) return "defect: secret in decision";
            return "decided";
        } catch (NoViolationFound e) {
            return leaks(e) ? "defect: secret in no_violation" : "no_violation";
        } catch (CaseRejected e) {
            if (leaks(e)) return "defect: secret in rejection " + e.errors();
            for (CaseError err : e.errors()) {
                if (err.file() == null || err.file().isEmpty() || err.path() == null || err.path().isEmpty()
                        || err.code() == null || !err.code().matches("[a-z0-9_]+") || err.message() == null || err.message().isEmpty()) {
                    return "defect: unlocated error " + err;
                }
            }
            return "rejected " + e.errors().stream().map(CaseError::code).distinct().sorted().toList();
        }
    }

    private static boolean leaks(CaseRejected e) {
        return e.getMessage().contains(SECRET) || e.errors().stream().anyMatch(x -> x.toString().contains(SECRET));
    }

    /** The check command itself on one input: exit 0 or 1, and nothing from outside the root in its output. */
    private static String viaCli(Path input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[]{"check", "--no-log", "--json", input.toString()}, new PrintWriter(out), new PrintWriter(err));
        if (code != 0 && code != 1) return "defect: check exit " + code + " " + err.toString().lines().limit(3).toList();
        if (out.toString().contains(SECRET) || err.toString().contains(SECRET)) return "defect: secret in check output";
        return null;
    }

    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) if (e.getClassName().startsWith("tianping")) return e.toString();
        return t.getStackTrace().length > 0 ? t.getStackTrace()[0].toString() : "?";
    }

}
