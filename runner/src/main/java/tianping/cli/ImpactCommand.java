package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.DecisionLog;
import tianping.audit.ImpactAnalysis;
import tianping.audit.LogRecord;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "impact", description = "规则变更影响：以现行与候选两个规则集决定以往案件，列出哪些决定会变、从什么变成什么、由哪些规则引起。")
public final class ImpactCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CASES", description = "以往案件：决定记录目录（含 decisions.jsonl），或案件目录、.jsonl 文件")
    Path cases;

    @picocli.CommandLine.Mixin
    Options options;

    @Spec
    CommandSpec spec;

    /** The rule sets compared and how much is shown: one set of options for the log's impact and the store's. */
    public static final class Options {
        @Option(names = "--candidate", required = true, paramLabel = "DIR", description = "候选规则目录（结构同 rules/）")
        Path candidate;

        @Option(names = "--baseline", paramLabel = "DIR", description = "对照规则目录（缺省为内置规则集）")
        Path baseline;

        @Option(names = "--examples", paramLabel = "N", description = "每组列出的案件数（缺省 5）")
        int examples = 5;

        @picocli.CommandLine.Mixin
        TrustKeyOption trust;

        /** These options as {@code impact}'s command line, for running it over records exported elsewhere. */
        public List<String> arguments() {
            List<String> args = new java.util.ArrayList<>(List.of("--candidate", candidate.toString(), "--examples", String.valueOf(examples)));
            if (baseline != null) args.addAll(List.of("--baseline", baseline.toString()));
            trust.files.forEach(k -> args.addAll(List.of("--trust-key", k.toString())));
            return args;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var keys = options.trust.keys();
        RuleSet before = options.baseline == null ? RuleSet.bundled() : RuleSetOption.load(options.baseline, keys);
        RuleSet after = RuleSetOption.load(options.candidate, keys);
        ImpactAnalysis impact = new ImpactAnalysis(before, after);
        Path logFile = cases.resolve(DecisionLog.FILE);
        if (Files.isDirectory(cases) && Files.exists(logFile)) {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(tianping.audit.LogSegments.plain(logFile), StandardCharsets.UTF_8)).lines()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    var f = LogRecord.of(line.getBytes(StandardCharsets.UTF_8)).fields();
                    if (f.caseJson() != null) impact.add(f.source() + "（#" + f.seq() + "）", f.caseJson(), cases);
                }
            }
        } else {
            try (tianping.batch.CaseEntries source = new tianping.batch.CaseEntries(cases)) {
                while (source.hasNext()) {
                    tianping.batch.CaseEntry in = source.next();
                    if (in.refused() != null) {
                        out.println("无法比较：" + in.source() + "：" + in.refused().message());
                        continue;
                    }
                    impact.add(in.source(), in.json(), in.baseDir());
                }
            }
        }
        ImpactAnalysis.Report r = impact.report();
        out.printf("规则变更影响：%s %s → 候选 %s%n", options.baseline == null ? "现行（内置）" : "对照 " + options.baseline, before.fingerprint(), after.fingerprint());
        out.printf("规则集差异 %,d 处（tianping rules diff 逐项列出）%n", impact.diff().size());
        out.printf("以往案件 %,d 件，决定改变 %,d 件%s%n", r.cases(), r.changes().size(),
                r.refused().isEmpty() ? "" : "，无法比较 " + r.refused().size() + " 件");
        for (Map.Entry<String, List<ImpactAnalysis.Change>> g : r.byOutcome().entrySet()) {
            out.printf("%n%s：%,d 件%n", g.getKey(), g.getValue().size());
            g.getValue().stream().limit(options.examples).forEach(c -> {
                out.println("    " + c.caseId() + "  " + c.source() + "  规则：" + String.join("、", c.rules()));
                c.rows().forEach(row -> out.println("        因 " + row));
            });
        }
        if (!r.rules().isEmpty()) {
            out.println("\n涉及的规则（件数）：");
            r.rules().forEach((rule, n) -> out.println("    " + rule + "  " + n));
        }
        r.refused().forEach(x -> out.println("无法比较：" + x));
        out.flush();
        return ExitCode.OK;
    }
}
