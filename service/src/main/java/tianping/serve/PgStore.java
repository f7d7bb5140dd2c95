package tianping.serve;

import tianping.audit.LogRecord;
import tianping.audit.Verifier;
import tianping.engine.Decision;
import tianping.read.CaseFile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The decision store in PostgreSQL: the very {@link LogRecord} lines of {@code decisions.jsonl}, each kept verbatim
 * ({@code line bytea}: the hash is over bytes) beside indexed columns for the API's lookups. The writer position —
 * the last seq and hash — is the single row of {@code tianping_head}: every insert moves it in the same statement,
 * only from the position its records were chained onto (the row lock and that condition, see {@link #write}), so
 * any number of writers (threads or processes) get consecutive sequence numbers, none lost or doubled. Requests
 * hand their decisions to one writer thread that commits whatever has queued up in one statement, one round trip
 * (group commit); a request is answered only after its record is committed. The rule-set snapshots its records
 * name are kept in the database too ({@link PgSnapshots}), so that the store alone replays its decisions.
 */
final class PgStore implements DecisionStore {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS tianping_head (
              id smallint PRIMARY KEY CHECK (id = 1),
              seq bigint NOT NULL,
              hash text NOT NULL);
            INSERT INTO tianping_head (id, seq, hash) VALUES (1, 0, '%s') ON CONFLICT (id) DO NOTHING;
            CREATE TABLE IF NOT EXISTS tianping_records (
              seq bigint PRIMARY KEY,
              prev text NOT NULL,
              hash text NOT NULL UNIQUE,
              rule_set text,
              input text,
              source text,
              case_id text,
              uscc text,
              decision_date date,
              outcome text,
              warning text,
              line bytea NOT NULL);
            CREATE INDEX IF NOT EXISTS tianping_records_case_id ON tianping_records (case_id, seq);
            CREATE INDEX IF NOT EXISTS tianping_records_uscc ON tianping_records (uscc, seq);
            CREATE INDEX IF NOT EXISTS tianping_records_date ON tianping_records (decision_date, seq);
            CREATE INDEX IF NOT EXISTS tianping_records_outcome ON tianping_records (outcome, seq);
            CREATE INDEX IF NOT EXISTS tianping_records_rule_set ON tianping_records (rule_set);
            """.formatted(LogRecord.GENESIS) + PgSnapshots.SCHEMA;

    private static final int MAX_GROUP = 512;
    private static final String INSERT = "INSERT INTO tianping_records (seq, prev, hash, rule_set, input, source, case_id, uscc, "
            + "decision_date, outcome, warning, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One decision waiting for the writer. */
    private record Pending(CaseFile c, Decision d, String source, byte[] decisionJson, CompletableFuture<Long> done) {
    }

    private final String url;
    private final Connection writer;
    private final Connection reader;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(8192);
    /** Fingerprints known to have their snapshot committed in the database (snapshots are never removed). */
    private final java.util.Set<String> archived = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread writerThread;
    private volatile boolean closing;

    private PgStore(String url, Connection writer, Connection reader) {
        this.url = url;
        this.writer = writer;
        this.reader = reader;
        this.writerThread = new Thread(this::writeLoop, "tianping-pg-writer");
        writerThread.setDaemon(true);
    }

    static PgStore open(String url) throws IOException {
        try {
            Connection w = DriverManager.getConnection(url);
            try (Statement s = w.createStatement()) {
                // several processes may open the same store at once: creating the schema is serialised too
                s.execute("SELECT pg_advisory_lock(7465746)");
                try {
                    s.execute(SCHEMA);
                } finally {
                    s.execute("SELECT pg_advisory_unlock(7465746)");
                }
            }
            // each group commit is one statement committed on its own (see write)
            w.setAutoCommit(true);
            Connection r = DriverManager.getConnection(url);
            r.setReadOnly(true);
            PgStore store = new PgStore(url, w, r);
            store.writerThread.start();
            return store;
        } catch (SQLException e) {
            throw new IOException("无法打开决定库 " + redact(url) + "：" + e.getMessage(), e);
        }
    }

    /** The URL without a password parameter, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public long append(CaseFile c, Decision d, String source, byte[] decisionJson) throws IOException {
        if (closing) throw new IOException("决定库正在关闭");
        Pending p = new Pending(c, d, source, decisionJson, new CompletableFuture<>());
        try {
            if (!queue.offer(p, 10, TimeUnit.SECONDS)) throw new IOException("决定库写入排队超时");
            return p.done().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("等待写入时被中断", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("决定库写入超时（30 秒）", e);
        }
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) return;
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                if (closing && queue.isEmpty()) return;
            } catch (RuntimeException e) {
                group.forEach(p -> p.done().completeExceptionally(e));
            }
            group.clear();
        }
    }

    /**
     * The head as this writer last committed or read it; {@code headSeq < 0} when not known (at start, after a
     * failure). It is only a guess at the database's head: {@link #GROUP_SQL} applies a group only if the head row
     * still holds exactly this position, so a guess made stale by another writer costs one retry, never a record.
     */
    private long headSeq = -1;
    private String headHash;

    /**
     * Appends a group of decisions in one statement, one round trip, committed on its own (autocommit): the head
     * row is moved from the position the group's records were chained onto to the group's last record, and the
     * records are inserted only if that update found the head where expected. Another writer (thread or process)
     * that moved the head meanwhile holds the row lock or has committed: PostgreSQL re-checks the update's
     * condition on the row as that writer left it, the update matches no row, nothing is inserted, and this
     * writer reads the head again and rechains the group. The row lock and the condition are the database's
     * guard of the writer position, as the {@code SELECT … FOR UPDATE} transaction was; the primary key on seq and
     * the unique hash remain a second one. Completes each decision with its seq or the failure.
     */
    private void write(List<Pending> all) {
        List<Pending> group = withSnapshots(all);
        if (group.isEmpty()) return;
        List<Long> seqs = new ArrayList<>(group.size());
        try {
            for (int attempt = 0; ; attempt++) {
                if (headSeq < 0) readHead();
                long from = headSeq;
                String fromHash = headHash;
                long seq = from;
                String prev = fromHash;
                seqs.clear();
                try (PreparedStatement ins = writer.prepareStatement(groupSql(group.size()))) {
                    ins.setLong(1, seq + group.size()); // the parameters of the head update come first in the text
                    ins.setLong(3, from);
                    ins.setString(4, fromHash);
                    int at = 5;
                    for (Pending p : group) {
                        seq++;
                        LogRecord r = LogRecord.decision(seq, prev, p.d().fingerprints().ruleSet(), p.c().inputFingerprint(),
                                p.d().fingerprints().engine(), p.source(), p.c().canonicalInput().getBytes(StandardCharsets.UTF_8), p.decisionJson());
                        bind(ins, at, r.line(), DecisionStore.summary(seq, p.d(), p.source()), p.c().inputFingerprint(), prev, r.claimedHash());
                        at += COLUMNS;
                        prev = r.claimedHash();
                        seqs.add(seq);
                    }
                    ins.setString(2, prev);
                    int inserted = ins.executeUpdate();
                    if (inserted == group.size()) {
                        headSeq = seq;
                        headHash = prev;
                        break;
                    }
                    if (inserted != 0) throw new SQLException("成组写入插入了 " + inserted + " 条，应为 " + group.size() + " 条");
                }
                // the head had moved: another writer got there first
                headSeq = -1;
                if (attempt >= 1000) throw new SQLException("链头一直在被其他写入者移动，放弃（1000 次）");
            }
        } catch (SQLException | RuntimeException e) {
            headSeq = -1;
            archived.clear(); // known again only when read again
            IOException failure = new IOException("写入决定库失败：" + e.getMessage(), e);
            group.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) group.get(i).done().complete(seqs.get(i));
    }

    /**
     * The decisions of a group whose rule set's snapshot is in the database (asked once for those this store did
     * not archive itself: another process may have); the others fail here, recorded nowhere, rather than break
     * the group on the foreign key.
     */
    private List<Pending> withSnapshots(List<Pending> group) {
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        for (Pending p : group) if (!archived.contains(p.d().fingerprints().ruleSet())) unknown.add(p.d().fingerprints().ruleSet());
        if (unknown.isEmpty()) return group;
        try (PreparedStatement ps = writer.prepareStatement("SELECT fingerprint FROM tianping_rulesets WHERE fingerprint = ANY (?)")) {
            ps.setArray(1, writer.createArrayOf("text", unknown.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) archived.add(rs.getString(1));
            }
        } catch (SQLException e) {
            IOException failure = new IOException("写入决定库失败：" + e.getMessage(), e);
            group.forEach(p -> p.done().completeExceptionally(failure));
            return List.of();
        }
        List<Pending> ok = new ArrayList<>(group.size());
        for (Pending p : group) {
            String fp = p.d().fingerprints().ruleSet();
            if (archived.contains(fp)) ok.add(p);
            else p.done().completeExceptionally(new IOException("决定库中没有规则集 " + fp + " 的快照：不记录以它作出的决定（决定库中的每条决定都须能以其规则集重放）"));
        }
        return ok;
    }

    @Override
    public void archive(tianping.engine.RuleSet ruleSet) throws IOException {
        String fp = ruleSet.fingerprint();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            PgSnapshots.store(c, fp, PgSnapshots.filesOf(ruleSet));
            c.commit();
        } catch (SQLException e) {
            throw new IOException("规则集快照未能存入决定库 " + redact(url) + "：" + e.getMessage(), e);
        }
        archived.add(fp);
    }

    @Override
    public synchronized Optional<java.util.SortedMap<String, byte[]>> snapshot(String fingerprint) throws IOException, tianping.law.RuleSetException {
        java.util.SortedMap<String, byte[]> files;
        try {
            files = PgSnapshots.read(reader, fingerprint);
        } catch (SQLException e) {
            throw new IOException("读取决定库失败：" + e.getMessage(), e);
        }
        return files == null ? Optional.empty() : Optional.of(PgSnapshots.checked(fingerprint, files, snapshotsWhere()));
    }

    @Override
    public String snapshotsWhere() {
        return PgSnapshots.WHERE;
    }

    private void readHead() throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM tianping_head WHERE id = 1")) {
            rs.next();
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
    }

    private static final int COLUMNS = 12;
    private static final String RECORD_COLUMNS = "seq, prev, hash, rule_set, input, source, case_id, uscc, decision_date, outcome, warning, line";

    /**
     * The statement for a group of {@code n}: the head update as a data-modifying CTE, the rows as one multi-row
     * VALUES, inserted only when the update returned the head row. Parameters: the new seq and hash and the
     * expected old seq and hash, then 12 per record (typed by casts: the driver may send strings and dates untyped). (Statement texts by group size are cached by the driver.)
     */
    static String groupSql(int n) {
        StringBuilder b = new StringBuilder(160 + n * 30);
        b.append("WITH head AS (UPDATE tianping_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ? AND hash = ? RETURNING seq) ")
                .append("INSERT INTO tianping_records (").append(RECORD_COLUMNS).append(") SELECT * FROM (VALUES ");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append("(?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::date, ?::text, ?::text, ?::bytea)");
        return b.append(") AS v (").append(RECORD_COLUMNS).append(") WHERE EXISTS (SELECT 1 FROM head)").toString();
    }

    private static void setHead(Connection writer, long seq, String hash) throws SQLException {
        try (PreparedStatement up = writer.prepareStatement("UPDATE tianping_head SET seq = ?, hash = ? WHERE id = 1")) {
            up.setLong(1, seq);
            up.setString(2, hash);
            up.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ins, byte[] line, Summary s, String input, String prev, String hash) throws SQLException {
        bind(ins, 1, line, s, input, prev, hash);
    }

    /** Binds one record's 12 columns from parameter {@code at} on, in {@link #RECORD_COLUMNS} order. */
    private static void bind(PreparedStatement ins, int at, byte[] line, Summary s, String input, String prev, String hash) throws SQLException {
        ins.setLong(at, s.seq());
        ins.setString(at + 1, prev);
        ins.setString(at + 2, hash);
        ins.setString(at + 3, s.ruleSet());
        ins.setString(at + 4, input);
        ins.setString(at + 5, s.source());
        ins.setString(at + 6, s.caseId());
        ins.setString(at + 7, s.uscc());
        if (s.decisionDate() == null) ins.setNull(at + 8, Types.DATE);
        else ins.setObject(at + 8, s.decisionDate());
        ins.setString(at + 9, s.outcome());
        ins.setString(at + 10, s.warning());
        ins.setBytes(at + 11, line);
    }

    /**
     * Appends record lines from a decisions.jsonl verbatim, continuing the store's chain: the first line must
     * follow the store's head (seq and prev), which for an empty store is the genesis. The caller verifies the
     * file's own chain first, and the snapshots ({@code snapshots}: fingerprint → every file of its folder), which
     * are stored first, in the same transaction; every record's rule set must then have its snapshot here (stored
     * before, or among them), else nothing is imported. It runs on a connection of its own, in one transaction.
     * @return records imported
     */
    long importLines(Path file, java.util.SortedMap<String, java.util.SortedMap<String, byte[]>> snapshots) throws IOException {
        long n = 0;
        // the whole log: sealed segments decompressed, then the active file
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(tianping.audit.LogSegments.plain(file), StandardCharsets.UTF_8), 1 << 16)) {
            // lines are byte-exact UTF-8 JSON: reading and re-encoding as UTF-8 gives back the same bytes
            try (Connection writer = DriverManager.getConnection(url)) {
                writer.setAutoCommit(false);
                try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM tianping_head WHERE id = 1 FOR UPDATE")) {
                    rs.next();
                    long seq = rs.getLong(1);
                    String prev = rs.getString(2);
                    for (var e : snapshots.entrySet()) PgSnapshots.store(writer, e.getKey(), e.getValue());
                    java.util.Set<String> present = new java.util.HashSet<>(PgSnapshots.fingerprints(writer));
                    try (PreparedStatement ins = writer.prepareStatement(INSERT)) {
                        String text;
                        while ((text = in.readLine()) != null) {
                            if (text.isEmpty()) continue;
                            byte[] line = text.getBytes(StandardCharsets.UTF_8);
                            LogRecord r = LogRecord.of(line);
                            LogRecord.Fields f = r.fields();
                            if (r.claimedHash() == null || !r.claimedHash().equals(r.actualHash())) {
                                throw new IOException("第 " + (n + 1) + " 行（#" + f.seq() + "）与其自身哈希不符");
                            }
                            if (f.seq() != seq + 1 || !prev.equals(f.prev())) {
                                throw new IOException("第 " + (n + 1) + " 行（#" + f.seq() + "）不接在决定库的链头（#" + seq + " " + prev + "）之后");
                            }
                            if (f.ruleSet() != null && !present.contains(f.ruleSet())) {
                                throw new IOException("第 " + (n + 1) + " 行（#" + f.seq() + "）所记规则集 " + tianping.read.Excerpt.of(f.ruleSet())
                                        + " 在所导入的目录与决定库中都没有快照（决定库中的每条决定都须能以其规则集重放）");
                            }
                            bind(ins, line, JsonlStore.summaryOf(line), f.input(), f.prev(), r.claimedHash());
                            ins.addBatch();
                            seq = f.seq();
                            prev = r.claimedHash();
                            if (++n % 1000 == 0) ins.executeBatch();
                        }
                        ins.executeBatch();
                    }
                    setHead(writer, seq, prev);
                    writer.commit();
                    archived.addAll(present);
                } catch (SQLException | IOException e) {
                    try {
                        writer.rollback();
                    } catch (SQLException ignored) {
                        // reported below
                    }
                    throw e instanceof IOException io ? io : new IOException("导入失败：" + e.getMessage(), e);
                }
            } catch (SQLException e) {
                throw new IOException("无法连接决定库：" + e.getMessage(), e);
            }
        }
        return n;
    }

    @Override
    public synchronized List<Summary> query(Query q) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT seq, case_id, uscc, decision_date, outcome, warning, rule_set, source FROM tianping_records WHERE seq > ? AND case_id IS NOT NULL");
        List<Object> args = new ArrayList<>();
        args.add(q.afterSeq());
        if (q.caseId() != null) { sql.append(" AND case_id = ?"); args.add(q.caseId()); }
        if (q.uscc() != null) { sql.append(" AND uscc = ?"); args.add(q.uscc()); }
        if (q.from() != null) { sql.append(" AND decision_date >= ?"); args.add(q.from()); }
        if (q.to() != null) { sql.append(" AND decision_date <= ?"); args.add(q.to()); }
        if (q.outcome() != null) { sql.append(" AND outcome = ?"); args.add(q.outcome()); }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(q.limit());
        try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<Summary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date d = rs.getDate(4);
                    out.add(new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), d == null ? null : d.toLocalDate(),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IOException("查询决定库失败：" + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<byte[]> record(long seq) throws IOException {
        try (PreparedStatement ps = reader.prepareStatement("SELECT line FROM tianping_records WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("读取决定库失败：" + e.getMessage(), e);
        }
    }

    @Override
    public void exportTo(Path file) throws IOException {
        export(file, null);
    }

    /**
     * What {@link #exportLog} wrote: snapshots written into the folder, those already there (left as they were),
     * and those refused (each problem located).
     */
    record Exported(List<String> written, List<String> present, List<String> refused) {
    }

    /**
     * The store as a decision-log folder: {@code dir/decisions.jsonl} (every record in seq order, byte for byte)
     * and {@code dir/rulesets/<hex>/} for every snapshot stored, as the command line's log has them, all from one
     * consistent view. A snapshot that no longer hashes to its fingerprint, or names a file outside its folder, is
     * not written (and named).
     */
    Exported exportLog(Path dir) throws IOException {
        return export(dir.resolve(tianping.audit.DecisionLog.FILE), new tianping.audit.SnapshotStore(dir));
    }

    private Exported export(Path file, tianping.audit.SnapshotStore folder) throws IOException {
        List<String> written = new ArrayList<>(), present = new ArrayList<>(), refused = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            c.setAutoCommit(false); // a cursor (fetch size) needs a transaction; REPEATABLE READ gives one consistent view
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement ps = c.prepareStatement("SELECT line FROM tianping_records ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.write(rs.getBytes(1));
                        out.write('\n');
                    }
                }
            }
            if (folder != null) {
                for (String fp : PgSnapshots.fingerprints(c)) {
                    try {
                        if (folder.restore(fp, PgSnapshots.read(c, fp), PgSnapshots.WHERE)) written.add(fp);
                        else present.add(fp);
                    } catch (tianping.law.RuleSetException e) {
                        e.errors().forEach(x -> refused.add(x.toString()));
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IOException("导出决定库失败：" + e.getMessage(), e);
        }
        return new Exported(written, present, refused);
    }

    /**
     * The chain, as {@link DecisionStore#verify}, and every snapshot the records name, as {@code log verify} checks a
     * log's folder: changed files named, a rule set neither bundled nor stored reported (its decisions cannot be
     * replayed).
     */
    Verifier.Result verifyWithSnapshots() throws IOException {
        Verifier.Result chain = verify();
        List<Verifier.Problem> problems = new ArrayList<>(chain.problems());
        try (Connection c = DriverManager.getConnection(url)) {
            c.setReadOnly(true);
            for (String fp : chain.ruleSets()) {
                java.util.SortedMap<String, byte[]> files = PgSnapshots.read(c, fp);
                List<String> found = new ArrayList<>();
                if (files != null) {
                    for (String name : files.keySet()) {
                        if (!tianping.audit.SnapshotStore.safeName(name)) found.add("快照 " + fp + " 中的文件名 " + tianping.read.Excerpt.of(name) + " 不是快照目录内的相对路径");
                    }
                }
                if (found.isEmpty()) found.addAll(tianping.audit.SnapshotStore.checkArchived(fp, files, PgSnapshots.WHERE));
                for (String p : found) problems.add(new Verifier.Problem(0, 0, "快照", p));
            }
        } catch (SQLException e) {
            throw new IOException("读取决定库失败：" + e.getMessage(), e);
        }
        return new Verifier.Result(chain.records(), chain.head(), problems, chain.ruleSets());
    }

    @Override
    public synchronized Verifier.Head head() throws IOException {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM tianping_head WHERE id = 1")) {
            rs.next();
            return new Verifier.Head(rs.getLong(1), rs.getString(2));
        } catch (SQLException e) {
            throw new IOException("读取决定库失败：" + e.getMessage(), e);
        }
    }

    @Override
    public void sync() {
        // every acknowledged record is committed already
    }

    @Override
    public String describe() {
        return "决定库 " + redact(url);
    }

    /** Waits for queued decisions to be written, then closes. */
    @Override
    public void close() throws IOException {
        closing = true;
        try {
            writerThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
            reader.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
