package tianping.trust;

import tianping.batch.UsageException;
import tianping.law.RuleFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 from the JDK, nothing else: key pairs, PEM files (private key PKCS#8, public key X.509), signing and
 * verifying, and a key's id (sha256 of its X.509 encoding), by which a signature names its signer's key.
 */
public final class Signatures {

    public static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    /** An Ed25519 key pair read from a private key file: the public key is needed to name the signer. */
    public record Signer(PrivateKey privateKey, PublicKey publicKey) {
    }

    private Signatures() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static String pem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A private key file as {@code tianping keys generate} writes it (or {@code openssl genpkey -algorithm ed25519}). */
    public static Signer readPrivate(Path file) throws IOException {
        byte[] der = der(file, PRIVATE);
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new Signer(key, publicOf(key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UsageException(file + "：不是 Ed25519 私钥（PKCS#8 PEM，由 tianping keys generate 生成）");
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        byte[] der = der(file, PUBLIC);
        try {
            return publicKey(der);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UsageException(file + "：不是 Ed25519 公钥（X.509 PEM，由 tianping keys generate 生成）");
        }
    }

    /** A public key from its X.509 encoding (as a signature file embeds it). */
    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    private static byte[] der(Path file, String type) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > 64 << 10) {
            throw new UsageException(file + "：不是密钥文件" + (Files.exists(file) ? "" : "（不存在）"));
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new UsageException(file + "：不是 PEM 格式的" + (type.equals(PRIVATE) ? "私钥" : "公钥") + "（应有 " + begin + " 一行）");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + "：PEM 内容不是有效的 Base64");
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK has no call for it, but its key-pair generator makes the
     * pair from 32 bytes it draws from the given random source; handed the private key's own 32 bytes, it makes
     * this key's pair. The private half is compared, so a generator that drew otherwise would be noticed.
     */
    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
        g.initialize(255, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) throw new IllegalStateException("unexpected draw of " + bytes.length + " bytes");
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        });
        KeyPair pair = g.generateKeyPair();
        byte[] again = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        if (!Arrays.equals(seed, again)) throw new GeneralSecurityException("public key not derivable");
        return pair.getPublic();
    }

    public static byte[] sign(PrivateKey key, byte[] payload) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(payload);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] payload, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(payload);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature is an invalid one
        }
    }

    /** Who signs when no name is given: user@host. */
    public static String defaultSigner() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return System.getProperty("user.name") + "@" + host;
    }

    /** "sha256:" and the hex sha256 of the key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        return tianping.core.Sha256.of(key.getEncoded());
    }
}
