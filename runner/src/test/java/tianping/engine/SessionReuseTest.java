package tianping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tianping.Fixtures;
import tianping.cli.Json;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Decider serves every request of the service, from many threads. Whatever it decided before — another case, a
 * case the rules rejected halfway through a consequence — the next case must come out exactly as from a new Decider
 * (this guards any reuse of sessions: pooled sessions, tried on 2026-12-03, passed it; service/README.md says why they
 * were not kept).
 */
class SessionReuseTest {

    private final RuleSet ruleSet = Fixtures.ruleSet();
    private final CaseReader reader = new CaseReader(ruleSet.law().book());
    /** Every fixture, and what a new Decider makes of it. */
    private final Map<Path, CaseFile> cases = new LinkedHashMap<>();
    private final Map<Path, String> fresh = new LinkedHashMap<>();

    @BeforeEach
    void decideEachFixtureWithANewDecider() throws Exception {
        for (Path p : Fixtures.caseFiles()) {
            CaseFile c = reader.read(p);
            cases.put(p, c);
            fresh.put(p, outcome(new Decider(ruleSet), p, c));
        }
    }

    @Test
    void aSharedDeciderDecidesEveryCaseAsAFreshOne() throws Exception {
        CaseFile missing = withoutInvestment();
        Decider shared = new Decider(ruleSet);
        List<Path> order = new ArrayList<>(cases.keySet());
        for (int pass = 0; pass < 2; pass++) {
            for (Path p : order) {
                // a case stopped by an exception inside a rule's consequence, before each
                assertTrue(outcome(shared, Path.of("missing.json"), missing).startsWith("rejected [missing_fact]"), outcome(shared, p, missing));
                assertEquals(fresh.get(p), outcome(shared, p, cases.get(p)), Fixtures.name(p) + "（第 " + (pass + 1) + " 遍）");
            }
            Collections.reverse(order);
        }
    }

    @Test
    void aDeciderSharedByThreadsDecidesAsFreshOnes() throws Exception {
        Decider shared = new Decider(ruleSet);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            List<Path> asked = new ArrayList<>();
            for (int pass = 0; pass < 3; pass++) {
                for (Path p : cases.keySet()) {
                    asked.add(p);
                    results.add(pool.submit(() -> outcome(shared, p, cases.get(p))));
                }
            }
            for (int i = 0; i < results.size(); i++) assertEquals(fresh.get(asked.get(i)), results.get(i).get(), Fixtures.name(asked.get(i)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(Decider d, Path p, CaseFile c) {
        try {
            return Json.write(d.decide(p.toString(), c));
        } catch (CaseRejected e) {
            return "rejected " + e.errors().stream().map(x -> x.code()).toList() + " " + e.errors();
        }
    }

    /** A case whose fine is a percentage of the investment, without the investment: the fine's rule cannot finish. */
    private CaseFile withoutInvestment() throws Exception {
        Path p = Fixtures.CASES.resolve("beijing/bj-1-expansion-after-expiry.json");
        JsonNode tree = new ObjectMapper().readTree(Files.readAllBytes(p));
        int removed = remove(tree, "totalInvestment");
        assertEquals(1, removed, "bj-1-expansion-after-expiry.json 应有一个 totalInvestment");
        return reader.read("missing.json", tree, p.getParent());
    }

    private static int remove(JsonNode node, String field) {
        int n = 0;
        if (node instanceof ObjectNode o && o.remove(field) != null) n++;
        for (JsonNode child : node) n += remove(child, field);
        return n;
    }
}
