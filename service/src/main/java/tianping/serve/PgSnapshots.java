package tianping.serve;

import tianping.audit.SnapshotStore;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;
import tianping.law.TableError;
import tianping.trust.RuleSetSignature;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rule-set snapshots of the PostgreSQL store: what {@code DIR/rulesets/<hex>/} holds beside a decision log —
 * every file of the rule set (tables, hand-written and generated DRL), {@code ENGINE}, {@code MANIFEST} (what the
 * fingerprint hashes) and {@code rules.sig} when it was signed — one row per file, byte for byte, under the
 * fingerprint. A snapshot is stored once, whole, in one transaction ({@code ON CONFLICT DO NOTHING} on the
 * fingerprint: of writers racing with the same rule set, one stores it and the others find it stored), before any
 * record naming it; a foreign key from {@code tianping_records.rule_set} lets no record name a rule set the
 * database lacks. What is read back is untrusted like any input: names are checked ({@link SnapshotStore#safeName})
 * and the files must still hash to the fingerprint ({@link SnapshotStore#contentProblems}), or the snapshot is
 * refused with each changed file named.
 */
final class PgSnapshots {

    /**
     * The tables, and the foreign key on the records (added {@code NOT VALID} to a store created before snapshots
     * were kept here: its old records are not checked, every new one is).
     */
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS tianping_rulesets (
              fingerprint text PRIMARY KEY CHECK (fingerprint ~ '^sha256:[0-9a-f]{64}$'),
              engine text NOT NULL,
              archived_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS tianping_ruleset_files (
              fingerprint text NOT NULL REFERENCES tianping_rulesets (fingerprint),
              path text NOT NULL,
              content bytea NOT NULL,
              PRIMARY KEY (fingerprint, path));
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'tianping_records_rule_set_archived') THEN
                ALTER TABLE tianping_records ADD CONSTRAINT tianping_records_rule_set_archived
                  FOREIGN KEY (rule_set) REFERENCES tianping_rulesets (fingerprint) NOT VALID;
              END IF;
            END $$;
            """;

    /** Where a snapshot read from the database is said to be, in messages. */
    static final String WHERE = "决定库 tianping_ruleset_files";

    private PgSnapshots() {
    }

    /** The files of a rule set's snapshot exactly as {@link SnapshotStore#ensure} writes them into a folder. */
    static SortedMap<String, byte[]> filesOf(RuleSet rs) {
        SortedMap<String, byte[]> files = new TreeMap<>(rs.files().files());
        files.put(SnapshotStore.ENGINE_FILE, EngineVersion.FULL.getBytes(StandardCharsets.UTF_8));
        files.put("MANIFEST", rs.files().manifest(EngineVersion.FULL));
        if (rs.signature() != null) files.put(RuleSetSignature.FILE, rs.signature());
        return files;
    }

    /**
     * Stores a snapshot in the connection's transaction unless one is stored under its fingerprint; a signature
     * (not part of the fingerprint) is added to a snapshot stored without one, as a folder snapshot takes it.
     * The caller has checked the files against the fingerprint. @return whether this call stored the snapshot
     */
    static boolean store(Connection c, String fingerprint, SortedMap<String, byte[]> files) throws SQLException {
        byte[] engine = files.get(SnapshotStore.ENGINE_FILE);
        int inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tianping_rulesets (fingerprint, engine) VALUES (?, ?) ON CONFLICT (fingerprint) DO NOTHING")) {
            ps.setString(1, fingerprint);
            ps.setString(2, engine == null ? "" : new String(engine, StandardCharsets.UTF_8));
            inserted = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tianping_ruleset_files (fingerprint, path, content) VALUES (?, ?, ?)"
                + " ON CONFLICT (fingerprint, path) DO NOTHING")) {
            for (var e : files.entrySet()) {
                if (inserted == 0 && !e.getKey().equals(RuleSetSignature.FILE)) continue;
                ps.setString(1, fingerprint);
                ps.setString(2, e.getKey());
                ps.setBytes(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return inserted == 1;
    }

    /** Every file of the stored snapshot by path, unchecked; null when there is none. */
    static SortedMap<String, byte[]> read(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT f.path, f.content FROM tianping_rulesets r LEFT JOIN tianping_ruleset_files f"
                + " ON f.fingerprint = r.fingerprint WHERE r.fingerprint = ? ORDER BY f.path")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                SortedMap<String, byte[]> files = null;
                while (rs.next()) {
                    if (files == null) files = new TreeMap<>();
                    if (rs.getString(1) != null) files.put(rs.getString(1), rs.getBytes(2));
                }
                return files;
            }
        }
    }

    /** The fingerprints of every stored snapshot, in order. */
    static List<String> fingerprints(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM tianping_rulesets ORDER BY fingerprint");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /**
     * A snapshot read back, refused unless every name is a plain relative path and the files still hash to the
     * fingerprint: each problem named ({@code 快照 sha256:… 中 tables/no-penalty-items.csv 与指纹不符}).
     */
    static SortedMap<String, byte[]> checked(String fingerprint, SortedMap<String, byte[]> files, String where) throws RuleSetException {
        List<TableError> errors = new ArrayList<>();
        for (String name : files.keySet()) {
            if (!SnapshotStore.safeName(name)) {
                errors.add(new TableError(where, 0, "snapshot_name_refused", "快照 " + fingerprint + " 中的文件名 "
                        + tianping.read.Excerpt.of(name) + " 不是快照目录内的相对路径（绝对路径、..、反斜杠、冒号、控制字符一律拒收）"));
            }
        }
        if (errors.isEmpty()) {
            for (String p : SnapshotStore.contentProblems(fingerprint, files)) errors.add(new TableError(where, 0, "snapshot_tampered", p));
        }
        if (!errors.isEmpty()) throw new RuleSetException(errors);
        return files;
    }
}
