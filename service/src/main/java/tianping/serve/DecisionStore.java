package tianping.serve;

import tianping.audit.Verifier;
import tianping.engine.Decision;
import tianping.read.CaseFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where the service records decisions: the JSONL decision log ({@link JsonlStore}, the default) or PostgreSQL
 * ({@link PgStore}). Both hold the very same hash-chained {@code LogRecord} lines, so the log's verifier and
 * replayer work on either; a store adds the lookups the API offers. Each also keeps the snapshot of every rule set
 * its records name ({@link #archive}, {@link #snapshot}): the log in its {@code rulesets/} folder, PostgreSQL in its
 * own tables ({@link PgSnapshots}), so either replays its decisions from what it holds alone.
 */
public interface DecisionStore extends AutoCloseable {

    /** Chains in one decision; returns once the record is written (for PostgreSQL: committed). @return its seq */
    long append(CaseFile c, Decision d, String source, byte[] decisionJson) throws IOException;

    /** Decisions matching a query, in seq order, one page. */
    List<Summary> query(Query q) throws IOException;

    /** The record line with this seq, verbatim. */
    Optional<byte[]> record(long seq) throws IOException;

    /** Every record line in seq order, written as a decisions.jsonl file (verify, replay and export read it). */
    void exportTo(Path file) throws IOException;

    /** Checks the chain with the log's own verifier. */
    default Verifier.Result verify() throws IOException {
        Path tmp = java.nio.file.Files.createTempFile("tianping-verify", ".jsonl");
        try {
            exportTo(tmp);
            return Verifier.verify(tmp, null);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /**
     * Keeps the snapshot of a rule set, once per fingerprint, before any decision made with it is appended: the
     * service archives each rule set it loads before it decides with it. PostgreSQL refuses to record a decision
     * naming a rule set it has not archived.
     */
    void archive(tianping.engine.RuleSet ruleSet) throws IOException;

    /**
     * The snapshot of a rule set as this store keeps it — every file of its {@code rulesets/<hex>/} folder by
     * relative path, {@code MANIFEST}, {@code ENGINE} and {@code rules.sig} among them — checked against the
     * fingerprint; empty when there is none.
     *
     * @throws tianping.law.RuleSetException when its files no longer hash to the fingerprint (or, read from a
     *                                       database, a name is no plain relative path): each problem named
     */
    Optional<SortedMap<String, byte[]>> snapshot(String fingerprint) throws IOException, tianping.law.RuleSetException;

    /** Where this store's snapshots are, in messages. */
    String snapshotsWhere();

    /** The rule sets this store keeps, for replaying its records: a missing one is {@code snapshot_missing}. */
    default tianping.audit.Replayer.Snapshots snapshots() {
        return (fingerprint, trust) -> {
            SortedMap<String, byte[]> files = snapshot(fingerprint).orElseThrow(() -> new tianping.law.RuleSetException(List.of(
                    new tianping.law.TableError(snapshotsWhere(), 0, "snapshot_missing", "没有规则集快照 " + fingerprint))));
            return tianping.audit.SnapshotStore.compile(fingerprint, files, snapshotsWhere(), trust);
        };
    }

    /** Records in the store and the hash of the last. */
    Verifier.Head head() throws IOException;

    /** Forces what was written to durable storage. */
    void sync() throws IOException;

    /** What the store is, for /health and messages. */
    String describe();

    @Override
    void close() throws IOException;

    /** The indexed columns of one decision record. @param outcome the first outcome without its amount */
    record Summary(long seq, String caseId, String uscc, LocalDate decisionDate, String outcome, String warning,
                   String ruleSet, String source) {
    }

    /** A query: null fields match anything; {@code from}/{@code to} bound the decision date, inclusive. */
    record Query(String caseId, String uscc, LocalDate from, LocalDate to, String outcome, long afterSeq, int limit) {
        boolean matches(Summary s) {
            return s.seq() > afterSeq && (caseId == null || caseId.equals(s.caseId())) && (uscc == null || uscc.equals(s.uscc()))
                    && (outcome == null || outcome.equals(s.outcome()))
                    && (from == null || (s.decisionDate() != null && !s.decisionDate().isBefore(from)))
                    && (to == null || (s.decisionDate() != null && !s.decisionDate().isAfter(to)));
        }
    }

    /** The first outcome of a decision with its amount cut off ("罚款 50,000 元" → "罚款"), as batch counts them. */
    static String topOutcome(List<String> outcomes) {
        return outcomes == null || outcomes.isEmpty() ? null : outcomes.get(0).replaceAll(" [\\d,.]+ 元$", "");
    }

    static Summary summary(long seq, Decision d, String source) {
        return new Summary(seq, d.caseId(), d.enterprise() == null ? null : d.enterprise().uscc(), d.decisionDate(),
                topOutcome(d.outcome()), d.warning(), d.fingerprints().ruleSet(), source);
    }
}
