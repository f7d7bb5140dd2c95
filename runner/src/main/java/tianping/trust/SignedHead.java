package tianping.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An exported log head (count and hash of the last record), optionally signed: an auditor who keeps a signed head
 * can later show who exported it and that neither the head nor its count was edited since.
 */
public final class SignedHead {

    static final String FORMAT = "tianping-log-head-v1";

    private SignedHead() {
    }

    /** The head as {@code log head} prints it: {@code {"count":…,"head":"…"}}. */
    public static String unsigned(long count, String head) {
        return "{\"count\":" + count + ",\"head\":\"" + head + "\"}";
    }

    /** The head with who exported it, when, and an Ed25519 signature of all of it. */
    public static String signed(long count, String head, String signer, Instant at, Signatures.Signer key) {
        ObjectNode fields = SignedJson.MAPPER.createObjectNode();
        fields.put("count", count);
        fields.put("head", head);
        fields.put("format", FORMAT);
        fields.put("signer", signer);
        fields.put("date", at.truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            return SignedJson.MAPPER.writeValueAsString(SignedJson.sign(fields, key));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a head file is not signed by a trusted key (未签名, 签名无效, 签名者不在信任列表, with detail), or null if it is. */
    public static String problem(JsonNode head, TrustedKeys trust) {
        return SignedJson.problem(head, FORMAT, trust);
    }

    /** The head file's JSON, refusing duplicate keys (a second "count" must not hide behind a signed first one). */
    public static JsonNode parse(byte[] bytes) throws IOException {
        return SignedJson.parse(bytes);
    }
}
