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
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every rule set that produced a logged decision, archived by its fingerprint: {@code DIR/rulesets/<hex>/} holds all
 * its files (tables, hand-written and generated DRL), {@code ENGINE}, the engine version it ran on, and
 * {@code MANIFEST}, what the fingerprint hashes ({@link RuleFiles#manifest}: {@code sha256sum MANIFEST} is the
 * fingerprint, and each file's sha256 is listed in it). Written once (to a temporary folder, then renamed), never
 * changed; loading and {@link #check} find the files still hash to the fingerprint, or name each one that does not.
 * Snapshots archived before MANIFEST existed are checked as a whole.
 */
public final class SnapshotStore {

    private static final String ENGINE = "ENGINE";
    static final String MANIFEST = "MANIFEST";
    /** Each bundled file's sha256 as built (sha256sum format), written by BuildRuleSet beside the index. */
    private static final String BUILT_SUMS = "tianping/ruleset.sha256";
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
        Files.write(tmp.resolve(MANIFEST), ruleSet.files().manifest(EngineVersion.FULL));
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
        SortedMap<String, byte[]> files = filesOf(dir);
        files.remove(ENGINE);
        files.remove(MANIFEST);
        files.remove(RuleSetSignature.FILE);
        RuleFiles ruleFiles = RuleFiles.of("快照 " + fingerprint.substring(0, 19), files);
        String engine = engineOf(fingerprint);
        if (!ruleFiles.fingerprint(engine).equals(fingerprint)) {
            List<TableError> named = new ArrayList<>();
            for (String p : check(fingerprint)) named.add(new TableError(dir.toString(), 0, "snapshot_tampered", p));
            if (named.isEmpty()) named.add(new TableError(dir.toString(), 0, "snapshot_tampered", "规则集快照的文件与其指纹不符：快照已被改动"));
            throw new RuleSetException(named);
        }
        return ruleFiles;
    }

    /** Every file of a snapshot folder by relative path; anything but a regular file (a link, a pipe) is refused. */
    private static SortedMap<String, byte[]> filesOf(Path dir) throws IOException, RuleSetException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new RuleSetException(List.of(new TableError(dir.relativize(p).toString(), 0, "snapshot_not_a_file",
                            "快照中只应有普通文件（不跟随符号链接）：" + dir.relativize(p))));
                }
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * What is wrong with the rule set {@code fingerprint} as archived here and, when it is the bundled one, as
     * shipped in the jar: each file that no longer matches the fingerprint named ({@code 快照 sha256:… 中
     * tables/no-penalty-items.csv 与指纹不符}), a missing snapshot of a rule set that is not the bundled one
     * (its decisions cannot be replayed). Empty when all is whole.
     */
    public List<String> check(String fingerprint) throws IOException {
        if (!wellFormed(fingerprint)) return checkArchived(fingerprint, null, null);
        Path dir = dirOf(fingerprint);
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return checkArchived(fingerprint, null, dir.toString());
        SortedMap<String, byte[]> files;
        try {
            files = filesOf(dir);
        } catch (RuleSetException e) {
            List<String> problems = new ArrayList<>(bundledProblems(fingerprint));
            problems.add("快照 " + fingerprint + "：" + e.errors().get(0).message());
            return problems;
        }
        return checkArchived(fingerprint, files, dir.toString());
    }

    /**
     * As {@link #check(String)} for a snapshot given as its files wherever it is kept ({@code where}: a folder, a
     * database table), {@code archived} holding every file of it by relative path — {@code MANIFEST}, {@code ENGINE}
     * and {@code rules.sig} among them — or null when there is none. Folder snapshots and those a decision store
     * keeps in a database are checked by this one method, with the same words.
     */
    public static List<String> checkArchived(String fingerprint, SortedMap<String, byte[]> archived, String where) {
        if (!wellFormed(fingerprint)) return List.of("记录的规则集指纹不是 sha256: 加 64 位十六进制数字：" + tianping.read.Excerpt.of(String.valueOf(fingerprint)));
        List<String> problems = new ArrayList<>(bundledProblems(fingerprint));
        if (archived == null) {
            if (!isBundled(fingerprint)) problems.add("没有规则集快照 " + fingerprint + "（" + where + "）：以它作出的决定无法重放");
            return problems;
        }
        problems.addAll(contentProblems(fingerprint, archived));
        return problems;
    }

    /**
     * What is wrong with the files of a snapshot ({@code archived}: every file by relative path, {@code MANIFEST},
     * {@code ENGINE} and {@code rules.sig} among them) against its fingerprint, each file named: empty exactly when
     * they are the rule set the fingerprint names. The jar's files are not looked at (see {@link #checkArchived}).
     */
    public static List<String> contentProblems(String fingerprint, SortedMap<String, byte[]> archived) {
        List<String> problems = new ArrayList<>();
        String tag = "快照 " + fingerprint;
        SortedMap<String, byte[]> files = new TreeMap<>(archived);
        byte[] manifest = files.remove(MANIFEST);
        byte[] engine = files.remove(ENGINE);
        files.remove(RuleSetSignature.FILE); // the signature is over the fingerprint, not part of it
        if (manifest != null) {
            if (!tianping.core.Sha256.of(manifest).equals(fingerprint)) {
                problems.add(tag + " 中 " + MANIFEST + " 与指纹不符（清单被改动）");
                return problems;
            }
            String[] lines = new String(manifest, StandardCharsets.UTF_8).split("\n", -1);
            if (engine == null || lines.length < 2 || !new String(engine, StandardCharsets.UTF_8).equals(lines[1])) problems.add(tag + " 中 " + ENGINE + " 与指纹不符");
            SortedMap<String, String> listed = new TreeMap<>();
            for (int i = 2; i + 1 < lines.length; i += 2) listed.put(lines[i], lines[i + 1]);
            compare(tag, listed, files, problems);
            return problems;
        }
        String engineText = engine == null ? null : new String(engine, StandardCharsets.UTF_8);
        if (RuleFiles.of(tag, files).fingerprint(engineText).equals(fingerprint)) return problems;
        Built built = Built.JAR;
        if (isBundled(fingerprint)) {
            // an old snapshot of the bundled rule set: the jar's files, which hash to it, name the changed one
            compare(tag, built.sums(), files, problems);
            if (problems.isEmpty()) problems.add(tag + " 中 " + ENGINE + " 与指纹不符");
        } else {
            problems.add(tag + " 与指纹不符（旧格式的快照没有 " + MANIFEST + "，无法指出是哪个文件）");
        }
        return problems;
    }

    private static boolean isBundled(String fingerprint) {
        Built built = Built.JAR;
        return built != null && built.fingerprint().equals(fingerprint);
    }

    /** The jar's own files that no longer match when {@code fingerprint} is the bundled rule set; else none. */
    private static List<String> bundledProblems(String fingerprint) {
        return isBundled(fingerprint) ? Built.JAR.changed() : List.of();
    }

    /**
     * Every file of the snapshot folder of {@code fingerprint} by relative path, as it lies ({@code MANIFEST},
     * {@code ENGINE} and {@code rules.sig} included), for copying it elsewhere; null when there is none. The files
     * are not checked here ({@link #contentProblems}); a link or special file is refused as when loading.
     */
    public SortedMap<String, byte[]> archived(String fingerprint) throws IOException, RuleSetException {
        if (!wellFormed(fingerprint)) return null;
        Path dir = dirOf(fingerprint);
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
        return filesOf(dir);
    }

    /** The fingerprints of the snapshot folders here (other entries, such as a crashed write's {@code .tmp-} folder, are skipped). */
    public List<String> fingerprints() throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> Sha256.PREFIX + p.getFileName()).filter(SnapshotStore::wellFormed).sorted().toList();
        }
    }

    /**
     * Whether a file name that came from outside (a database row, an archive) may name a file of a snapshot folder:
     * relative, {@code /}-separated, no empty, {@code .} or {@code ..} segment, no backslash, colon or control
     * character, at most 512 characters. Nothing else is ever written.
     */
    public static boolean safeName(String path) {
        if (path == null || path.isEmpty() || path.length() > 512 || path.startsWith("/")) return false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }

    /**
     * Writes a snapshot kept elsewhere (a decision store's database) into this log's {@code rulesets/} layout,
     * byte for byte, unless a folder for it is already there (returns false then). Its files must be the rule set
     * the fingerprint names ({@link #contentProblems}) and every name must be {@link #safeName safe}; they are
     * written into a fresh temporary folder beside, each checked to resolve inside it, which is then renamed:
     * never half a snapshot, nothing outside. Refused: a {@link RuleSetException} naming what is wrong.
     */
    public boolean restore(String fingerprint, SortedMap<String, byte[]> archived, String where) throws IOException, RuleSetException {
        if (!wellFormed(fingerprint)) {
            throw new RuleSetException(List.of(new TableError(where, 0, "snapshot_fingerprint_invalid",
                    "规则集指纹不是 sha256: 加 64 位十六进制数字，不据此写入快照：" + tianping.read.Excerpt.of(String.valueOf(fingerprint)))));
        }
        List<TableError> refused = new ArrayList<>();
        for (String name : archived.keySet()) {
            if (!safeName(name)) refused.add(new TableError(where, 0, "snapshot_name_refused",
                    "快照 " + fingerprint + " 中的文件名 " + tianping.read.Excerpt.of(name) + " 不是快照目录内的相对路径（绝对路径、..、反斜杠、冒号、控制字符一律拒收）"));
        }
        if (refused.isEmpty()) {
            for (String p : contentProblems(fingerprint, archived)) refused.add(new TableError(where, 0, "snapshot_tampered", p));
        }
        if (!refused.isEmpty()) throw new RuleSetException(refused);
        Path dir = dirOf(fingerprint);
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, dir.getFileName() + ".tmp-");
        try {
            Path base = tmp.toRealPath();
            for (var e : archived.entrySet()) {
                Path target = base.resolve(e.getKey()).normalize();
                if (!target.startsWith(base) || target.equals(base)) throw new IOException("快照文件名越出目录：" + e.getKey());
                Files.createDirectories(target.getParent());
                if (!target.getParent().toRealPath().startsWith(base)) throw new IOException("快照文件名越出目录：" + e.getKey());
                Files.write(target, e.getValue(), java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false; // another writer restored it first
            throw e;
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Compiles a snapshot given as its files ({@code archived}, as {@link #archived} gives them, from a folder or a
     * database named {@code where}): they must be the rule set the fingerprint names, else the load is refused
     * naming each changed file ({@code snapshot_tampered}); with {@code trust} naming keys its {@code rules.sig}
     * must be signed by one of them, checked before anything is vetted or compiled, as {@link #load(String, TrustedKeys)} does.
     */
    public static RuleSet compile(String fingerprint, SortedMap<String, byte[]> archived, String where, TrustedKeys trust)
            throws RuleSetException {
        List<String> problems = wellFormed(fingerprint) ? contentProblems(fingerprint, archived)
                : List.of("记录的规则集指纹不是 sha256: 加 64 位十六进制数字：" + tianping.read.Excerpt.of(String.valueOf(fingerprint)));
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems.stream().map(p -> new TableError(where, 0, "snapshot_tampered", p)).toList());
        }
        SortedMap<String, byte[]> files = new TreeMap<>(archived);
        byte[] engine = files.remove(ENGINE);
        files.remove(MANIFEST);
        byte[] signature = files.remove(RuleSetSignature.FILE);
        RuleFiles ruleFiles = RuleFiles.of("快照 " + fingerprint.substring(0, 19), files);
        if (trust.required()) {
            RuleSetSignature.verify(signature, where + "/" + RuleSetSignature.FILE, ruleFiles, trust)
                    .requireFingerprint(fingerprint, engine == null ? null : new String(engine, StandardCharsets.UTF_8));
        }
        return RuleSet.compile(ruleFiles, signature);
    }

    /** The name of the file holding the engine version in a snapshot. */
    public static final String ENGINE_FILE = ENGINE;

    /** Each file against the hash the fingerprint lists for it: changed, missing, or not listed at all. */
    private static void compare(String tag, SortedMap<String, String> listed, SortedMap<String, byte[]> files, List<String> problems) {
        for (var e : listed.entrySet()) {
            byte[] content = files.get(e.getKey());
            if (content == null) problems.add(tag + " 中缺少 " + e.getKey());
            else if (!tianping.core.Sha256.hex(tianping.core.Sha256.digest().digest(content)).equals(e.getValue())) problems.add(tag + " 中 " + e.getKey() + " 与指纹不符");
        }
        for (String path : files.keySet()) if (!listed.containsKey(path)) problems.add(tag + " 中多出 " + path + "（不在指纹内）");
    }

    /**
     * The bundled rule set as the build made it: each file's sha256 from {@code ruleset.sha256}, the fingerprint
     * they give with this engine, and the files of the jar that no longer match (null for a jar without sums).
     */
    private record Built(String fingerprint, SortedMap<String, String> sums, List<String> changed) {
        static final Built JAR = read();

        private static Built read() {
            ClassLoader loader = SnapshotStore.class.getClassLoader();
            SortedMap<String, String> sums = new TreeMap<>();
            try (var in = loader.getResourceAsStream(BUILT_SUMS)) {
                if (in == null) return null;
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.length() > 66) sums.put(line.substring(66), line.substring(0, 64));
                }
            } catch (IOException e) {
                return null;
            }
            StringBuilder manifest = new StringBuilder(RuleFiles.MANIFEST_HEADER).append(EngineVersion.FULL).append('\n');
            sums.forEach((path, hex) -> manifest.append(path).append('\n').append(hex).append('\n'));
            String fingerprint = tianping.core.Sha256.of(manifest.toString());
            List<String> changed = new ArrayList<>();
            SortedMap<String, byte[]> shipped = new TreeMap<>();
            for (String path : sums.keySet()) {
                try (var in = loader.getResourceAsStream("tianping/" + path)) {
                    if (in != null) shipped.put(path, in.readAllBytes());
                } catch (IOException e) {
                    // reported as missing below
                }
            }
            compare("内置规则集（jar）" + fingerprint, sums, shipped, changed);
            return new Built(fingerprint, sums, changed);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
