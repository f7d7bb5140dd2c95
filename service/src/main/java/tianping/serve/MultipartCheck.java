package tianping.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;
import tianping.read.ConfinedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A case sent with its raw data as multipart/form-data: one part {@code case} (the case JSON) and one part
 * {@code data} per data file (HJ 212 packets, a CSV export, power readings), its filename the relative path the
 * case refers to it by — or, since browsers send only a file's base name, a {@code dataPath} field just before it
 * gives that path. The files are written to a folder of this request alone, and the case's data references are
 * confined to that folder ({@link ConfinedFiles}: an absolute name, {@code ..}, a link or a device is refused with a
 * located error as {@code check} refuses it), so a request reaches neither the server's files nor another
 * request's. The folder is removed when the request is answered ({@link #close}).
 */
final class MultipartCheck implements AutoCloseable {

    /** The largest data file and the largest request; a month of minute packets of an outlet is some 40 MB. */
    static final long MAX_FILE_BYTES = 64L << 20;
    static final long MAX_REQUEST_BYTES = 256L << 20;
    static final int MAX_PARTS = 64;
    static final String CASE_PART = "case";
    static final String DATA_PART = "data";
    /** Optional, just before a data part: the relative path it goes by (browsers send a file's base name only). */
    static final String PATH_PART = "dataPath";

    private final Path dir;
    private byte[] caseJson;
    private String source = "request";
    private final Set<String> files = new HashSet<>();

    private MultipartCheck(Path dir) {
        this.dir = dir;
    }

    static boolean is(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads the parts into a new folder; any failure removes it again. */
    static MultipartCheck read(Request request) throws Api.ApiError, IOException {
        long declared = request.getLength();
        if (declared > MAX_REQUEST_BYTES) {
            throw new Api.ApiError(413, "payload_too_large", "请求体 " + declared + " 字节，超过上限 " + MAX_REQUEST_BYTES + " 字节");
        }
        MultipartCheck m = new MultipartCheck(Files.createTempDirectory("tianping-upload-"));
        try {
            m.parse(request);
            return m;
        } catch (Api.ApiError | IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private void parse(Request request) throws Api.ApiError, IOException {
        Path parts = Files.createDirectory(dir.resolve(".parts"));
        MultiPartConfig config = new MultiPartConfig.Builder().location(parts).maxParts(MAX_PARTS).maxPartSize(MAX_FILE_BYTES)
                .maxSize(MAX_REQUEST_BYTES).maxMemoryPartSize(1 << 16).build();
        MultiPartFormData.Parts all;
        try {
            all = MultiPartFormData.getParts(request, request, request.getHeaders().get(HttpHeader.CONTENT_TYPE), config);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException || e.getCause() instanceof ExecutionException ? e.getCause() : e;
            String why = String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
            if (why.toLowerCase(java.util.Locale.ROOT).contains("max")) {
                throw new Api.ApiError(413, "payload_too_large", "上传超过上限（每个文件 " + MAX_FILE_BYTES + " 字节、合计 "
                        + MAX_REQUEST_BYTES + " 字节、至多 " + MAX_PARTS + " 部分）：" + why);
            }
            throw new Api.ApiError(400, "multipart_invalid", "multipart/form-data 无法读取：" + why);
        }
        try (all) {
            String path = null;
            for (MultiPart.Part p : all) {
                String name = p.getName();
                if (CASE_PART.equals(name)) {
                    if (caseJson != null) throw new Api.ApiError(400, "multipart_invalid", "只能有一个 case 部分");
                    if (p.getLength() > Api.MAX_CASE_BYTES) {
                        throw new Api.ApiError(413, "payload_too_large", "案件超过上限 " + Api.MAX_CASE_BYTES + " 字节");
                    }
                    Path file = dir.resolve(".case.json"); // the reader, not the upload, judges its bytes (encoding, size)
                    p.writeTo(file);
                    caseJson = Files.readAllBytes(file);
                    Files.delete(file);
                    if (p.getFileName() != null && !p.getFileName().isBlank()) source = fileName(p.getFileName());
                } else if (PATH_PART.equals(name)) {
                    if (path != null) throw new Api.ApiError(400, "multipart_invalid", "dataPath 之后应为它所命名的 data 部分");
                    path = p.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                } else if (DATA_PART.equals(name)) {
                    String file = fileName(path != null ? path : p.getFileName());
                    path = null;
                    if (!files.add(file)) throw new Api.ApiError(400, "multipart_invalid", "数据文件“" + file + "”上传了两次");
                    Path target = dir.resolve(file);
                    Files.createDirectories(target.getParent());
                    p.writeTo(target);
                } else {
                    throw new Api.ApiError(400, "multipart_invalid", "不认识的部分“" + name + "”：应为 case（案件 JSON）、data（数据文件，可多个）与 dataPath（其后 data 的相对路径，可不写）");
                }
            }
        }
        if (caseJson == null) throw new Api.ApiError(400, "multipart_invalid", "缺少 case 部分（案件 JSON）");
        deleteTree(parts);
    }

    /**
     * An uploaded file keeps the name the case refers to it by: a relative path of plain segments ({@code readings.csv},
     * {@code data/day1.hj212}); a segment that is empty, starts with a dot ({@code ..} included) or holds a
     * backslash, colon or control character is refused, so that nothing is written outside the request's folder.
     */
    static String fileName(String name) throws Api.ApiError {
        if (name == null || name.isBlank()) throw new Api.ApiError(400, "multipart_invalid", "data 部分须带文件名（filename）");
        boolean plain = name.length() <= 200;
        for (String segment : name.split("/", -1)) {
            plain &= !segment.isEmpty() && !segment.startsWith(".") && segment.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\' || c == ':');
        }
        if (!plain) {
            throw new Api.ApiError(400, "upload_name_refused", "上传文件名“" + tianping.read.Excerpt.of(name)
                    + "”不是案件目录内的相对路径（各段不得为空、以点开头或含反斜杠、冒号、控制字符）");
        }
        return name;
    }

    byte[] caseJson() {
        return caseJson;
    }

    String source() {
        return source;
    }

    /** The data a case of this request may read: its own folder, nothing else. */
    ConfinedFiles data() {
        return new ConfinedFiles(dir, null, MAX_FILE_BYTES);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
