package tianping;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.trust.RuleSetSignature;
import tianping.trust.Signatures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed rule sets and log heads (Ed25519 from the JDK): with --trust-key a rules directory or a log snapshot is
 * compiled only if its files are exactly those a trusted key signed; the refusal is exit 3, located at rules.sig,
 * and comes before anything is compiled. A signed head verifies, and any edit of it, or another signer, fails.
 */
class SignedRuleSetTest {

    private static final String CASE = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString();

    @TempDir
    static Path shared;
    static Path keys;
    static Path other;
    static Path signed;

    /** One rule set differing from the bundled one (so replay must use its snapshot), loaded once and signed as rules sign does. */
    @BeforeAll
    static void signedRuleSet() throws Exception {
        keys = shared.resolve("keys");
        other = shared.resolve("other");
        assertEquals(0, CliTest.run("keys", "generate", "--out", keys.toString()).code());
        assertEquals(0, CliTest.run("keys", "generate", "--out", other.toString()).code());
        signed = shared.resolve("signed");
        RuleSetTest.copyRules(signed);
        Files.writeString(signed.resolve("tables/lists.csv"), "# 法规处审定 2026-12-02\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        RuleSet rs = RuleSet.fromDirectory(signed);
        Files.write(signed.resolve(RuleSetSignature.FILE), RuleSetSignature.sign(rs.files(), rs.fingerprint(), EngineVersion.FULL,
                "法规处 张三", Instant.parse("2026-12-02T00:00:00Z"), Signatures.readPrivate(keys.resolve("private.pem"))));
    }

    private static String pub(Path keyDir) {
        return keyDir.resolve("public.pem").toString();
    }

    private static Path copyOfSigned(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(signed)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve(signed.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dir;
    }

    @Test
    void theKeyPairIsEd25519WithAPrivateKeyOnlyItsOwnerCanRead() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private.pem"))));
        assertTrue(Files.readString(keys.resolve("private.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(keys.resolve("public.pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals("Ed25519", ((java.security.interfaces.EdECPublicKey) Signatures.readPublic(keys.resolve("public.pem"))).getParams().getName());
        CliTest.Run again = CliTest.run("keys", "generate", "--out", keys.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("已存在，不覆盖已有的密钥"), again.err());
    }

    /** Signing, replay and the snapshot: a signed set decides and its snapshot replays; untrusted or unsigned snapshots stop replay with 3. */
    @Test
    void aSignedSetIsAcceptedAndItsSnapshotReplaysOnlyWhileSigned(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log");
        CliTest.Run check = CliTest.run("check", "--log", log.toString(), "--rules", signed.toString(),
                "--trust-key", pub(other), "--trust-key", pub(keys), CASE);
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("结论：不予处罚（首违不罚）"), check.out());
        Path snapshot;
        try (Stream<Path> s = Files.list(log.resolve("rulesets"))) {
            snapshot = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(Files.exists(snapshot.resolve(RuleSetSignature.FILE)), "快照保留签名");

        CliTest.Run replay = CliTest.run("replay", "--log", log.toString(), "--trust-key", pub(keys));
        assertEquals(0, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains("一致 1"), replay.out());

        CliTest.Run untrusted = CliTest.run("replay", "--log", log.toString(), "--trust-key", pub(other));
        assertEquals(3, untrusted.code(), untrusted.out() + untrusted.err());
        assertTrue(untrusted.err().contains(snapshot.resolve("rules.sig") + ": ruleset_signer_untrusted: 签名者不在信任列表：签名者 法规处 张三"),
                untrusted.err());

        Files.delete(snapshot.resolve(RuleSetSignature.FILE));
        CliTest.Run unsigned = CliTest.run("replay", "--log", log.toString(), "--trust-key", pub(keys));
        assertEquals(3, unsigned.code(), unsigned.out() + unsigned.err());
        assertTrue(unsigned.err().contains("rules.sig: ruleset_unsigned: 未签名"), unsigned.err());
    }

    @Test
    void aFileEditedAddedOrRemovedAfterSigningIsNamedAndRefusedBeforeCompiling(@TempDir Path dir) throws Exception {
        Path rules = copyOfSigned(dir.resolve("rules"));
        Files.writeString(rules.resolve("tables/parameters.csv"), Files.readString(rules.resolve("tables/parameters.csv")).replaceFirst("\n", "\n\n"));
        Files.writeString(rules.resolve("drl/extra.drl"), "package tianping.rules;\n");
        Files.delete(rules.resolve("drl/warnings.drl"));
        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", rules.toString(), "--trust-key", pub(keys), CASE);
        assertEquals(3, run.code(), run.err());
        String sig = rules.resolve("rules.sig") + ": ruleset_signature_invalid: 签名无效：";
        assertTrue(run.err().contains(sig + "tables/parameters.csv 在签名之后被改动"), run.err());
        assertTrue(run.err().contains(sig + "drl/extra.drl 是签名之后加入的文件"), run.err());
        assertTrue(run.err().contains(sig + "drl/warnings.drl 在签名之后被删除"), run.err());
        assertTrue(run.err().contains("规则集无法加载（3 处错误）"), "只有签名错误：在编译与审查之前就被拒绝\n" + run.err());
        assertEquals("", run.out());
    }

    @Test
    void aWrongKeyAMissingSignatureAndAForgedOneAreRefusedWith3(@TempDir Path dir) throws Exception {
        CliTest.Run wrong = CliTest.run("check", "--no-log", "--rules", signed.toString(), "--trust-key", pub(other), CASE);
        assertEquals(3, wrong.code(), wrong.err());
        assertTrue(wrong.err().contains("rules.sig: ruleset_signer_untrusted: 签名者不在信任列表"), wrong.err());

        Path unsigned = copyOfSigned(dir.resolve("unsigned"));
        Files.delete(unsigned.resolve(RuleSetSignature.FILE));
        for (String command : new String[]{"check", "batch", "power-batch", "impact"}) {
            String[] args = switch (command) {
                case "check" -> new String[]{"check", "--no-log", "--rules", unsigned.toString(), CASE};
                case "batch" -> new String[]{"batch", "--no-log", "--rules", unsigned.toString(), CASE, "--out", dir.resolve("b.jsonl").toString()};
                case "power-batch" -> new String[]{"power-batch", "--no-log", "--rules", unsigned.toString(), "--enterprises", CASE,
                        "--readings", CASE, "--date", "2024-03-01", "--out", dir.resolve("p.jsonl").toString()};
                default -> new String[]{"impact", "--candidate", unsigned.toString(), Fixtures.CASES.resolve("shanxi").toString()};
            };
            String[] withKey = Stream.concat(Stream.of(args), Stream.of("--trust-key", pub(keys))).toArray(String[]::new);
            CliTest.Run run = CliTest.run(withKey);
            assertEquals(3, run.code(), command + ": " + run.err());
            assertTrue(run.err().contains(unsigned.resolve("rules.sig") + ": ruleset_unsigned: 未签名"), command + ": " + run.err());
        }

        Path forged = copyOfSigned(dir.resolve("forged"));
        String text = Files.readString(forged.resolve(RuleSetSignature.FILE));
        Files.writeString(forged.resolve(RuleSetSignature.FILE), text.replace("法规处 张三", "法规处 李四"));
        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", forged.toString(), "--trust-key", pub(keys), CASE);
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("rules.sig: ruleset_signature_invalid: 签名无效：签名与内容不符"), run.err());

        // a second "fingerprint" cannot hide behind the signed one
        Files.writeString(forged.resolve(RuleSetSignature.FILE), text.replaceFirst("\"fingerprint\"", "\"fingerprint\" : \"sha256:0\", \"fingerprint\""));
        CliTest.Run dup = CliTest.run("check", "--no-log", "--rules", forged.toString(), "--trust-key", pub(keys), CASE);
        assertEquals(3, dup.code(), dup.err());
        assertTrue(dup.err().contains("签名无效：签名文件不是有效的 JSON"), dup.err());
    }

    @Test
    void aKeyFileThatIsNotAPublicKeyIsAUsageError() {
        CliTest.Run run = CliTest.run("check", "--no-log", "--trust-key", keys.resolve("private.pem").toString(), CASE);
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("不是 PEM 格式的公钥"), run.err());
    }

    @Test
    void aSignedHeadVerifiesAndAnEditedOrForeignOrUnsignedOneFails(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log");
        assertEquals(0, CliTest.run("check", "--log", log.toString(), CASE).code());
        assertEquals(0, CliTest.run("check", "--log", log.toString(), CASE).code());
        CliTest.Run head = CliTest.run("log", "head", "--log", log.toString(), "--sign", "--key", keys.resolve("private.pem").toString(),
                "--signer", "审计处 王五");
        assertEquals(0, head.code(), head.err());
        Path signedHead = Files.writeString(dir.resolve("head.json"), head.out());
        CliTest.Run ok = CliTest.run("log", "verify", "--log", log.toString(), "--head", signedHead.toString(), "--trust-key", pub(keys));
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("2 条记录") && ok.out().contains("哈希链完好"), ok.out());

        // the count lowered to hide a record appended since would pass an unsigned head; it breaks the signature
        Path edited = Files.writeString(dir.resolve("edited.json"), head.out().replace("\"count\":2", "\"count\":1"));
        CliTest.Run bad = CliTest.run("log", "verify", "--log", log.toString(), "--head", edited.toString(), "--trust-key", pub(keys));
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains(edited + "：链头签名无效"), bad.out());

        CliTest.Run foreign = CliTest.run("log", "verify", "--log", log.toString(), "--head", signedHead.toString(), "--trust-key", pub(other));
        assertEquals(1, foreign.code(), foreign.out());
        assertTrue(foreign.out().contains("链头签名者不在信任列表：签名者 审计处 王五"), foreign.out());

        Path plain = Files.writeString(dir.resolve("plain.json"), CliTest.run("log", "head", "--log", log.toString()).out());
        CliTest.Run unsigned = CliTest.run("log", "verify", "--log", log.toString(), "--head", plain.toString(), "--trust-key", pub(keys));
        assertEquals(1, unsigned.code(), unsigned.out());
        assertTrue(unsigned.out().contains("链头未签名"), unsigned.out());
        assertEquals(0, CliTest.run("log", "verify", "--log", log.toString(), "--head", plain.toString()).code(), "不给 --trust-key 时照旧");

        // a signed rule set's signature is not a signed head
        Path sigAsHead = Files.write(dir.resolve("sig-as-head.json"), Files.readAllBytes(signed.resolve(RuleSetSignature.FILE)));
        CliTest.Run swapped = CliTest.run("log", "verify", "--log", log.toString(), "--head", sigAsHead.toString(), "--trust-key", pub(keys));
        assertEquals(1, swapped.code(), swapped.out());
        assertTrue(swapped.out().contains("链头签名无效：不是链头的签名"), swapped.out());

        CliTest.Run noHead = CliTest.run("log", "verify", "--log", log.toString(), "--trust-key", pub(keys));
        assertEquals(2, noHead.code(), noHead.err());
        assertEquals(2, CliTest.run("log", "head", "--log", log.toString(), "--sign").code(), "--sign 须有 --key");
    }

    @Test
    void aSignatureIsBase64Ed25519OverTheCanonicalFields() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllBytes(signed.resolve(RuleSetSignature.FILE)));
        assertEquals(64, Base64.getDecoder().decode(doc.get("signature").asText()).length, "Ed25519 签名 64 字节");
        assertEquals(Signatures.keyId(Signatures.readPublic(keys.resolve("public.pem"))), doc.get("key").asText());
        assertTrue(doc.get("fingerprint").asText().matches("sha256:[0-9a-f]{64}"));
        assertTrue(doc.get("files").has("tables/lists.csv") && !doc.get("files").fieldNames().next().startsWith("drl/generated/"));
    }
}
