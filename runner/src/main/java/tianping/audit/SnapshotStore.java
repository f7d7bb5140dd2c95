package tianping.audit;

import tianping.core.Sha256;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.law.RuleFiles;
import tianping.law.RuleSetException;
import tianping.law.TableError;
import tianping.trust.RuleSetSignature;
import tianping.trust.TrustedKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every rule set that produced a logged decision, archived by its fingerprint: {@code DIR/rulesets/<hex>/} holds all
 * its files (tables, hand-written and generated DRL) and {@code ENGINE}, the engine version it ran on. Written once
 * (to a temporary folder, then renamed), never changed; loading checks the files still hash to the fingerprint.
 */
public final class SnapshotStore {

    private static final String ENGINE = "ENGINE";
    private final Path root;

    public SnapshotStore(Path logDir) {
        this.root = logDir.resolve("rulesets");
    }

    /** Only a well-formed fingerprint names a folder: a record's {@code sha256:../../etc} must never become a path. */
    static boolean wellFormed(String fingerprint) {
        return Sha256.isWellFormed(fingerprint);
    }

    private Path dirOf(String fingerprint) {
        if (!wellFormed(fingerprint)) throw new IllegalArgumentException("not a fingerprint");
        return root.resolve(fingerprint.substring(Sha256.PREFIX.length()));
    }

    /** Archives the rule set unless it already is. */
    public void ensure(RuleSet ruleSet) throws IOException {
        Path dir = dirOf(ruleSet.fingerprint());
        if (Files.isDirectory(dir)) {
            keepSignature(dir, ruleSet.signature());
            return;
        }
        Path tmp = root.resolve(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        for (var e : ruleSet.files().files().entrySet()) {
            Path target = tmp.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        Files.writeString(tmp.resolve(ENGINE), EngineVersion.FULL, StandardCharsets.UTF_8);
        if (ruleSet.signature() != null) Files.write(tmp.resolve(RuleSetSignature.FILE), ruleSet.signature());
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(tmp);
            if (!Files.isDirectory(dir)) throw e;
        } catch (IOException e) {
            deleteTree(tmp);
            if (!Files.isDirectory(dir)) throw e;
        }
    }

    /**
     * A signature is not part of the fingerprint, so a snapshot archived unsigned takes the signature of a later
     * run of the same rule set (written beside, then renamed: never half a file).
     */
    private static void keepSignature(Path dir, byte[] signature) throws IOException {
        Path target = dir.resolve(RuleSetSignature.FILE);
        if (signature == null || Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Path tmp = dir.resolveSibling(dir.getFileName() + ".sig-" + ProcessHandle.current().pid());
        Files.write(tmp, signature);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The engine version the snapshot was archived with, or null if there is no such snapshot. */
    public String engineOf(String fingerprint) throws IOException {
        if (!wellFormed(fingerprint)) return null;
        Path f = dirOf(fingerprint).resolve(ENGINE);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
    }

    /** Loads an archived rule set; refuses one whose files no longer hash to its fingerprint. */
    public RuleSet load(String fingerprint) throws IOException, RuleSetException {
        return load(fingerprint, TrustedKeys.NONE);
    }

    /**
     * As {@link #load(String)}; if {@code trust} names keys, the snapshot must also carry a signature by one of
     * them of exactly this fingerprint, checked before anything is vetted or compiled.
     */
    public RuleSet load(String fingerprint, TrustedKeys trust) throws IOException, RuleSetException {
        RuleFiles ruleFiles = files(fingerprint);
        Path sigFile = dirOf(fingerprint).resolve(RuleSetSignature.FILE);
        byte[] signature = trust.required() ? RuleSetSignature.read(sigFile) : RuleSetSignature.carried(sigFile);
        if (trust.required()) {
            RuleSetSignature.verify(signature, sigFile.toString(), ruleFiles, trust).requireFingerprint(fingerprint, engineOf(fingerprint));
        }
        return RuleSet.compile(ruleFiles, signature);
    }

    /** The files of an archived rule set, checked against its fingerprint, not compiled (for a diff, or to load). */
    public RuleFiles files(String fingerprint) throws IOException, RuleSetException {
        if (!wellFormed(fingerprint)) {
            throw new RuleSetException(List.of(new TableError("rulesets", 0, "snapshot_fingerprint_invalid",
                    "记录的规则集指纹不是 sha256: 加 64 位十六进制数字，不据此查找快照：" + tianping.read.Excerpt.of(String.valueOf(fingerprint)))));
        }
        Path dir = dirOf(fingerprint);
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a link named like a snapshot is none
            throw new RuleSetException(List.of(new TableError(dir.toString(), 0, "snapshot_missing", "没有规则集快照 " + fingerprint)));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new RuleSetException(List.of(new TableError(dir.relativize(p).toString(), 0, "snapshot_not_a_file",
                            "快照中只应有普通文件（不跟随符号链接）：" + dir.relativize(p))));
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(ENGINE) && !rel.equals(RuleSetSignature.FILE)) files.put(rel, Files.readAllBytes(p));
            }
        }
        RuleFiles ruleFiles = RuleFiles.of("快照 " + fingerprint.substring(0, 19), files);
        String engine = engineOf(fingerprint);
        if (!ruleFiles.fingerprint(engine).equals(fingerprint)) {
            throw new RuleSetException(List.of(new TableError(dir.toString(), 0, "snapshot_tampered",
                    "规则集快照的文件与其指纹不符：快照已被改动")));
        }
        return ruleFiles;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
