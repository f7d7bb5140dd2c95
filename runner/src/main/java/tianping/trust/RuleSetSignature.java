package tianping.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.RuleFiles;
import tianping.law.RuleSetException;
import tianping.law.TableError;
import tianping.read.Excerpt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rules.sig}: a legal department's Ed25519 signature of a rule set. It signs the rule-set fingerprint that
 * decisions record (every file, generated DRL included, and the engine version), and the sha256 of each file the
 * department maintains (tables/, hand-written drl/), so that a rules directory is authenticated byte for byte
 * before a single table cell is parsed, and a changed, added or removed file is named.
 *
 * <p>Callers check what they compile: a rules directory's files are read once into memory ({@link RuleFiles}), the
 * signature is checked against those bytes, and the same bytes are generated from and compiled — a file written
 * into the directory after the check is never seen.
 */
public final class RuleSetSignature {

    public static final String FILE = "rules.sig";
    static final String FORMAT = "tianping-rules-signature-v1";
    /** Error codes of a rule set refused for want of a trusted signature (exit 3, like any rule set that cannot load). */
    public static final String UNSIGNED = "ruleset_unsigned";
    public static final String INVALID = "ruleset_signature_invalid";
    public static final String UNTRUSTED = "ruleset_signer_untrusted";
    private static final int MAX_BYTES = 1 << 20;

    private final String where;
    private final JsonNode doc;

    private RuleSetSignature(String where, JsonNode doc) {
        this.where = where;
        this.doc = doc;
    }

    /** The bytes of a signature file; null if there is none. A link or special file is not a signature file. */
    public static byte[] read(Path file) throws IOException, RuleSetException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            throw new RuleSetException(List.of(new TableError(file.toString(), 0, INVALID, "签名无效：签名文件应为不超过 1 MiB 的普通文件（不跟随符号链接）")));
        }
        return Files.readAllBytes(file);
    }

    /** The bytes of a signature file kept with a rule set that is not checked (no --trust-key): null unless plain. */
    public static byte[] carried(Path file) {
        try {
            return read(file);
        } catch (IOException | RuleSetException e) {
            return null; // checked only where a signature is required; elsewhere behaviour stays as without one
        }
    }

    /**
     * Signs a rule set that loaded: {@code files} are all its files (generated ones included) and
     * {@code fingerprint} their fingerprint under {@code engine}. Returns the bytes of {@code rules.sig}.
     */
    public static byte[] sign(RuleFiles files, String fingerprint, String engine, String signer, Instant at, Signatures.Signer key) {
        ObjectNode fields = SignedJson.MAPPER.createObjectNode();
        fields.put("format", FORMAT);
        fields.put("signer", signer);
        fields.put("date", at.truncatedTo(ChronoUnit.SECONDS).toString());
        fields.put("engine", engine);
        fields.put("fingerprint", fingerprint);
        ObjectNode hashes = fields.putObject("files");
        maintained(files).forEach(hashes::put);
        try {
            return SignedJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(SignedJson.sign(fields, key));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks {@code signature} (the bytes of {@code where}, null if there is none) before anything of the rule set
     * is parsed: it must be signed by a trusted key, and the files the department maintains must be exactly those it
     * signed, byte for byte. The caller then checks the fingerprint of what it is about to compile
     * ({@link #requireFingerprint}).
     */
    public static RuleSetSignature verify(byte[] signature, String where, RuleFiles files, TrustedKeys trust) throws RuleSetException {
        if (signature == null) {
            throw refused(where, UNSIGNED, "未签名：--trust-key 要求规则集带有受信任的签名（法务部门以 tianping rules sign 签名），此处没有 " + FILE);
        }
        JsonNode doc;
        try {
            doc = SignedJson.parse(signature);
        } catch (IOException e) {
            throw refused(where, INVALID, "签名无效：签名文件不是有效的 JSON");
        }
        String problem = SignedJson.problem(doc, FORMAT, trust);
        if (problem != null) {
            throw refused(where, problem.startsWith("未签名") ? UNSIGNED : problem.startsWith("签名者") ? UNTRUSTED : INVALID, problem);
        }
        Map<String, String> signed = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("files").fields(); it.hasNext(); ) {
            var e = it.next();
            signed.put(e.getKey(), e.getValue().asText());
        }
        Map<String, String> now = maintained(files);
        List<TableError> errors = new ArrayList<>();
        for (var e : now.entrySet()) {
            String was = signed.get(e.getKey());
            if (was == null) errors.add(new TableError(where, 0, INVALID, "签名无效：" + Excerpt.of(e.getKey()) + " 是签名之后加入的文件"));
            else if (!was.equals(e.getValue())) errors.add(new TableError(where, 0, INVALID, "签名无效：" + Excerpt.of(e.getKey()) + " 在签名之后被改动"));
        }
        for (String p : signed.keySet()) {
            if (!now.containsKey(p)) errors.add(new TableError(where, 0, INVALID, "签名无效：" + Excerpt.of(p) + " 在签名之后被删除"));
        }
        if (!errors.isEmpty()) throw new RuleSetException(errors);
        return new RuleSetSignature(where, doc);
    }

    /** The rule set about to be compiled must be the one signed: same fingerprint (generated rules and engine included). */
    public void requireFingerprint(String fingerprint, String engine) throws RuleSetException {
        String signed = doc.path("fingerprint").asText();
        if (signed.equals(fingerprint)) return;
        throw refused(where, INVALID, "签名无效：签名的规则集指纹为 " + Excerpt.of(signed) + "（" + Excerpt.of(doc.path("engine").asText())
                + "），将要编译的是 " + fingerprint + "（" + engine + "）" + (java.util.Objects.equals(engine, doc.path("engine").asText())
                ? "：生成的规则与签名时不同" : "：签名之后 tianping 的版本变了，请以现行版本重新签名"));
    }

    public String signer() {
        return doc.path("signer").asText();
    }

    public String date() {
        return doc.path("date").asText();
    }

    /** Whether a load failed for want of a trusted signature (rather than an error in the rules). */
    public static boolean refusedByTrust(RuleSetException e) {
        return e.errors().stream().anyMatch(x -> x.code().equals(UNSIGNED) || x.code().equals(INVALID) || x.code().equals(UNTRUSTED));
    }

    private static RuleSetException refused(String where, String code, String message) {
        return new RuleSetException(List.of(new TableError(where, 0, code, message)));
    }

    /** Path → hex sha256 of every file but the generated ones. */
    private static Map<String, String> maintained(RuleFiles files) {
        Map<String, String> out = new TreeMap<>();
        files.files().forEach((p, bytes) -> {
            if (!p.startsWith(RuleFiles.GENERATED)) out.put(p, tianping.core.Sha256.hex(tianping.core.Sha256.digest().digest(bytes)));
        });
        return out;
    }
}
