package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;
import tianping.trust.RuleSetSignature;
import tianping.trust.Signatures;
import tianping.trust.TrustedKeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve --trust-key}: a deployment that trusts only its legal department's signature serves a --rules
 * directory only when it is signed by that key — an unsigned one does not start the service, a signed one does,
 * and a reload after an edit that breaks the signature keeps the signed set serving, with the refusal in /health.
 */
class ServeTrustKeyTest {

    private static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path copy() throws Exception {
        Path target = dir.resolve("rules");
        ServiceBehaviourTest.copyTree(RULES.resolve("tables"), target.resolve("tables"));
        ServiceBehaviourTest.copyTree(RULES.resolve("drl"), target.resolve("drl"));
        return target;
    }

    @Test
    void onlyASignedRuleDirectoryServes() throws Exception {
        KeyPair legal = Signatures.generate();
        Path keyFile = Files.writeString(dir.resolve("private.pem"), Signatures.pem(legal.getPrivate()), StandardCharsets.US_ASCII);
        TrustedKeys trust = TrustedKeys.of(legal.getPublic());
        Path rules = copy();
        Path log = Files.createDirectories(dir.resolve("log"));
        Service.Options unsigned = new Service.Options("127.0.0.1", 18089, rules, log, null, null, true, 60_000, 4, false, trust);

        RuleSetException refused = assertThrows(RuleSetException.class, () -> Service.start(unsigned).close());
        assertTrue(refused.errors().stream().anyMatch(e -> e.code().equals("ruleset_unsigned")), refused.errors().toString());

        RuleSet rs = RuleSet.fromDirectory(rules);
        Files.write(rules.resolve(RuleSetSignature.FILE), RuleSetSignature.sign(rs.files(), rs.fingerprint(), EngineVersion.FULL,
                "法制科", Instant.parse("2026-12-02T00:00:00Z"), Signatures.readPrivate(keyFile)));
        try (Service s = Service.start(unsigned)) {
            TestClient client = new TestClient(s.port());
            JsonNode health = Json.MAPPER.readTree(client.get("/health", null).body());
            assertEquals("ok", health.get("status").asText(), health.toString());
            assertTrue(health.toString().contains(rs.fingerprint()), health.toString());
            // an edit after signing: the reload is refused on the signature, the signed set keeps serving
            Files.writeString(rules.resolve("tables/lists.csv"), "# 未经签名的改动\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            s.rules().poll();
            health = Json.MAPPER.readTree(client.get("/health", null).body());
            assertEquals("degraded", health.get("status").asText(), health.toString());
            assertTrue(health.get("ruleSetLoadFailure").toString().contains("ruleset_signature_invalid"), health.toString());
            assertTrue(health.toString().contains(rs.fingerprint()), "the signed set still serves: " + health);
        }
    }
}
