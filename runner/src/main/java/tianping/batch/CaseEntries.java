package tianping.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The entries of a case batch, in a stable order: a .jsonl file line by line, a .json file whole, or a
 * directory's .json and .jsonl entries in path order (tianping's own decisions, *.decision.json, and test
 * expectations, *.expected.json, are not cases). Every entry becomes one {@link CaseEntry}, also those that cannot
 * be read: a blank line, a line or file that is not UTF-8 (GBK exported by a spreadsheet), a line or file over the
 * size bound, a directory, FIFO or device named like a case. Nothing is dropped, and nothing is opened that could
 * block (a FIFO is refused by its type, not read). Lines are read as they are consumed, so a province's day does
 * not have to fit in memory.
 */
public final class CaseEntries implements Iterator<CaseEntry>, AutoCloseable {

    /** Bound of one case (file or line): far above any real case, far below what exhausts the heap. */
    public static final int MAX_CASE_BYTES = 16 << 20;

    private final Iterator<Path> paths;
    private final List<Path> skipped = new ArrayList<>();
    private InputStream lines;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private Path linesFile;
    private long lineNo;
    private CaseEntry next;

    public CaseEntries(Path input) throws IOException {
        List<Path> list = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path p : walk.filter(p -> !p.equals(input)).sorted().toList()) {
                    if (isCaseName(p)) list.add(p);
                    else if (!Files.isDirectory(p)) skipped.add(p);
                }
            }
        } else if (Files.exists(input)) {
            list.add(input);
        } else {
            throw new UsageException(input + "：输入不存在");
        }
        this.paths = list.iterator();
    }

    /** Whether a directory entry is named as a case: .json (not a decision or expectation) or .jsonl. */
    public static boolean isCaseName(Path p) {
        String n = p.getFileName().toString();
        // *.decision.json are tianping's own decisions, *.expected.json a test's expectations (the fixtures keep
        // both beside their cases)
        return (n.endsWith(".json") && !n.endsWith(".decision.json") && !n.endsWith(".expected.json")) || n.endsWith(".jsonl");
    }

    /** Files in an input directory that are not cases (not named .json or .jsonl, or a decision or expectation). */
    public List<Path> skipped() {
        return skipped;
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        try {
            while (true) {
                if (lines != null) {
                    next = nextLine();
                    if (next != null) return true;
                    lines.close();
                    lines = null;
                }
                if (!paths.hasNext()) return false;
                Path f = paths.next();
                String source = f.toString();
                if (!Files.isRegularFile(f)) {
                    next = CaseEntry.refused(source, "case_not_a_file", kind(f) + "，不是案件文件（案件应为普通的 .json 或 .jsonl 文件）"
                            + (Files.isDirectory(f) ? "；其中的案件照常读取" : ""));
                    return true;
                }
                if (!Files.isReadable(f)) {
                    next = CaseEntry.refused(source, "case_unreadable", "文件不可读（没有读权限）");
                    return true;
                }
                if (f.getFileName().toString().endsWith(".jsonl")) {
                    lines = Files.newInputStream(f);
                    pos = 0;
                    limit = 0;
                    linesFile = f;
                    lineNo = 0;
                    continue;
                }
                long size = Files.size(f);
                if (size > MAX_CASE_BYTES) {
                    next = CaseEntry.refused(source, "case_too_large", "文件 " + size + " 字节，超过一个案件的上限 " + MAX_CASE_BYTES + " 字节");
                } else {
                    next = checked(source, Files.readAllBytes(f), f.toAbsolutePath().getParent());
                }
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(Path f) {
        if (Files.isDirectory(f)) return "是目录";
        if (Files.isSymbolicLink(f) && !Files.exists(f)) return "是指向不存在文件的符号链接";
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(f)) return "是特殊文件（管道、设备或套接字）";
        return "不是普通文件";
    }

    /** The next line of the current .jsonl file as an entry, or null at its end. */
    private CaseEntry nextLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(4096);
        long read = 0;
        boolean newline = false;
        while (!newline) {
            if (pos == limit) {
                limit = lines.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            int from = pos;
            while (pos < limit && buffer[pos] != '\n') pos++;
            int len = pos - from;
            read += len;
            if (b.size() + len <= MAX_CASE_BYTES) b.write(buffer, from, len);
            if (pos < limit) {
                pos++;
                newline = true;
            }
        }
        boolean over = read > MAX_CASE_BYTES;
        if (!newline && read == 0) return null;
        lineNo++;
        String source = linesFile + ":" + lineNo;
        if (over) return CaseEntry.refused(source, "case_too_large", "该行 " + read + " 字节，超过一个案件的上限 " + MAX_CASE_BYTES + " 字节");
        byte[] line = b.toByteArray();
        int end = line.length;
        if (end > 0 && line[end - 1] == '\r') end--;
        boolean blank = true;
        for (int i = 0; i < end && blank; i++) blank = line[i] == ' ' || line[i] == '\t';
        if (blank) return CaseEntry.refused(source, "case_blank_line", "空行：JSON Lines 文件每行应为一个案件");
        return checked(source, end == line.length ? line : java.util.Arrays.copyOf(line, end), linesFile.toAbsolutePath().getParent());
    }

    /** The entry, unless its bytes are not UTF-8: then refused, saying where the first bad byte is. */
    static CaseEntry checked(String source, byte[] json, Path baseDir) {
        int bad = firstInvalidUtf8(json);
        if (bad >= 0) {
            return CaseEntry.refused(source, "case_encoding_error", "第 " + (bad + 1) + " 字节起不是有效的 UTF-8（案件应为 UTF-8 编码；GBK 等编码请先转换）");
        }
        return new CaseEntry(source, json, baseDir, null);
    }

    /** Offset of the first byte that is not valid UTF-8 (overlong forms and lone surrogates included), or -1. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length && b[i] >= 0) i++;
        if (i == b.length) return -1; // ASCII: the common case, checked without a decoder
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        try {
            d.decode(in);
            return -1;
        } catch (CharacterCodingException e) {
            // decode(ByteBuffer) stops with the buffer at the malformed input
            return in.position();
        }
    }

    @Override
    public CaseEntry next() {
        if (!hasNext()) throw new NoSuchElementException();
        CaseEntry n = next;
        next = null;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) lines.close();
    }
}
