package tianping.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.law.RuleSetException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A log handed to tianping names its snapshots; only a well-formed fingerprint may become a path, and only real files count. */
class SnapshotStoreTest {

    @TempDir
    Path log;

    @Test
    void aFingerprintThatIsNotSixtyFourHexDigitsIsRefusedBeforeAnyPathIsBuilt() throws Exception {
        SnapshotStore store = new SnapshotStore(log);
        for (String bad : new String[]{"sha256:../../../../etc", "sha256:", "md5:abc", "sha256:" + "A".repeat(64), "sha256:" + "0".repeat(63) + "/"}) {
            RuleSetException e = assertThrows(RuleSetException.class, () -> store.load(bad), bad);
            assertEquals("snapshot_fingerprint_invalid", e.errors().get(0).code(), bad);
            assertNull(store.engineOf(bad), bad);
        }
    }

    @Test
    void aSnapshotFolderThatIsALinkOrHoldsALinkIsNotRead() throws Exception {
        String hex = "0".repeat(64);
        Files.createDirectories(log.resolve("rulesets"));
        Path outside = Files.createDirectories(log.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "token");
        Files.createSymbolicLink(log.resolve("rulesets").resolve(hex), outside);
        SnapshotStore store = new SnapshotStore(log);
        assertEquals("snapshot_missing", assertThrows(RuleSetException.class, () -> store.load("sha256:" + hex)).errors().get(0).code());

        String hex2 = "1".repeat(64);
        Path dir = Files.createDirectories(log.resolve("rulesets").resolve(hex2).resolve("tables"));
        Files.createSymbolicLink(dir.resolve("lists.csv"), outside.resolve("secret"));
        assertEquals("snapshot_not_a_file", assertThrows(RuleSetException.class, () -> store.load("sha256:" + hex2)).errors().get(0).code());
    }

    /**
     * A snapshot kept elsewhere (a database) is written into a log's rulesets/ only whole, byte for byte, under names
     * that stay inside its folder, and only if its files are the rule set its fingerprint names.
     */
    @Test
    void aSnapshotFromElsewhereIsRestoredWholeAndConfinedOrNotAtAll() throws Exception {
        tianping.engine.RuleSet bundled = tianping.engine.RuleSet.bundled();
        Path source = log.resolve("source");
        new SnapshotStore(source).ensure(bundled);
        String fp = bundled.fingerprint();
        java.util.SortedMap<String, byte[]> files = new SnapshotStore(source).archived(fp);
        assertTrue(SnapshotStore.contentProblems(fp, files).isEmpty());

        Path target = log.resolve("target");
        assertTrue(new SnapshotStore(target).restore(fp, files, "db"));
        assertFalse(new SnapshotStore(target).restore(fp, files, "db"), "written once");
        java.util.SortedMap<String, byte[]> back = new SnapshotStore(target).archived(fp);
        assertEquals(files.keySet(), back.keySet());
        files.forEach((k, v) -> assertArrayEquals(v, back.get(k), k));
        assertEquals(java.util.List.of(fp), new SnapshotStore(target).fingerprints());

        for (String bad : new String[]{"../escaped", "/abs", "tables/../../escaped", "a//b", "./x", "c:\\x", "tab\tle", ""}) {
            assertFalse(SnapshotStore.safeName(bad), bad);
            java.util.SortedMap<String, byte[]> evil = new java.util.TreeMap<>(files);
            evil.put(bad, new byte[]{1});
            Path other = log.resolve("other");
            RuleSetException e = assertThrows(RuleSetException.class, () -> new SnapshotStore(other).restore(fp, evil, "db"), bad);
            assertEquals("snapshot_name_refused", e.errors().get(0).code(), bad);
            assertFalse(Files.exists(other.resolve("rulesets")), bad);
        }
        java.util.SortedMap<String, byte[]> changed = new java.util.TreeMap<>(files);
        changed.put("tables/lists.csv", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RuleSetException e = assertThrows(RuleSetException.class, () -> new SnapshotStore(log.resolve("other")).restore(fp, changed, "db"));
        assertEquals("db: snapshot_tampered: 快照 " + fp + " 中 tables/lists.csv 与指纹不符", e.errors().get(0).toString());
    }
}
