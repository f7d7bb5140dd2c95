package tianping.batch;

import tianping.engine.Decider;
import tianping.law.LawBook;
import tianping.power.derive.PowerDerivation;
import tianping.power.episodes.Thresholds;
import tianping.power.readings.Grid;
import tianping.power.readings.RowDigest;
import tianping.power.readings.SeriesBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The one place the Flink job touches {@code power-batch}'s code: the steps of {@link PowerBatch} for a single
 * enterprise (check its register line, give it a grid, decide it, word the lines for unregistered readings and
 * unreadable rows), so the job's lines are power-batch's own, byte for byte. It lives in {@code tianping.batch}
 * (in the flink module) because those steps are package-private there: the pipeline's own API stays small.
 */
public final class PowerBatchSteps {

    /** One register line, checked as power-batch checks it. */
    public static final class Registered {
        private final PowerBatch.Entry entry;

        private Registered(PowerBatch.Entry entry) {
            this.entry = entry;
        }

        public String uscc() {
            return entry.uscc;
        }

        public long line() {
            return entry.line;
        }

        public String caseId() {
            return entry.caseId;
        }

        /** Null when the line was rejected (its decision line then says why). */
        public tianping.power.derive.PowerSection section() {
            return entry.errors.isEmpty() ? entry.section : null;
        }
    }

    /**
     * One output line of power-batch, and when the enterprise was decided, what the decision log records
     * (fingerprints, the case as canonical JSON and the decision), so a sink elsewhere can chain it in.
     */
    public record Decided(String status, String json, String ruleSet, String input, String engine, String source,
                          byte[] canonicalInput, byte[] decision) {
    }

    private final PowerBatch batch;
    private final PowerBatch.Options options;
    private final Thresholds thresholds;
    private final Grid grid;
    private final LawBook law;
    private final java.util.function.UnaryOperator<SeriesBuilder> plausible;

    /**
     * @param enterprises the register's path as power-batch is given it (decisions name it as their source)
     * @param readings    the readings file's path as power-batch is given it
     */
    public PowerBatchSteps(Decider decider, Path enterprises, Path readings, LocalDate date) {
        this.batch = new PowerBatch(decider);
        this.options = new PowerBatch.Options(enterprises, readings, date, null, 1, null);
        this.law = decider.ruleSet().law().book();
        this.thresholds = Thresholds.in(law, date);
        this.grid = Grid.between(date.atStartOfDay(), date.plusDays(1).atStartOfDay(), thresholds.intervalMinutes());
        this.plausible = PowerDerivation.plausibility(law, date);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Grid grid() {
        return grid;
    }

    public LawBook law() {
        return law;
    }

    /** Where power-batch locates an enterprise's line: "register:N". */
    public String where(Registered r) {
        return options.enterprises() + ":" + r.entry.line;
    }

    /** Checks one register line (its JSON as in the file) exactly as power-batch's register step does. */
    public Registered register(long line, byte[] json) {
        PowerBatch.Entry e = new PowerBatch.Entry(line, json);
        PowerBatch.check(e, options.enterprises().toString(), grid);
        if (e.uscc != null) e.uscc = e.uscc.intern();
        return new Registered(e);
    }

    /** A fresh grid for an accepted enterprise (null for a rejected one: its readings are not used). */
    public SeriesBuilder builder(Registered r) {
        if (r.section() == null) return null;
        SeriesBuilder b = plausible.apply(new SeriesBuilder(r.entry.uscc, r.entry.section.channels(), grid));
        b.file(options.readings().getFileName().toString());
        return b;
    }

    /**
     * Derives and decides one enterprise from its filled grid, as power-batch does: its output line.
     *
     * @param rows the enterprise's rows in the order they came (the fingerprint its derivedFrom names)
     */
    public Decided decide(Registered r, SeriesBuilder builder, RowDigest rows) {
        PowerBatch.Entry e = new PowerBatch.Entry(r.entry.line, r.entry.json);
        e.uscc = r.entry.uscc;
        e.caseId = r.entry.caseId;
        e.section = r.entry.section;
        e.errors.addAll(r.entry.errors);
        e.builder = builder;
        e.rows = rows;
        return decided(batch.decide(e, options, thresholds, options.readings().getFileName().toString()), where(r));
    }

    /**
     * power-batch's line for a register line that repeats an enterprise already registered: the later line is
     * rejected (its readings count for the first), with its own errors, if any, before the repetition.
     */
    public String duplicate(long line, byte[] json) {
        PowerBatch.Entry e = new PowerBatch.Entry(line, json);
        PowerBatch.check(e, options.enterprises().toString(), grid);
        e.errors.add(new tianping.read.CaseError(options.enterprises() + ":" + line, "$.enterprise.uscc", "case_value_error",
                "企业 " + e.uscc + " 在企业名录中重复"));
        e.builder = null;
        return decided(batch.decide(e, options, thresholds, options.readings().getFileName().toString()), where(new Registered(e))).json();
    }

    /** An outcome of the batch pipeline as a line, and what the decision log records when it is a decision made now. */
    static Decided decided(Outcome out, String source) {
        String json = new String(out.json(), StandardCharsets.UTF_8);
        String status = out.line().status();
        if (out.decision() == null) return new Decided(status, json, null, null, null, null, null, null);
        return new Decided(status, json, out.decision().fingerprints().ruleSet(), out.caseFile().inputFingerprint(),
                out.decision().fingerprints().engine(), source, out.caseFile().canonicalInput().getBytes(StandardCharsets.UTF_8),
                out.decisionJson());
    }

    /** power-batch's line for readings of an enterprise the register does not have. */
    public String unregistered(String uscc, int readings) {
        PowerBatch.Feed feed = new PowerBatch.Feed(Map.of(), options.readings().toString());
        feed.unregistered.put(uscc, readings);
        return lines(feed).get(0);
    }

    /** power-batch's line for the rows that could not be read, or null when there were none. */
    public String feedError(List<Long> lines, List<String> messages) {
        PowerBatch.Feed feed = new PowerBatch.Feed(Map.of(), options.readings().toString());
        for (int i = 0; i < messages.size(); i++) feed.malformed(lines.get(i), messages.get(i));
        List<String> out = lines(feed);
        return out.isEmpty() ? null : out.get(0);
    }

    private List<String> lines(PowerBatch.Feed feed) {
        return feed.report(options.readings().toString()).stream()
                .map(e -> new String(Lines.bytes(e.ready), StandardCharsets.UTF_8)).toList();
    }

    /**
     * power-batch itself over the same files (the bench's and the tests' baseline), decisions recorded in the
     * log at {@code logDir} when given: returns its seconds.
     */
    public static double batch(Decider decider, Path enterprises, Path readings, LocalDate date, Path out, int threads, Path logDir)
            throws IOException, InterruptedException {
        try (tianping.audit.DecisionLog log = logDir == null ? null : tianping.audit.DecisionLog.open(logDir)) {
            return new PowerBatch(decider).run(new PowerBatch.Options(enterprises, readings, date, out, threads, log),
                    new java.io.PrintWriter(java.io.PrintWriter.nullWriter())).seconds();
        }
    }
}
