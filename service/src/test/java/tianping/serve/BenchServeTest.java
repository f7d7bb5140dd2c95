package tianping.serve;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench serve, briefly: it runs its levels and finds every answered request recorded and the chain whole (no timings asserted). */
class BenchServeTest {

    @Test
    void aShortRunLosesNoRequestAndTheChainVerifies() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServiceMain.run(new String[]{"bench", "serve", "--cases", "../fixtures/cases/shanxi", "--warmup", "0.3", "--seconds", "0.5",
                "--clients", "1,4", "--port", "18089"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("无丢失"), out.toString());
        assertTrue(out.toString().contains("哈希链核验 完好"), out.toString());
        // figures from different JDKs differ (the launcher serves on JDK 25 when there is one): the header says which
        assertTrue(out.toString().contains("Java " + Runtime.version().feature() + "，"), out.toString());
    }
}
