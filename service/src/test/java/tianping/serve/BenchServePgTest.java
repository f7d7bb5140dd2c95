package tianping.serve;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench serve with the PostgreSQL store, against a real PostgreSQL the test starts itself (zonky's embedded
 * binaries, on a free port): by default briefly, as a check that no answered request is missing from the store
 * and its chain verifies under concurrent clients; with {@code -Dbench.pg.args="--seconds 5 --warmup 10"} (any
 * bench serve options) it is the measurement of service/README's PostgreSQL figures, printed to standard output.
 * No timing is asserted.
 */
class BenchServePgTest {

    @Test
    void aRunAgainstPostgresLosesNoRequestAndTheChainVerifies() throws Exception {
        String extra = System.getProperty("bench.pg.args");
        List<String> args = new ArrayList<>(List.of("bench", "serve", "--port", "0"));
        if (extra == null || extra.isBlank()) {
            args.addAll(List.of("--cases", "../fixtures/cases/shanxi", "--warmup", "0.3", "--seconds", "0.5", "--clients", "1,4"));
        } else {
            args.addAll(List.of("--cases", "../fixtures/cases"));
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        // zonky turns fsync and synchronous_commit off by default; the service answers only after its record is committed,
        // and a commit that can be lost in a crash would flatter the figures: back to PostgreSQL's default
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start()) {
            args.addAll(List.of("--store", pg.getJdbcUrl("postgres", "postgres")));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ServiceMain.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            if (extra != null) System.out.println(out);
            assertEquals(0, code, out + "\n" + err);
            assertTrue(out.toString().contains("无丢失"), out.toString());
            assertTrue(out.toString().contains("哈希链核验 完好"), out.toString());
        }
    }
}
