package tianping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tianping.audit.LogRecord;
import tianping.audit.StoredRecords;
import tianping.batch.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Prints a stored decision as the Chinese text {@code check} printed: from the decision log by sequence number or
 * case id, or from a line of a batch output file (or of standard input). The PostgreSQL store's variant
 * ({@code --store}) runs in the service's jar, to which the launcher hands it.
 */
@Command(name = "show", description = "以 check 的中文文本显示一条已记录的决定：决定记录（序号或案件编号）、批量核查结果的一行，或标准输入。")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SEQ|caseId", arity = "0..1",
            description = "决定记录中的序号，或案件编号（取该案件最后一条记录；全为数字时按序号）")
    String id;

    @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
    Path logDir = Path.of(".tianping");

    @Option(names = "--jsonl", paramLabel = "FILE", description = "批量核查结果（batch --out 的 .jsonl）；- 为标准输入")
    String jsonl;

    @Option(names = "--line", paramLabel = "N", description = "--jsonl 中的行号（从 1 起；标准输入只有一行时可省略）")
    Integer line;

    @Mixin
    RuleSetOption rules;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        if (jsonl != null) {
            if (id != null) throw new UsageException("--jsonl 与 序号/案件编号 只能给一个");
            JsonNode entry = Json.MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(lineOf());
            text = ofLine(entry, err);
            if (text == null) return ExitCode.CASE_REJECTED;
        } else {
            if (id == null) throw new UsageException("请给出决定记录中的序号或案件编号，或用 --jsonl FILE --line N");
            if (!Files.isDirectory(logDir)) throw new UsageException(logDir + "：决定记录目录不存在");
            LogRecord.Fields f = StoredRecords.find(logDir, id).orElse(null);
            if (f == null) {
                err.println(logDir.resolve(tianping.audit.DecisionLog.FILE) + "：没有" + (StoredRecords.isSeq(id) ? "序号为 " + id + " 的决定记录" : "案件 " + id + " 的决定记录"));
                return ExitCode.CASE_REJECTED;
            }
            text = StoredDecisionText.render(f.decision(), rules.load());
        }
        out.print(text);
        out.flush();
        return ExitCode.OK;
    }

    /** The chosen line of the .jsonl file or of standard input. */
    private String lineOf() throws IOException {
        BufferedReader r = jsonl.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(jsonl), StandardCharsets.UTF_8);
        try (r) {
            if (line == null) {
                String first = r.readLine(), second = first == null ? null : r.readLine();
                // check --json prints one pretty-printed decision over many lines: stdin without --line is read whole
                if (first != null && second != null && jsonl.equals("-")) {
                    StringBuilder all = new StringBuilder(first).append('\n').append(second).append('\n');
                    for (String l; (l = r.readLine()) != null; ) all.append(l).append('\n');
                    return all.toString();
                }
                if (first == null || second != null) throw new UsageException(jsonl + "：有多行，请用 --line N 指明哪一行");
                return first;
            }
            if (line < 1) throw new UsageException("--line 应为从 1 起的行号");
            String l = null;
            for (int i = 0; i < line; i++) {
                l = r.readLine();
                if (l == null) throw new UsageException(jsonl + "：没有第 " + line + " 行（共 " + i + " 行）");
            }
            return l;
        }
    }

    /**
     * A batch line ({source, status, decision}), a decision record ({seq, …, decision}) or a decision itself
     * (check --json): its text, or null (errors written) when the line holds no decision.
     */
    private String ofLine(JsonNode entry, PrintWriter err) throws Exception {
        if (entry.has("status")) {
            String status = entry.path("status").asText();
            if (status.equals("no_violation")) return StoredDecisionText.noViolation(entry);
            if (!status.equals("decided")) {
                err.println(entry.path("source").asText() + "：此行没有决定（" + status + "）");
                for (JsonNode e : entry.path("errors")) {
                    err.println(e.path("file").asText(entry.path("source").asText()) + ": " + e.path("path").asText() + ": " + e.path("code").asText() + ": " + e.path("message").asText());
                }
                return null;
            }
        }
        JsonNode decision = entry.has("decision") ? entry.get("decision") : entry;
        if (!decision.has("findings")) throw new UsageException("此行不是天平的决定、批量核查结果或决定记录");
        return StoredDecisionText.render(Json.MAPPER.writeValueAsBytes(decision), rules.load());
    }
}
