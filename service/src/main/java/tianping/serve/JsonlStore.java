package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.audit.DecisionLog;
import tianping.audit.LogRecord;
import tianping.audit.Verifier;
import tianping.cli.Json;
import tianping.engine.Decision;
import tianping.read.CaseFile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The decision log {@code DIR/decisions.jsonl} as the service's store: appends go through {@link DecisionLog}
 * (its lock, torn-tail repair and chain), and an in-memory index of every record's position and indexed fields,
 * built by reading the log once at start, answers the API's lookups. The service never seals the active file (its
 * index holds offsets into it); segments a batch sealed before are indexed by segment and read back decompressed.
 */
final class JsonlStore implements DecisionStore {

    /** @param segment the sealed segment holding the record, or null for the active file */
    private record Entry(Summary summary, tianping.audit.LogSegments.Segment segment, long offset, int length) {
    }

    private final Path dir;
    private final DecisionLog log;
    private final List<Entry> index = new ArrayList<>();

    JsonlStore(Path dir) throws IOException {
        this.dir = dir;
        this.log = DecisionLog.openUnsealed(dir);
        readIndex();
    }

    List<String> notices() {
        return log.notices();
    }

    private void readIndex() throws IOException {
        for (tianping.audit.LogSegments.Segment s : tianping.audit.LogSegments.sealed(log.file())) {
            try (InputStream in = new BufferedInputStream(new java.util.zip.GZIPInputStream(Files.newInputStream(s.file()), 1 << 16), 1 << 16)) {
                readIndex(in, s);
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log.file()), 1 << 20)) {
            readIndex(in, null);
        }
    }

    private void readIndex(InputStream in, tianping.audit.LogSegments.Segment segment) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 14);
        long offset = 0, start = 0;
        int b;
        while ((b = in.read()) >= 0) {
            offset++;
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            index.add(new Entry(summaryOf(bytes), segment, start, bytes.length));
            start = offset;
        }
    }

    /** The indexed fields of a record line (a repair record has only its seq). */
    static Summary summaryOf(byte[] line) throws IOException {
        LogRecord.Fields f = LogRecord.of(line).fields();
        if (f.decision() == null) return new Summary(f.seq(), null, null, null, null, null, f.ruleSet(), f.source());
        JsonNode d = Json.MAPPER.readTree(f.decision());
        List<String> outcomes = new ArrayList<>();
        d.path("outcome").forEach(o -> outcomes.add(o.asText()));
        String date = d.path("decisionDate").asText(null);
        return new Summary(f.seq(), d.path("caseId").asText(null), d.path("enterprise").path("uscc").asText(null),
                date == null ? null : LocalDate.parse(date), DecisionStore.topOutcome(outcomes),
                d.path("warning").isTextual() ? d.get("warning").asText() : null, f.ruleSet(), f.source());
    }

    /** A decision waiting to be chained in; {@code done} completes with its seq once its line is written. */
    private record Pending(CaseFile c, Decision d, String source, byte[] decisionJson, CompletableFuture<Long> done) {
    }

    private final Object queueLock = new Object();
    private List<Pending> queue = new ArrayList<>();
    private boolean writing;

    /**
     * Group commit: the first caller to find no writer at work writes every decision queued meanwhile (its own
     * among them) in one pass under the log's lock, then wakes each caller whose line is written; the others only
     * wait for their own. Under load the lock is taken once per group instead of once per request, so callers do
     * not queue up one scheduler wake-up at a time behind it. A caller returns only after its own line is in the file.
     */
    @Override
    public long append(CaseFile c, Decision d, String source, byte[] decisionJson) throws IOException {
        Pending mine = new Pending(c, d, source, decisionJson, new CompletableFuture<>());
        boolean lead;
        synchronized (queueLock) {
            queue.add(mine);
            lead = !writing;
            writing = true;
        }
        if (lead) {
            while (true) {
                List<Pending> group;
                synchronized (queueLock) {
                    if (queue.isEmpty()) {
                        writing = false;
                        break;
                    }
                    group = queue;
                    queue = new ArrayList<>();
                }
                write(group);
            }
        }
        try {
            return mine.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("等待决定记录写入时被中断", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Writes a group in queue order; a line that fails fails only its own caller. */
    private void write(List<Pending> group) {
        synchronized (log) {
            for (Pending p : group) {
                try {
                    long before = Files.size(log.file());
                    log.append(p.c(), p.d(), p.source(), p.decisionJson());
                    long seq = log.count();
                    long after = Files.size(log.file());
                    synchronized (index) {
                        index.add(new Entry(DecisionStore.summary(seq, p.d(), p.source()), null, before, (int) (after - before - 1)));
                    }
                    p.done().complete(seq);
                } catch (Throwable e) {
                    // every waiter must be woken, whatever went wrong with its line
                    p.done().completeExceptionally(e);
                }
            }
        }
    }

    @Override
    public List<Summary> query(Query q) {
        List<Summary> page = new ArrayList<>();
        synchronized (index) {
            for (Entry e : index) {
                if (e.summary().caseId() != null && q.matches(e.summary())) {
                    page.add(e.summary());
                    if (page.size() >= q.limit()) break;
                }
            }
        }
        return page;
    }

    @Override
    public Optional<byte[]> record(long seq) throws IOException {
        Entry e;
        synchronized (index) {
            // records are indexed in file order; seq n is normally at n-1, but a damaged log may differ
            e = seq >= 1 && seq <= index.size() && index.get((int) seq - 1).summary().seq() == seq ? index.get((int) seq - 1)
                    : index.stream().filter(x -> x.summary().seq() == seq).findFirst().orElse(null);
        }
        if (e == null) return Optional.empty();
        if (e.segment() != null) {
            try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(e.segment().file()), 1 << 16)) {
                in.skipNBytes(e.offset());
                return Optional.of(in.readNBytes(e.length()));
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(log.file().toFile(), "r")) {
            byte[] b = new byte[e.length()];
            f.seek(e.offset());
            f.readFully(b);
            return Optional.of(b);
        }
    }

    @Override
    public void exportTo(Path file) throws IOException {
        synchronized (log) {
            try (var out = Files.newOutputStream(file)) {
                tianping.audit.LogSegments.copyPlain(log.file(), out);
            }
        }
    }

    @Override
    public Verifier.Result verify() throws IOException {
        synchronized (log) {
            return Verifier.verify(log.file(), null);
        }
    }

    @Override
    public Verifier.Head head() {
        synchronized (log) {
            return new Verifier.Head(log.count(), log.head());
        }
    }

    @Override
    public void sync() {
        log.sync();
    }

    @Override
    public String describe() {
        return "决定记录 " + log.file();
    }

    Path dir() {
        return dir;
    }

    @Override
    public void archive(tianping.engine.RuleSet ruleSet) throws IOException {
        new tianping.audit.SnapshotStore(dir).ensure(ruleSet);
    }

    @Override
    public Optional<java.util.SortedMap<String, byte[]>> snapshot(String fingerprint) throws IOException, tianping.law.RuleSetException {
        java.util.SortedMap<String, byte[]> files = new tianping.audit.SnapshotStore(dir).archived(fingerprint);
        return files == null ? Optional.empty() : Optional.of(PgSnapshots.checked(fingerprint, files, snapshotsWhere()));
    }

    @Override
    public String snapshotsWhere() {
        return dir.resolve("rulesets").toString();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
