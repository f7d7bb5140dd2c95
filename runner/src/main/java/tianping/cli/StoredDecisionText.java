package tianping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.engine.Decision;
import tianping.engine.RuleSet;

import java.io.IOException;

/**
 * A stored decision — a log or store record's {@code decision}, a batch line's, or {@code check --json}'s output —
 * as exactly the Chinese text {@code check} printed for it ({@link DecisionText}). The text names the rule set's
 * origin, which a decision does not record: it is the given rule set's when the fingerprints agree (the bundled
 * one, or {@code -r DIR}), else the snapshot the log keeps under that fingerprint.
 */
public final class StoredDecisionText {

    static final String SNAPSHOT = "决定记录中的规则集快照";

    private StoredDecisionText() {
    }

    public static String render(byte[] decisionJson, RuleSet current) throws IOException {
        Decision d = Json.MAPPER.readValue(decisionJson, Decision.class);
        String origin = current != null && current.fingerprint().equals(d.fingerprints().ruleSet()) ? current.origin() : SNAPSHOT;
        return DecisionText.render(d, origin);
    }

    /** What check prints for a case with no violation (a batch line of status no_violation). */
    public static String noViolation(JsonNode line) {
        StringBuilder b = new StringBuilder();
        b.append(line.path("source").asText()).append("：未发现违法事实，不作处理意见\n");
        for (JsonNode e : line.path("errors")) b.append("  ").append(e.path("path").asText()).append("：").append(e.path("message").asText()).append('\n');
        return b.toString();
    }
}
