package tianping.power.readings;

import tianping.core.Sha256;

import java.security.MessageDigest;

/**
 * The fingerprint of one enterprise's part of a readings file, in a form an auditor reproduces without tianping:
 * the SHA-256 of the enterprise's rows exactly as they stand in the file, in file order, each without its line
 * end and followed by one LF (the header and rows that cannot be read are not part of it). For a file whose
 * enterprise field is written plainly, that is what {@code grep '^USCC,' readings.csv | sha256sum} prints (for a
 * file with CRLF line ends, {@code grep '^USCC,' readings.csv | sed 's/\r$//' | sha256sum}).
 *
 * <p>A province's feed comes tick by tick, so the rows of one enterprise arrive interleaved with everyone else's:
 * each enterprise's rows are collected in a small buffer of its own and hashed a buffer at a time, which costs a
 * copy per row instead of a digest call per row.
 */
public final class RowDigest {

    private static final int BUFFER = 1024;
    /** Never updated: cloned for each enterprise, since a provider look-up per digest cost more than the hashing. */
    private static final MessageDigest PROTOTYPE = Sha256.digest();
    private byte[] buffer;
    private int size;
    private MessageDigest digest;
    private long rows;

    /** Adds one row: {@code b[from, to)}, without its line end. */
    public void add(byte[] b, int from, int to) {
        rows++;
        int n = to - from;
        if (buffer == null) buffer = new byte[BUFFER];
        if (size + n + 1 > buffer.length) {
            flush();
            if (n + 1 > buffer.length) {
                digest().update(b, from, n);
                digest.update((byte) '\n');
                return;
            }
        }
        System.arraycopy(b, from, buffer, size, n);
        size += n;
        buffer[size++] = '\n';
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /** {@code sha256:} and the hex digest of every row added; the digest cannot be added to afterwards. */
    public String sha256() {
        flush();
        buffer = null;
        return Sha256.text(digest());
    }

    private void flush() {
        if (size > 0) digest().update(buffer, 0, size);
        size = 0;
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return Sha256.digest();
        }
    }

    private MessageDigest digest() {
        if (digest == null) digest = fresh();
        return digest;
    }
}
