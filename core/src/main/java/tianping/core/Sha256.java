package tianping.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way tianping names content: {@code sha256:} and 64 lowercase hex digits of the SHA-256 of the exact bytes,
 * so every fingerprint in a decision or a log (rule set, input, raw data file, record, head) is one format and an
 * auditor can reproduce a file's with {@code sha256sum}.
 */
public final class Sha256 {

    public static final String PREFIX = "sha256:";

    private Sha256() {
    }

    /** A fresh digest, for content hashed as it streams. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static String of(byte[] bytes, int from, int to) {
        MessageDigest md = digest();
        md.update(bytes, from, to - from);
        return text(md);
    }

    /** Of the text's UTF-8 bytes. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Finishes the digest: {@code sha256:…}. */
    public static String text(MessageDigest md) {
        return PREFIX + hex(md.digest());
    }

    /** The bare hex of a digest, where a format nests hashes (a manifest line). */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Exactly {@code sha256:} and 64 lowercase hex digits: the only form a recorded fingerprint may take. */
    public static boolean isWellFormed(String s) {
        if (s == null || s.length() != PREFIX.length() + 64 || !s.startsWith(PREFIX)) return false;
        for (int i = PREFIX.length(); i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }
}
