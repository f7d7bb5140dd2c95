package tianping.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every way a case's data reference could leave its folder, hang or exhaust memory is refused, and says nothing of outside. */
class ConfinedFilesTest {

    private static final String SECRET = "API_TOKEN=sk-do-not-print-7f3a";

    @TempDir
    Path tmp;

    private Path caseDir() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cases/a"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/ok.csv"), "x\n");
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        return dir;
    }

    private String refused(ConfinedFiles files, String name, String code) {
        ConfinedFiles.Refused e = assertThrows(ConfinedFiles.Refused.class, () -> files.open(name).close(), name);
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("sk-do-not-print"), e.getMessage());
        if (!name.contains(tmp.toString())) assertFalse(e.getMessage().contains(tmp.toString()), "消息只写案件所写的名称：" + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aRegularFileInsideTheFolderIsReadAndHashed() throws Exception {
        ConfinedFiles files = new ConfinedFiles(caseDir(), null, 1000);
        try (ConfinedFiles.Opened o = files.open("data/ok.csv")) {
            assertEquals(2, o.size());
            assertEquals("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest("x\n".getBytes(StandardCharsets.US_ASCII))), o.sha256());
        }
        try (ConfinedFiles.Opened o = files.open("./data/../data/ok.csv")) {
            assertTrue(o.sha256().startsWith("sha256:"));
        }
    }

    @Test
    void absoluteNamesAndDotDotAreRefused() throws Exception {
        ConfinedFiles files = new ConfinedFiles(caseDir(), null, 1000);
        refused(files, tmp.resolve("secret.txt").toString(), "data_file_outside");
        refused(files, "/etc/passwd", "data_file_outside");
        refused(files, "../../secret.txt", "data_file_outside");
        refused(files, "data/../../../secret.txt", "data_file_outside");
        refused(files, "", "data_file_refused");
        refused(files, "data/ok.csv\u0000x", "data_file_refused");
        refused(files, "gone.csv", "data_file_missing");
    }

    @Test
    void aSymlinkLeavingTheFolderIsRefusedAndItsTargetNeverShown() throws Exception {
        Path dir = caseDir();
        Files.createSymbolicLink(dir.resolve("data/env.csv"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("linked"), tmp);
        Files.createSymbolicLink(dir.resolve("data/inside.csv"), dir.resolve("data/ok.csv"));
        ConfinedFiles files = new ConfinedFiles(dir, null, 1000);
        refused(files, "data/env.csv", "data_file_outside");
        refused(files, "linked/secret.txt", "data_file_outside");
        Path environ = Path.of("/proc/self/environ");
        if (Files.exists(environ)) {
            Files.createSymbolicLink(dir.resolve("environ.csv"), environ);
            refused(files, "environ.csv", "data_file_outside");
        }
        try (ConfinedFiles.Opened o = files.open("data/inside.csv")) {
            assertEquals(2, o.size(), "a link that stays inside is followed");
        }
    }

    @Test
    void theDataRootWidensTheFolderAndNothingElse() throws Exception {
        Path dir = caseDir();
        Path raw = Files.createDirectories(tmp.resolve("raw"));
        Files.writeString(raw.resolve("p.hj212"), "##");
        refused(new ConfinedFiles(dir, null, 1000), "../../raw/p.hj212", "data_file_outside");
        ConfinedFiles rooted = new ConfinedFiles(dir, raw, 1000);
        try (ConfinedFiles.Opened o = rooted.open("../../raw/p.hj212")) {
            assertEquals(2, o.size());
        }
        refused(rooted, "../../secret.txt", "data_file_outside");
        refused(rooted, raw.resolve("p.hj212").toString(), "data_file_outside");
    }

    @Test
    void directoriesDevicesAndFifosAreRefusedWithoutOpeningThem() throws Exception {
        Path dir = caseDir();
        ConfinedFiles files = new ConfinedFiles(dir, null, 1000);
        refused(files, "data", "data_file_refused");
        if (Files.exists(Path.of("/dev/zero"))) {
            Files.createSymbolicLink(dir.resolve("zero.hj212"), Path.of("/dev/zero"));
            refused(files, "zero.hj212", "data_file_outside");
            refused(new ConfinedFiles(dir, Path.of("/dev"), 1000), "zero.hj212", "data_file_refused");
        }
        Path fifo = dir.resolve("data/pipe.hj212");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS) && Files.exists(fifo);
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo not available");
        // opening a FIFO without a writer blocks forever: it must be refused before it is opened
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> refused(files, "data/pipe.hj212", "data_file_refused"));
    }

    @Test
    void aFileOverTheBoundIsRefusedAndOneGrowingWhileReadIsStopped() throws Exception {
        Path dir = caseDir();
        Files.write(dir.resolve("big.hj212"), new byte[2000]);
        String m = refused(new ConfinedFiles(dir, null, 1000), "big.hj212", "data_file_too_large");
        assertTrue(m.contains("2000") && m.contains("1000"), m);

        Path growing = dir.resolve("growing.hj212");
        Files.write(growing, new byte[900]);
        ConfinedFiles files = new ConfinedFiles(dir, null, 1000);
        try (ConfinedFiles.Opened o = files.open("growing.hj212")) {
            Files.write(growing, new byte[5000]);
            assertThrows(ConfinedFiles.TooLarge.class, o::sha256);
        }
    }

    @Test
    void excerptsAreShortEscapedAndSayHowLongTheOriginalWas() {
        byte[] line = ("##0999QN=" + "9".repeat(5000) + "\u001b[2J\r\n").getBytes(StandardCharsets.UTF_8);
        String e = Excerpt.of(line, 0, line.length);
        assertTrue(e.length() <= Excerpt.MAX, e.length() + " " + e);
        assertTrue(e.endsWith("…（共 " + line.length + " 字节）"), e);
        assertEquals("a\\nb\\u001B\\\\", Excerpt.of("a\nb\u001b\\"));
        assertEquals("\\uD800x", Excerpt.of("\ud800x"));
        byte[] bad = {(byte) 0xff, 'a'};
        assertEquals("\uFFFDa", Excerpt.of(bad, 0, 2));
        String cut = Excerpt.of("汉".repeat(200));
        assertTrue(cut.length() <= Excerpt.MAX && cut.endsWith("（共 200 字符）"), cut);
    }
}
