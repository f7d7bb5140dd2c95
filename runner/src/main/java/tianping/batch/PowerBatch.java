package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.audit.DecisionLog;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.law.LawBook;
import tianping.power.derive.DerivedFrom;
import tianping.power.derive.PowerAnalysis;
import tianping.power.derive.PowerDerivation;
import tianping.power.derive.PowerSection;
import tianping.power.episodes.Anomaly;
import tianping.power.episodes.Thresholds;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Grid;
import tianping.power.readings.ReadingVisitor;
import tianping.power.readings.ReadingsRelay;
import tianping.power.readings.RowDigest;
import tianping.power.readings.SeriesBuilder;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A province-day of power readings decided enterprise by enterprise. The feed is read once in whatever order it
 * comes (a polling platform exports it tick by tick, not grouped by enterprise): each reading goes straight to
 * its slot on its enterprise's grid, so the grid is the sort, in linear time, and memory is bounded by
 * channels × 96 slots, not by the file. Then each enterprise is derived (signals → episodes → findings) and,
 * if it has findings, decided by the rules, in parallel, written in register order, its grid released.
 * Every enterprise of the register ends as decided, clean, clues or rejected; readings of enterprises not in the
 * register and rows that cannot be read are reported, not dropped silently. Lines go through the one
 * {@link Pipeline}, as {@link OutputLine}s with the enterprise's fields beside the status.
 */
public final class PowerBatch {

    /** @param log where decisions are recorded (as check and batch record theirs), or null */
    public record Options(Path enterprises, Path readings, LocalDate date, Path out, int threads, DecisionLog log) {
    }

    /**
     * @param summary     the counts of the lines (input = decided + no violation (clean, clues) + rejected)
     * @param feedSeconds reading the register and the feed onto the grids; the rest is deriving and deciding
     */
    public record Report(Summary summary, long rows, int enterprises, Map<String, Integer> unregistered,
                         long malformed, double feedSeconds, double seconds) {
        /** Lines per status. */
        public Map<String, Long> statuses() {
            return summary.statuses();
        }
    }

    /** One enterprise of the register, from its JSON line to its grid; or a line already made (feed reports). */
    static final class Entry {
        final long line;
        final byte[] json;
        OutputLine ready;
        String uscc;
        String caseId;
        PowerSection section;
        SeriesBuilder builder;
        /** The enterprise's rows of the feed as they stand in the file: its decisions' derivedFrom. */
        RowDigest rows;
        final List<CaseError> errors = new ArrayList<>();

        Entry(long line, byte[] json) {
            this.line = line;
            this.json = json;
        }
    }

    private final Decider decider;
    private final LawBook law;
    private final CaseReader reader;

    public PowerBatch(Decider decider) {
        this.decider = decider;
        this.law = decider.ruleSet().law().book();
        this.reader = new CaseReader(law, List.of());
    }

    public Report run(Options o, PrintWriter progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Thresholds t = Thresholds.in(law, o.date());
        try (Pipeline pipeline = new Pipeline(o.threads())) {
            return run(o, t, pipeline, progress, start);
        }
    }

    /**
     * The grids of the enterprises the register accepts, filled from the feed exactly as {@link #run} fills them:
     * where the bench's naive baseline starts.
     */
    public List<SeriesBuilder> grids(Options o) throws IOException, InterruptedException {
        try (Pipeline pipeline = new Pipeline(o.threads())) {
            List<SeriesBuilder> builders = new ArrayList<>();
            for (Entry e : load(o, Thresholds.in(law, o.date()), pipeline.pool(), new PrintWriter(PrintWriter.nullWriter())).entries()) {
                if (e.builder != null && e.errors.isEmpty()) builders.add(e.builder);
            }
            return builders;
        }
    }

    private record Loaded(List<Entry> entries, Feed feed) {
    }

