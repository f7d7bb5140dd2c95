package tianping.trust;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.read.CanonicalJson;
import tianping.read.Excerpt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A JSON object signed with Ed25519: its fields, plus {@code key} (the signer's key id), {@code publicKey} (X.509,
 * Base64) and {@code signature} (Base64). What is signed is the canonical JSON (keys sorted) of every field but
 * {@code publicKey} and {@code signature}, so re-indenting the file does not break it and every other byte does;
 * {@code format} says what kind of document it is, so a signed log head can never pass as a signed rule set.
 */
final class SignedJson {

    /** Refuses duplicate keys: a second "fingerprint" must not be able to hide behind the first. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SignedJson() {
    }

    /** The document with its signature fields added. */
    static ObjectNode sign(ObjectNode fields, Signatures.Signer signer) {
        ObjectNode doc = fields.deepCopy();
        doc.put("key", Signatures.keyId(signer.publicKey()));
        byte[] signature = Signatures.sign(signer.privateKey(), payload(doc));
        doc.put("publicKey", Base64.getEncoder().encodeToString(signer.publicKey().getEncoded()));
        doc.put("signature", Base64.getEncoder().encodeToString(signature));
        return doc;
    }

    static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    private static byte[] payload(JsonNode doc) {
        ObjectNode signed = ((ObjectNode) doc).deepCopy();
        signed.remove("publicKey");
        signed.remove("signature");
        return CanonicalJson.write(signed).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why {@code doc} is not a valid signature of a {@code format} document by a trusted key — 未签名, 签名无效 or
     * 签名者不在信任列表, with the detail — or null when it is.
     */
    static String problem(JsonNode doc, String format, TrustedKeys trust) {
        if (doc == null || !doc.isObject() || !doc.has("signature")) return "未签名";
        if (!format.equals(doc.path("format").asText())) {
            return "签名无效：不是" + (format.startsWith("tianping-rules") ? "规则集" : "链头") + "的签名（format 为 "
                    + Excerpt.of(doc.path("format").toString()) + "）";
        }
        PublicKey key;
        byte[] signature;
        try {
            key = Signatures.publicKey(Base64.getDecoder().decode(doc.path("publicKey").asText()));
            signature = Base64.getDecoder().decode(doc.path("signature").asText());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "签名无效：publicKey 或 signature 不是有效的 Base64 Ed25519 数据";
        }
        String id = Signatures.keyId(key);
        if (!id.equals(doc.path("key").asText())) return "签名无效：key 与所附公钥不符";
        PublicKey trusted = trust.key(id);
        if (trusted == null) {
            return "签名者不在信任列表：签名者 " + Excerpt.of(doc.path("signer").asText()) + "，公钥 " + id
                    + "（--trust-key 给出的公钥中没有它）";
        }
        if (!Signatures.verify(trusted, payload(doc), signature)) return "签名无效：签名与内容不符（签名后被改动，或签名被伪造）";
        return null;
    }
}
