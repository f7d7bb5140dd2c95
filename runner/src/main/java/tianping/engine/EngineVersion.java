package tianping.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions that, with the rule files, determine a decision: tianping's own and the Drools engine's, and the engine code's fingerprint. */
public final class EngineVersion {

    public static final String TIANPING;
    public static final String DROOLS;
    /** "tianping 0.1.0 / Drools 10.2.0", part of every rule-set fingerprint. */
    public static final String FULL;
    /**
     * The fingerprint of the engine's own code ({@link EngineCode}), recorded with every decision beside the rule
     * set's and the input's; not part of the rule-set fingerprint, so a replay can tell a changed engine from
     * changed rules.
     */
    public static final String CODE = EngineCode.recorded();

    static {
        Properties p = new Properties();
        try (InputStream in = EngineVersion.class.getResourceAsStream("/tianping/version.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TIANPING = p.getProperty("tianping");
        DROOLS = p.getProperty("drools");
        FULL = "tianping " + TIANPING + " / Drools " + DROOLS;
    }

    private EngineVersion() {
    }
}