    /** The register read, each enterprise given its columns of the grid, and the feed routed onto them. */
    private Loaded load(Options o, Thresholds t, ExecutorService pool, PrintWriter progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Grid grid = Grid.between(o.date().atStartOfDay(), o.date().plusDays(1).atStartOfDay(), t.intervalMinutes());
        // the feed is parsed on a thread of its own from now on, while the register is read and then while its rows
        // are routed onto the grids here: the two halves of the feed's work overlap on two cores
        try (InputStream in = new BufferedInputStream(Files.newInputStream(o.readings()), 1 << 16);
             ReadingsRelay relay = ReadingsRelay.start(in)) {
            List<Entry> entries = register(o.enterprises(), grid, o.readings().getFileName().toString(), pool);
            progress.printf("企业名录 %,d 家已读入（%.2f 秒）%n", entries.size(), (System.nanoTime() - start) / 1e9);
            Feed feed = feed(entries, o);
            relay.drainTo(feed);
            return new Loaded(entries, feed);
        }
    }

    /** The feed's router onto the grids of the registered enterprises; a USCC listed twice rejects the second. */
    private static Feed feed(List<Entry> entries, Options o) {
        Map<String, Entry> byUscc = new HashMap<>();
        for (Entry e : entries) {
            if (e.uscc == null) continue;
            if (byUscc.putIfAbsent(e.uscc, e) != null) {
                e.errors.add(new CaseError(o.enterprises() + ":" + e.line, "$.enterprise.uscc", "case_value_error", "企业 " + e.uscc + " 在企业名录中重复"));
            }
        }
        return new Feed(byUscc, o.readings().getFileName().toString());
    }

