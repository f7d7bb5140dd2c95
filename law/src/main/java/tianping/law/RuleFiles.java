package tianping.law;

import tianping.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one rule set, by path relative to its root: {@code tables/*.csv} (the law as data),
 * {@code drl/*.drl} (the rules) and {@code drl/generated/*.drl} (rules generated from the tables).
 * The fingerprint hashes every file with the engine version, so two rule sets with the same fingerprint
 * decide alike.
 */
public final class RuleFiles {

    /** Lists the files of the bundled rule set, one path per line; written at build time. */
    public static final String INDEX = "tianping/ruleset.index";
    public static final String GENERATED = "drl/generated/";

    private final String origin;
    private final SortedMap<String, byte[]> files;

    private RuleFiles(String origin, SortedMap<String, byte[]> files) {
        this.origin = origin;
        this.files = Collections.unmodifiableSortedMap(files);
    }

    public static RuleFiles of(String origin, SortedMap<String, byte[]> files) {
        return new RuleFiles(origin, new TreeMap<>(files));
    }

    /** Reads a rule-set directory laid out like rules/: every file of tables/ and drl/*.drl (generated files ignored). */
    public static RuleFiles fromDirectory(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String sub : List.of("tables", "drl")) {
            Path dir = root.resolve(sub);
            if (!Files.isDirectory(dir)) throw new IOException(root + " 不是规则集目录：缺少 " + sub + "/");
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (rel.startsWith(GENERATED)) continue;
                    // every file under tables/, so the loader can refuse one it does not read (an .xlsx) by name
                    if (sub.equals("tables") || rel.endsWith(".drl")) files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return new RuleFiles(root.toString(), files);
    }

    /** Reads the bundled rule set from the classpath through its index. */
    public static RuleFiles fromClasspath(ClassLoader loader) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String path : read(loader, INDEX).lines().map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            files.put(path, readBytes(loader, "tianping/" + path));
        }
        return new RuleFiles("内置规则集", files);
    }

    private static String read(ClassLoader loader, String resource) {
        return new String(readBytes(loader, resource), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new UncheckedIOException(new IOException("类路径中缺少 " + resource));
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String origin() {
        return origin;
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public byte[] get(String path) {
        return files.get(path);
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    public List<String> paths(String prefix, String suffix) {
        List<String> out = new ArrayList<>();
        for (String p : files.keySet()) if (p.startsWith(prefix) && p.endsWith(suffix)) out.add(p);
        return out;
    }

    /** The same files with {@code generated} (path → DRL text) put in place of any earlier generated files. */
    public RuleFiles withGenerated(SortedMap<String, String> generated) {
        SortedMap<String, byte[]> all = new TreeMap<>();
        files.forEach((k, v) -> {
            if (!k.startsWith(GENERATED)) all.put(k, v);
        });
        generated.forEach((k, v) -> all.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new RuleFiles(origin, all);
    }

    /** sha256 over every file (path and content hash, in path order) and the engine version: the hash of {@link #manifest}. */
    public String fingerprint(String engineVersion) {
        return Sha256.of(manifest(engineVersion));
    }

    /**
     * What the fingerprint hashes, as a file a snapshot keeps ({@code MANIFEST}): {@code tianping-ruleset-v1}, the
     * engine version, then for each file in path order its path and its content's sha256 in hex, one per line.
     * {@code sha256sum MANIFEST} prints the fingerprint; each file's line names it when it no longer matches.
     */
    public byte[] manifest(String engineVersion) {
        StringBuilder b = new StringBuilder(MANIFEST_HEADER).append(engineVersion).append('\n');
        files.forEach((path, content) -> b.append(path).append('\n').append(Sha256.hex(Sha256.digest().digest(content))).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static final String MANIFEST_HEADER = "tianping-ruleset-v1\n";
}
