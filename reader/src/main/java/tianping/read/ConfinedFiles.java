package tianping.read;

import tianping.core.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;

/**
 * The only way a case's raw data files (monitoring packets, power readings) are opened. A case is written by
 * someone else and names its data files itself, so a name must not reach anything the operator did not hand
 * over: it may name only a regular file inside the case's own folder, or inside the {@code --data-root} the
 * operator gave. Refused before anything is read: absolute names, names that leave the folder ({@code ..}), a
 * symbolic link (of the file or of a folder on the way) whose real path lies outside, FIFOs, devices, sockets and
 * directories (checked on the real path's attributes without following links; a FIFO is never opened, so it
 * cannot hang the process), files larger than the bound. The file is then streamed through a counter that stops
 * at the bound (a file growing while read) and a SHA-256 digest, so the fingerprint covers exactly the bytes used.
 *
 * <p>Messages name the file as the case wrote it and never its content: nothing from outside the root can
 * appear in them. One gap is left: a file swapped for a FIFO between the check and the open would still block
 * the open (Java cannot open with O_NONBLOCK); the check is on the real path, so only someone able to write
 * inside the case folder at that instant could do it.
 */
public final class ConfinedFiles {

    /** The default bound on one data file: a month of minute packets of a large outlet is well below it. */
    public static final long DEFAULT_MAX_BYTES = 4L << 30;

    private static volatile Path configuredRoot;
    private static volatile long configuredMax = DEFAULT_MAX_BYTES;

    private final Path folder;
    private final Path dataRoot;
    private final long maxBytes;

    /**
     * @param folder   the case's folder (data files are named relative to it)
     * @param dataRoot a further folder the operator allows data files in, or null
     * @param maxBytes the largest data file read
     */
    public ConfinedFiles(Path folder, Path dataRoot, long maxBytes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.dataRoot = dataRoot == null ? null : dataRoot.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The files of a case in {@code folder}, with the root and bound the command line set ({@link #configure}). */
    public static ConfinedFiles of(Path folder) {
        return new ConfinedFiles(folder, configuredRoot, configuredMax);
    }

    /**
     * Sets, for this process, the data root and the size bound that {@link #of} applies: the command line's
     * {@code --data-root} and {@code --data-max-bytes} (runner's DataRootOption), which reach every CaseReader
     * the command makes without each command passing them on.
     */
    public static void configure(Path dataRoot, long maxBytes) {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes");
        configuredRoot = dataRoot;
        configuredMax = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Path folder() {
        return folder;
    }

    /** Why a data file is not read: a stable code and a message naming the file as the case wrote it. */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** An opened data file: its bytes as a stream, hashed as they are read. */
    public static final class Opened implements AutoCloseable {
        private final String name;
        private final long size;
        private final DigestInputStream in;

        private Opened(String name, long size, DigestInputStream in) {
            this.name = name;
            this.size = size;
            this.in = in;
        }

        /** The name as the case wrote it (what messages and derivedFrom show). */
        public String name() {
            return name;
        }

        public long size() {
            return size;
        }

        public InputStream stream() {
            return in;
        }

        /** Reads what the parser left, so the hash covers the whole file; then "sha256:…" hex of every byte. */
        public String sha256() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // the digest sees every byte read
            }
            return Sha256.text(in.getMessageDigest());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The size bound was passed while reading (the file grew after it was checked). */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Opens a data file the case names; {@link Refused} says why not. */
    public Opened open(String name) throws Refused {
        Path real = check(name);
        try {
            InputStream raw = Channels.newInputStream(Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            long size = Files.size(real);
            return new Opened(name, size, new DigestInputStream(new Bounded(raw, maxBytes, name), Sha256.digest()));
        } catch (IOException e) {
            throw new Refused("data_file_missing", "数据文件“" + Excerpt.of(name) + "”无法打开");
        }
    }

    /** The real path of a data file the case may read, or why it may not. */
    Path check(String name) throws Refused {
        String shown = "数据文件“" + Excerpt.of(name) + "”";
        if (name.isEmpty() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new Refused("data_file_refused", shown + "的名称为空或含控制字符");
        }
        Path named;
        try {
            named = Path.of(name);
        } catch (InvalidPathException e) {
            throw new Refused("data_file_refused", shown + "不是有效的文件名");
        }
        if (named.isAbsolute() || name.startsWith("/") || name.startsWith("\\") || named.getRoot() != null
                || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new Refused("data_file_outside", shown + "是绝对路径；数据文件只能以相对于案件文件所在目录的路径引用");
        }
        Path resolved = folder.resolve(named).normalize();
        if (!inside(resolved, folder, dataRoot)) {
            throw new Refused("data_file_outside", shown + "不在案件文件所在目录内" + rootNote());
        }
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused("data_file_missing", shown + "不存在");
        } catch (IOException | SecurityException e) {
            throw new Refused("data_file_missing", shown + "不存在或不可读");
        }
        if (!inside(real, realOf(folder), dataRoot == null ? null : realOf(dataRoot))) {
            throw new Refused("data_file_outside", shown + "是指向案件目录以外的符号链接" + rootNote());
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            throw new Refused("data_file_missing", shown + "不可读");
        }
        if (a.isDirectory()) throw new Refused("data_file_refused", shown + "是目录，不是数据文件");
        if (!a.isRegularFile()) throw new Refused("data_file_refused", shown + "不是普通文件（管道、设备或套接字），不读取");
        if (a.size() > maxBytes) {
            throw new Refused("data_file_too_large", shown + "有 " + a.size() + " 字节，超过数据文件上限 " + maxBytes + " 字节");
        }
        if (!Files.isReadable(real)) throw new Refused("data_file_missing", shown + "不可读");
        return real;
    }

    private String rootNote() {
        return dataRoot == null ? "（运行时可以 --data-root 另行指定允许的数据目录）" : "，也不在数据目录（--data-root）内";
    }

    private static boolean inside(Path p, Path a, Path b) {
        return p.startsWith(a) || (b != null && p.startsWith(b));
    }

    /** A folder's real path (a folder that does not exist, or cannot be resolved, stays as given: nothing is inside it). */
    private static Path realOf(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException | SecurityException e) {
            return dir;
        }
    }

    /** Stops with {@link TooLarge} once more than the bound has been read. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private final String name;
        private long read;

        Bounded(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count(1);
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) throw new TooLarge("数据文件“" + Excerpt.of(name) + "”读取中超过数据文件上限 " + max + " 字节");
        }
    }
}
