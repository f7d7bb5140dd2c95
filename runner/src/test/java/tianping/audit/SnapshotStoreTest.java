package tianping.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.law.RuleSetException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