    private Report run(Options o, Thresholds t, Pipeline pipeline, PrintWriter progress, long start)
            throws IOException, InterruptedException {
        String readingsName = o.readings().getFileName().toString();
        Loaded loaded = load(o, t, pipeline.pool(), progress);
        List<Entry> entries = loaded.entries();
        Feed feed = loaded.feed();
        double feedSeconds = (System.nanoTime() - start) / 1e9;
        progress.printf("读数 %,d 行已归入 %,d 家企业的采样网格（%.2f 秒）%n", feed.rows, entries.size(), feedSeconds);
        progress.flush();
        int registered = entries.size();
        entries.addAll(feed.report(o.readings().toString()));
        Step<Entry> step = new Step<>() {
            @Override
            public Outcome apply(Entry e) {
                return e.ready != null ? Outcome.of(e.ready) : decide(e, o, t, readingsName);
            }

            @Override
            public String source(Entry e) {
                return o.enterprises() + ":" + e.line;
            }
        };
        Summary summary = new Summary();
        try (OutputSink sink = JsonLinesFile.create(o.out())) {
            pipeline.run(releasing(entries), step, sink, o.log(), summary, progress);
        }
        return new Report(summary, feed.rows, registered, feed.unregistered, feed.malformed, feedSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** The entries in order, each let go once handed out, so a decided enterprise's grid can be collected. */
    private static Iterator<Entry> releasing(List<Entry> entries) {
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public Entry next() {
                if (!hasNext()) throw new NoSuchElementException();
                Entry e = entries.get(next);
                entries.set(next++, null);
                return e;
            }
        };
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads the enterprise register: one case skeleton per line, its "power" section checked now, the lines
     * checked in parallel (a province register is thousands of JSON documents). Then every enterprise gets its
     * columns of one slab for the feed.
     */
    private List<Entry> register(Path path, Grid grid, String readingsName, ExecutorService pool) throws IOException, InterruptedException {
        List<Entry> entries = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(path);
        long line = 0;
        for (int from = 0; from < bytes.length; ) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') to++;
            line++;
            int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
            if (!blank(bytes, from, end)) entries.add(new Entry(line, Arrays.copyOfRange(bytes, from, end)));
            from = to + 1;
        }
        List<Future<?>> done = new ArrayList<>();
        int parts = Math.max(1, Math.min(8, entries.size() / 64));
        for (int k = 0; k < parts; k++) {
            int part = k;
            done.add(pool.submit(() -> {
                for (int i = part; i < entries.size(); i += parts) check(entries.get(i), path.toString(), grid);
            }));
        }
        for (Future<?> f : done) get(f);
        int columns = 0;
        for (Entry e : entries) if (e.section != null) columns += e.section.channels().size();
        SeriesBuilder.Slab slab = new SeriesBuilder.Slab(grid, columns);
        var plausible = PowerDerivation.plausibility(law, grid.start().toLocalDate());
        int base = 0;
        for (Entry e : entries) {
            if (e.section == null) continue;
            e.builder = plausible.apply(new SeriesBuilder(e.uscc, e.section.channels(), grid, slab, base));
            e.builder.file(readingsName);
            e.rows = new RowDigest();
            base += e.section.channels().size();
        }
        return entries;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    static void check(Entry e, String file, Grid grid) {
        String where = file + ":" + e.line;
        try {
            JsonNode tree = CaseReader.parse(where, e.json);
            e.uscc = tree.path("enterprise").path("uscc").asText(null);
            e.caseId = tree.path("caseId").asText(null);
            if (e.uscc == null) {
                e.errors.add(new CaseError(where, "$.enterprise.uscc", "case_schema_error", "缺少必填字段“uscc”"));
                return;
            }
            e.uscc = e.uscc.intern(); // the feed's ids are interned: found by identity
            PowerSection section = PowerSection.read(where, tree, false);
            if (!section.from().equals(grid.start()) || !section.to().equals(grid.end())) {
                e.errors.add(new CaseError(where, "$.power.period", "case_value_error", "分析期间应为 " + grid.start()
                        + " 至 " + grid.end() + "（--date 指定的自然日）"));
                return;
            }
            e.section = section;
        } catch (CaseRejected ex) {
            e.errors.addAll(ex.errors());
        }
    }

    Outcome decide(Entry e, Options o, Thresholds t, String readingsName) {
        String where = o.enterprises() + ":" + e.line;
        String readings = null;
        List<Episode> episodes = null;
        try {
            if (!e.errors.isEmpty()) throw new CaseRejected(e.errors);
            if (e.builder.problemCount() > 0) {
                List<CaseError> errors = new ArrayList<>();
                e.builder.problems().forEach(p -> errors.add(new CaseError(o.readings().toString(), p.where(), p.code(), p.message())));
                if (e.builder.problemCount() > errors.size()) {
                    errors.add(new CaseError(o.readings().toString(), readingsName, "reading_malformed", "另有 "
                            + (e.builder.problemCount() - errors.size()) + " 处读数问题未列出"));
                }
                throw new CaseRejected(errors);
            }
            EnterpriseSeries series = e.builder.build();
            e.builder = null;
            readings = series.stats().describe();
            PowerAnalysis.Result result = PowerAnalysis.analyze(where, e.section, series, t, law);
            episodes = new ArrayList<>();
            for (Anomaly a : result.anomalies()) episodes.add(episode(a, series));
            if (result.findings().isEmpty()) {
                return Outcome.of(line(e, where, result.anomalies().isEmpty() ? Status.CLEAN : Status.CLUES, readings, episodes, null, null));
            }
            ObjectNode tree = (ObjectNode) CaseReader.parse(where, e.json);
            PowerDerivation.append(where, tree, result, List.of(new DerivedFrom(readingsName + "#" + e.uscc, e.rows.sha256())));
            CaseFile c = reader.read(where, tree, o.enterprises().toAbsolutePath().getParent());
            Decision d = decider.decide(where, c);
            byte[] decisionJson = Lines.bytes(d);
            return Outcome.decided(line(e, where, Status.DECIDED, readings, episodes, new RawJson(decisionJson), null), c, d, decisionJson);
        } catch (CaseRejected ex) {
            return Outcome.of(line(e, where, Status.REJECTED, readings, episodes, null, CaseStep.errors(ex.errors())));
        } catch (RuntimeException ex) {
            return Outcome.of(line(e, where, Status.ERROR, readings, episodes, null,
                    List.of(new BatchError(where, "$", "internal_error", String.valueOf(ex)))));
        }
    }

    private static OutputLine line(Entry e, String where, String status, String readings, List<Episode> episodes,
                                   RawJson decision, List<BatchError> errors) {
        return new OutputLine(where, status, e.caseId, e.uscc, e.line, readings, episodes, decision, errors);
    }

    private static Episode episode(Anomaly a, EnterpriseSeries series) {
        return new Episode(a.kind().name(), series.channel(a.subject()).id(), series.grid().timeOf(a.from()).toString(),
                series.grid().timeOf(a.to()).toString(), !a.live(), a.clue(), a.live() ? a.evidence() : a.suppressed() + "；" + a.evidence());
    }

    /** A row of the feed that cannot be read: where (readings.csv:line) and why. */
    private record Malformed(String path, String message) {
    }

    /** Routes each reading of the feed to its enterprise's grid; counts what belongs to no registered enterprise. */
    static final class Feed implements ReadingVisitor {
        private static final int KEPT = 1000;
        final Map<String, Entry> byUscc;
        final Map<String, Integer> unregistered = new LinkedHashMap<>();
        final List<Malformed> malformedExamples = new ArrayList<>();
        final String file;
        long rows;
        long malformed;
        private String lastUscc;
        private Entry last;

        Feed(Map<String, Entry> byUscc, String file) {
            this.byUscc = byUscc;
            this.file = file;
        }

        /** Readings come with their rows ({@link ReadingsRelay}, {@link tianping.power.readings.ReadingsCsv}): the rows are hashed. */
        @Override
        public void reading(String enterprise, String channel, long minute, double kw, long line) {
            throw new IllegalStateException("power-batch's feed fingerprints each enterprise's rows: it needs the row's bytes");
        }

        @Override
        public void reading(String enterprise, String channel, long minute, double kw, long line, byte[] row, int from, int to) {
            rows++;
            Entry e;
            if (enterprise == lastUscc) {
                e = last;
            } else {
                e = byUscc.get(enterprise);
                lastUscc = enterprise;
                last = e;
            }
            if (e == null) {
                if (unregistered.size() < KEPT || unregistered.containsKey(enterprise)) unregistered.merge(enterprise, 1, Integer::sum);
                return;
            }
            if (e.builder != null) { // none: rejected, its line says why
                e.builder.add(channel, minute, kw, 0, line);
                e.rows.add(row, from, to);
            }
        }

        @Override
        public void malformed(long line, String message) {
            rows++;
            malformed++;
            if (malformedExamples.size() < 20) malformedExamples.add(new Malformed(file + ":" + line, "第 " + line + " 行：" + message));
        }

        /** Output lines for readings that belong to no enterprise of the register, and for rows that cannot be read. */
        List<Entry> report(String file) {
            List<Entry> out = new ArrayList<>();
            unregistered.forEach((uscc, n) -> out.add(ready(new OutputLine(file, Status.UNREGISTERED, null, uscc, null, null, null, null,
                    List.of(new BatchError(file, null, "unknown_enterprise", "读数文件中有该企业的 " + n + " 个读数，但企业名录中没有该企业"))))));
            if (malformed > 0) {
                List<BatchError> errors = new ArrayList<>();
                malformedExamples.forEach(m -> errors.add(new BatchError(file, m.path(), "reading_malformed", m.message())));
                if (malformed > malformedExamples.size()) {
                    errors.add(new BatchError(file, null, "reading_malformed", "另有 " + (malformed - malformedExamples.size()) + " 行无法读取"));
                }
                out.add(ready(new OutputLine(file, Status.FEED_ERROR, null, null, null, null, null, null, errors)));
            }
            return out;
        }

        private static Entry ready(OutputLine line) {
            Entry e = new Entry(0, null);
            e.ready = line;
            return e;
        }
    }
}
