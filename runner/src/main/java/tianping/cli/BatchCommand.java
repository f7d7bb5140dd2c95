package tianping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.audit.DecisionLog;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.NoViolationFound;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@Command(name = "batch", description = "批量核查：目录（*.json、*.jsonl）或 JSON Lines 文件，每个案件输出一行结果。")
final class BatchCommand implements Callable<Integer> {

    private static final int CHUNK = 512;

    @Parameters(paramLabel = "INPUT", description = "案件目录，或 .jsonl 文件（每行一个案件），或单个 .json 文件")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "结果文件（JSON Lines）：每个输入案件一行，status 为 decided（含 decision）、no_violation（原始数据未显示违法，含数据所示）或 rejected（含 errors），顺序同输入")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "并行线程数（缺省为 CPU 核数）")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    RuleSetOption rules;

    @Mixin
    LogOption log;

    @Mixin
    DataRootOption dataRoot;

    @Spec
    CommandSpec spec;

    /** One output line. */
    record Outcome(String source, String status, String caseId, Decision decision, List<Map<String, String>> errors) {
    }

    /** An outcome and its JSON line, written by the worker that decided it, with what the log needs. */
    private record Line(Outcome outcome, CaseFile caseFile, byte[] decisionJson, byte[] json) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RuleSet ruleSet = rules.load();
        Decider decider = new Decider(ruleSet);
        CaseReader reader = new CaseReader(ruleSet.law().book());
        Tally tally = new Tally();
        long start = System.nanoTime();
        long lastProgress = start;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (CaseSource source = new CaseSource(input);
             OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             DecisionLog decisions = log.open(ruleSet, err)) {
            // one chunk is decided while the one before is written: the workers never wait for the writer
            List<Future<Line>> pending = submit(source, reader, decider, pool);
            long lastSync = System.nanoTime();
            while (!pending.isEmpty()) {
                List<Future<Line>> next = submit(source, reader, decider, pool);
                for (Future<Line> f : pending) {
                    Line line = f.get();
                    tally.add(line.outcome());
                    if (decisions != null && line.caseFile() != null) {
                        decisions.append(line.caseFile(), line.outcome().decision(), line.outcome().source(), line.decisionJson());
                    }
                    w.write(line.json());
                    w.write('\n');
                }
                pending = next;
                long now = System.nanoTime();
                if (decisions != null && now - lastSync > 1_000_000_000L) {
                    decisions.sync();
                    lastSync = now;
                }
                if (now - lastProgress > 1_000_000_000L) {
                    lastProgress = now;
                    err.printf("已处理 %,d 件（作出处理意见 %,d，拒绝 %,d），%,.0f 件/秒%n", tally.total, tally.decided,
                            tally.rejected, tally.total / ((now - start) / 1e9));
                    err.flush();
                }
            }
            if (!source.skipped().isEmpty()) {
                err.println("跳过非案件文件 " + source.skipped().size() + " 个（只读取 .json 与 .jsonl，不读 *.decision.json 与 *.expected.json）"
                        + (source.skipped().size() <= 5 ? "：" + source.skipped() : ""));
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        tally.print(err, seconds, out);
        if (tally.internal > 0) return ExitCode.INTERNAL_ERROR;
        return tally.rejected > 0 ? ExitCode.CASE_REJECTED : ExitCode.OK;
    }

    private static List<Future<Line>> submit(CaseSource source, CaseReader reader, Decider decider, ExecutorService pool) {
        List<Future<Line>> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < CHUNK && source.hasNext(); i++) {
            CaseSource.Input in = source.next();
            chunk.add(pool.submit(() -> line(reader, decider, in)));
        }
        return chunk;
    }

    /**
     * Decides one input and renders its output line; a decided line embeds the decision's JSON bytes as they are
     * also logged, so the decision is serialised once.
     */
    private static Line line(CaseReader reader, Decider decider, CaseSource.Input in) throws java.io.IOException {
        String caseId = null;
        Outcome o;
        try {
            JsonNode tree = CaseReader.parse(in.source(), in.json().getBytes(StandardCharsets.UTF_8));
            if (tree.path("caseId").isTextual()) caseId = tree.get("caseId").asText();
            CaseFile c = reader.read(in.source(), tree, in.baseDir());
            Decision d = decider.decide(in.source(), c);
            byte[] decision = Json.bytes(d);
            var head = new java.io.ByteArrayOutputStream(decision.length + 256);
            head.writeBytes(("{\"source\":" + Json.write(in.source()) + ",\"status\":\"decided\",\"caseId\":" + Json.write(d.caseId())
                    + ",\"decision\":").getBytes(StandardCharsets.UTF_8));
            head.writeBytes(decision);
            head.write('}');
            return new Line(new Outcome(in.source(), "decided", d.caseId(), d, null), c, decision, head.toByteArray());
        } catch (NoViolationFound e) {
            o = noViolation(in.source(), caseId, e);
        } catch (CaseRejected e) {
            o = new Outcome(in.source(), "rejected", caseId, null, e.errors().stream().map(BatchCommand::error).toList());
        } catch (RuntimeException e) {
            o = new Outcome(in.source(), "error", caseId, null,
                    List.of(Map.of("path", "$", "code", "internal_error", "message", String.valueOf(e.getMessage()))));
        }
        return new Line(o, null, null, Json.bytes(o));
    }

    /** A case whose data show no violation: status no_violation, with what the data showed under errors. */
    static Outcome noViolation(String source, String caseId, NoViolationFound e) {
        return new Outcome(source, "no_violation", caseId, null, e.errors().stream().map(BatchCommand::error).toList());
    }

    private static Map<String, String> error(CaseError e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", e.path());
        m.put("code", e.code());
        m.put("message", e.message());
        return m;
    }

    /** Counts for the summary: every input case is counted once, as decided, without violation, or rejected. */
    private static final class Tally {
        long total;
        long decided;
        long noViolation;
        long rejected;
        long internal;
        final Map<String, Long> outcomes = new TreeMap<>();
        final Map<String, Long> warnings = new TreeMap<>();
        final Map<String, Long> errorCodes = new TreeMap<>();

        void add(Outcome o) {
            total++;
            if (o.decision() != null) {
                decided++;
                String top = o.decision().outcome().get(0).replaceAll(" [\\d,]+ 元$", "");
                outcomes.merge(top, 1L, Long::sum);
                warnings.merge(o.decision().warning() == null ? "无" : o.decision().warning(), 1L, Long::sum);
            } else if (o.status().equals("no_violation")) {
                noViolation++;
            } else {
                rejected++;
                if (o.status().equals("error")) internal++;
                o.errors().forEach(e -> errorCodes.merge(e.get("code"), 1L, Long::sum));
            }
        }

        void print(PrintWriter err, double seconds, Path out) {
            err.printf("共 %,d 件：作出处理意见 %,d 件，%s拒绝 %,d 件%s。结果见 %s%n", total, decided,
                    noViolation > 0 ? "未发现违法事实 " + String.format("%,d", noViolation) + " 件，" : "", rejected,
                    internal > 0 ? "（其中内部错误 " + internal + " 件）" : "", out);
            if (!outcomes.isEmpty()) err.println("最重处理结论：" + join(outcomes));
            if (!warnings.isEmpty()) err.println("预警：" + join(warnings));
            if (!errorCodes.isEmpty()) err.println("拒绝原因：" + join(errorCodes));
            err.printf("用时 %.2f 秒（%,.0f 件/秒）%n", seconds, total / Math.max(seconds, 1e-9));
            err.flush();
        }

        private static String join(Map<String, Long> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, v) -> b.append(b.isEmpty() ? "" : "；").append(k).append(" ").append(v));
            return b.toString();
        }
    }
}
