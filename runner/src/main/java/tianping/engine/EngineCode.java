package tianping.engine;

import tianping.law.RuleFiles;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The engine's own fingerprint. Half of what a lawyer calls the law — precedence, 行政处罚法第二十九条, the fine
 * formulas, the ladders, 从旧兼从轻 — is Java, so a decision depends on the code as much as on the rule files. This
 * hashes the bytes of every class of the packages that decide ({@link #DECIDING}: the case model, the law's tables
 * and arithmetic, the case reader and its schema, the monitoring and power derivations, the decider), in path order,
 * so two builds from the same sources give the same fingerprint and any change of that code gives another.
 *
 * <p>Computed once at build time ({@code runner}'s process-classes phase runs {@link #main}) into
 * {@value #RESOURCE}, so start-up reads one line instead of hashing some megabytes of classes. The command line,
 * batch pipeline, audit and service code are left out: they pass decisions on, they do not make them. The rule
 * set's compiled model (package {@code tianping.rules}) is left out too: the rule-set fingerprint covers it.
 */
public final class EngineCode {

    /** The build-time fingerprint, one line "sha256:…", at the root of runner's jar (outside every deciding package). */
    public static final String RESOURCE = "tianping/engine-code.txt";

    /** Resource paths of the code that decides; only classes count, and the case schema (it decides what is refused). */
    static final List<String> DECIDING = List.of("tianping/facts/", "tianping/law/", "tianping/decide/", "tianping/read/",
            "tianping/schema/", "tianping/monitoring/", "tianping/power/", "tianping/engine/");

    private EngineCode() {
    }

    /** Writes the fingerprint of the classes on this build's class path to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, of(buildClassPath()) + "\n", StandardCharsets.UTF_8);
    }

    /** The fingerprint the build recorded; computed from the running class path where it is missing (an IDE run). */
    static String recorded() {
        try (InputStream in = EngineCode.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return of(runningClassPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path of this JVM without test classes (a test run's class path holds both). */
    static List<Path> runningClassPath() {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isEmpty() || e.contains("test-classes") || e.endsWith("-tests.jar")) continue;
            out.add(Path.of(e));
        }
        return out;
    }

    /** exec:java runs {@link #main} in a class loader holding the module's runtime class path. */
    private static List<Path> buildClassPath() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) return runningClassPath();
        List<Path> out = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                out.add(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** sha256 over (path, sha256 of content) of every deciding class in the class path entries, in path order. */
    public static String of(List<Path> classPath) throws IOException {
        SortedMap<String, byte[]> hashes = new TreeMap<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        String name = entry.relativize(p).toString().replace('\\', '/');
                        if (deciding(name)) put(hashes, name, Files.readAllBytes(p));
                    }
                }
            } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (JarEntry e : jar.stream().toList()) {
                        if (e.isDirectory() || !deciding(e.getName())) continue;
                        try (InputStream in = jar.getInputStream(e)) {
                            put(hashes, e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        if (hashes.isEmpty()) throw new IOException("类路径中没有作出决定的代码（" + DECIDING + "）");
        MessageDigest md = tianping.core.Sha256.digest();
        md.update("tianping-engine-v1\n".getBytes(StandardCharsets.UTF_8));
        hashes.forEach((name, hash) -> md.update((name + "\n" + tianping.core.Sha256.hex(hash) + "\n").getBytes(StandardCharsets.UTF_8)));
        return tianping.core.Sha256.text(md);
    }

    static boolean deciding(String name) {
        if (name.startsWith("tianping/schema/")) return true;
        if (!name.endsWith(".class")) return false;
        for (String p : DECIDING) if (name.startsWith(p)) return true;
        return false;
    }

    /** Two different copies of one class on the path would make the engine ambiguous: refused. */
    private static void put(SortedMap<String, byte[]> hashes, String name, byte[] content) throws IOException {
        byte[] hash = tianping.core.Sha256.digest().digest(content);
        byte[] before = hashes.putIfAbsent(name, hash);
        if (before != null && !Arrays.equals(before, hash)) throw new IOException("类路径中有两个不同的 " + name);
    }
}
