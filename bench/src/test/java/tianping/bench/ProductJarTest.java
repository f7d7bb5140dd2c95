package tianping.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 §5: the product carries no benchmark. The runner as this module sees it on its class path (under
 * {@code mvn verify} that is runner/target/tianping.jar, the jar the launcher runs) holds none of this module's
 * classes or resources, no class named as a benchmark, and its command line offers no {@code bench}.
 */
class ProductJarTest {

    @Test
    void theProductHasNoBenchmark() throws Exception {
        Path product = Path.of(tianping.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = entries(product);
        assertTrue(entries.contains("tianping/cli/Main.class"), product + " is not the runner");
        List<String> ours = entries(Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        assertTrue(ours.contains("tianping/bench/BatchBench.class"));
        assertTrue(ours.contains("tianping/bench/naive-power.drl"));
        List<String> found = new ArrayList<>();
        for (String e : entries) {
            String name = e.substring(e.lastIndexOf('/') + 1);
            if ((ours.contains(e) && !e.endsWith("/") && !e.startsWith("META-INF/")) || e.startsWith("tianping/bench/")
                    || name.matches(".*Bench(\\$.*)?\\.class") || name.equals("naive-power.drl")) {
                found.add(e);
            }
        }
        assertEquals(List.of(), found, "benchmark code in the product (" + product + ")");
        if (product.toString().endsWith(".jar")) assertEquals("tianping.jar", product.getFileName().toString());
    }

    @Test
    void theProductCommandLineHasNoBench() {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = tianping.cli.Main.run(new String[]{"bench", "decide"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(tianping.cli.ExitCode.USAGE, code);
        assertFalse(new picocli.CommandLine(new tianping.cli.Main()).getSubcommands().containsKey("bench"));
    }

    /** The entry names of a jar, or of a classes directory (relative, with '/'). */
    private static List<String> entries(Path location) throws IOException, URISyntaxException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                return walk.filter(Files::isRegularFile).map(p -> location.relativize(p).toString().replace('\\', '/')).toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }
}
