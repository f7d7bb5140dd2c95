package tianping.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.LogRecord;
import tianping.audit.Verifier;
import tianping.cli.ServiceEngine;
import tianping.engine.RuleSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSONL store's group commit under contention: 16 threads append 25 decisions each at once; every caller gets
 * its own sequence number, 1..400 each exactly once, the line at that number is the caller's own decision, and the
 * chain verifies — also after reopening the log from disk.
 */
class JsonlStoreGroupCommitTest {

    @TempDir
    Path tmp;

    @Test
    void sixteenThreadsGetEverySequenceOnceAndEachLineIsTheirOwn() throws Exception {
        ServiceEngine engine = new ServiceEngine(RuleSet.bundled());
        List<ServiceEngine.Result> cases = new ArrayList<>();
        for (Path p : CheckEndpointTest.cases().subList(0, 10)) {
            ServiceEngine.Result r = engine.decide(p.toString(), Files.readAllBytes(p), tmp);
            assertEquals(ServiceEngine.Kind.DECIDED, r.kind(), p.toString());
            cases.add(r);
        }
        int threads = 16, perThread = 25, total = threads * perThread;
        TreeMap<Long, String> sourceBySeq = new TreeMap<>();
        try (JsonlStore store = new JsonlStore(tmp.resolve("log"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<TreeMap<Long, String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    TreeMap<Long, String> mine = new TreeMap<>();
                    together.await();
                    for (int i = 0; i < perThread; i++) {
                        ServiceEngine.Result r = cases.get((id + i) % cases.size());
                        // a source per call, so each line can be traced to the caller that was given its seq
                        String source = "thread-" + id + "-" + i;
                        mine.put(store.append(r.caseFile(), r.decision(), source, r.decisionJson()), source);
                    }
                    return mine;
                }));
            }
            int n = 0;
            for (Future<TreeMap<Long, String>> f : futures) {
                TreeMap<Long, String> mine = f.get();
                n += mine.size();
                sourceBySeq.putAll(mine);
            }
            pool.shutdown();
            assertEquals(total, n, "a caller was given a sequence number twice");
            assertEquals(total, sourceBySeq.size(), "two callers were given the same sequence number");
            assertEquals(1L, sourceBySeq.firstKey());
            assertEquals((long) total, sourceBySeq.lastKey());
            for (var e : sourceBySeq.entrySet()) {
                LogRecord.Fields f = LogRecord.of(store.record(e.getKey()).orElseThrow()).fields();
                assertEquals(e.getKey(), f.seq());
                assertEquals(e.getValue(), f.source(), "the line at seq " + e.getKey() + " is another caller's");
            }
            Verifier.Result v = store.verify();
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(total, v.records());
        }
        try (JsonlStore reopened = new JsonlStore(tmp.resolve("log"))) {
            assertEquals(total, reopened.head().count());
            assertEquals(total, reopened.query(new DecisionStore.Query(null, null, null, null, null, 0, 1000)).size());
        }
    }
}
