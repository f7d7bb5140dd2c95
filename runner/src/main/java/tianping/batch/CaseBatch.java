package tianping.batch;

import tianping.audit.DecisionLog;
import tianping.engine.Decider;
import tianping.read.CaseReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code batch}: a folder or JSON Lines file of cases → one line each in --out → the decision log; fresh, or
 * resumed after a kill ({@link Resume}). The command only parses its options and calls {@link #run}.
 */
public final class CaseBatch {

    /**
     * @param mode what may become of an existing --out: refused (FRESH), emptied (OVERWRITE) or continued (RESUME)
     */
    public record Options(Path input, Path out, int threads, OutFile.Mode mode) {
    }

    /** The decision log of a run: its folder (null when not logging) and how to open it. */
    public interface Log {
        Path dir();

        /** Opens the log (and archives the rule set); null when not logging. */
        DecisionLog open() throws IOException;
    }

    private final CaseStep step;

    public CaseBatch(CaseReader reader, Decider decider) {
        this.step = new CaseStep(reader, decider);
    }

    public Summary run(Options o, Log log, PrintWriter err) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path logFile = log.dir() == null ? null : log.dir().resolve(DecisionLog.FILE);
        OutFile.check(o.out(), List.of(o.input()), logFile, o.mode());
        Summary summary = new Summary();
        String input = o.input().toAbsolutePath().normalize().toString();
        String logDir = log.dir() == null ? null : log.dir().toAbsolutePath().normalize().toString();
        boolean resuming = o.mode() == OutFile.Mode.RESUME && Files.exists(o.out());
        Map<String, byte[]> logged = Map.of();
        try (CaseEntries entries = new CaseEntries(o.input())) {
            if (resuming) {
                Resume.Marker m = Resume.readMarker(o.out());
                if (!m.input().equals(input)) {
                    throw new UsageException("--resume：" + o.out() + " 是输入 " + m.input() + " 的结果，不是 " + input + " 的");
                }
                if (!java.util.Objects.equals(m.log(), logDir)) {
                    throw new UsageException("--resume：被中断的批量核查的决定记录为 " + (m.log() == null ? "（不记录）" : m.log())
                            + "，续跑须用同一个（--log " + (m.log() == null ? "改为 --no-log" : m.log()) + "）");
                }
                Resume.Written written = Resume.written(o.out(), summary);
                // the lines written are the first entries of the input, in order: skip them, checking they are
                int index = 0;
                for (String source : written.sources()) {
                    index++;
                    String next = entries.hasNext() ? entries.next().source() : null;
                    if (!source.equals(next)) {
                        throw new UsageException("--resume：" + o.out() + " 中的结果 " + source + " 与输入的第 " + index
                                + " 个案件 " + next + " 不对应（输入在中断后被改动？）；重新核查请加 --overwrite");
                    }
                }
                logged = Resume.logged(logFile, m.logOffset(), new HashSet<>(written.sources()));
                err.printf("续跑：%s 已有 %,d 行结果，决定记录中另有 %,d 个已作出、未写出的决定，其余案件继续核查%n", o.out(),
                        written.sources().size(), logged.size());
            }
            try (DecisionLog decisions = log.open()) {
                if (!resuming) {
                    long offset = logFile == null ? 0 : tianping.audit.LogSegments.plainSize(logFile);
                    Resume.writeMarker(o.out(), new Resume.Marker(input, logDir, offset));
                }
                try (Pipeline pipeline = new Pipeline(o.threads());
                     OutputSink sink = resuming ? JsonLinesFile.append(o.out()) : JsonLinesFile.create(o.out())) {
                    pipeline.run(entries, fromLog(logged), sink, decisions, summary, err);
                }
            }
            if (!entries.skipped().isEmpty()) {
                err.println("跳过非案件文件 " + entries.skipped().size() + " 个（只读取 .json 与 .jsonl，不读 *.decision.json 与 *.expected.json）"
                        + (entries.skipped().size() <= 5 ? "：" + entries.skipped() : ""));
            }
        }
        summary.print(err, (System.nanoTime() - start) / 1e9, o.out());
        return summary;
    }

    /** The case step, except that a case the log already decided gets its line from the log record. */
    private Step<CaseEntry> fromLog(Map<String, byte[]> logged) {
        if (logged.isEmpty()) return step;
        return new Step<>() {
            @Override
            public Outcome apply(CaseEntry entry) {
                byte[] decision = logged.get(entry.source());
                if (decision == null) return step.apply(entry);
                String caseId;
                try {
                    caseId = Lines.MAPPER.readTree(decision).path("caseId").asText(null);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return Outcome.of(OutputLine.decided(entry.source(), caseId, decision));
            }

            @Override
            public String source(CaseEntry entry) {
                return entry.source();
            }
        };
    }
}
