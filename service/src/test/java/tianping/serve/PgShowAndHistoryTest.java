package tianping.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.cli.Main;
import tianping.cli.ServiceEngine;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** show --store prints check's text from PostgreSQL; the PostgreSQL store fills history as the JSONL log does. */
class PgShowAndHistoryTest {

    @TempDir
    Path tmp;

    @Test
    void showFromTheStoreAndHistoryFromTheStore() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(18085).start()) {
            String url = TestDatabases.create(pg, "showdb");
            Path lf1 = Path.of("../fixtures/cases/langfang/lf-1-assistance.json");
            ServiceEngine engine = new ServiceEngine(RuleSet.bundled());
            try (PgStore store = PgStore.open(url)) {
                store.archive(engine.ruleSet());
                ServiceEngine.Result r = engine.decide(lf1.toString(), Files.readAllBytes(lf1), tmp);
                store.append(r.caseFile(), r.decision(), r.source(), r.decisionJson());
                ObjectNode c = (ObjectNode) Json.MAPPER.readTree(lf1.toFile());
                c.put("caseId", "LF-01-B").put("decisionDate", "2024-09-20");
                ObjectNode f = (ObjectNode) c.get("findings").get(0);
                f.put("actDate", "2024-09-01").put("discoveredOn", "2024-09-03");
                f.putObject("correction").put("orderedOn", "2024-09-03").put("correctedOn", "2024-09-05");
                ServiceEngine.Result second = engine.decide("lf-01-b.json", Json.MAPPER.writeValueAsBytes(c), tmp, uscc -> StoreHistory.of(store, uscc));
                assertEquals("督导；教育", second.decision().summary());
                assertEquals(1, second.decision().historySources().size());
            }
            StringWriter check = new StringWriter(), show = new StringWriter(), err = new StringWriter();
            Main.run(new String[]{"check", "--no-log", lf1.toString()}, new PrintWriter(check), new PrintWriter(new StringWriter()));
            assertEquals(0, ServiceMain.run(new String[]{"show", "--store", url, "1"}, new PrintWriter(show), new PrintWriter(err)), err.toString());
            assertEquals(check.toString(), show.toString());
            show = new StringWriter();
            ServiceMain.run(new String[]{"show", "--store", url, "LF-01"}, new PrintWriter(show), new PrintWriter(err));
            assertEquals(check.toString(), show.toString());
            assertEquals(1, ServiceMain.run(new String[]{"show", "--store", url, "9"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        }
    }
}
