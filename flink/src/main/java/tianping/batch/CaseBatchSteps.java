package tianping.batch;

import tianping.engine.Decider;
import tianping.read.CaseReader;

import java.nio.file.Path;

/**
 * The one place the Flink job touches {@code batch}'s code for case JSON (the HJ 212 monitoring cases): one line
 * of a JSON Lines input checked and decided exactly as {@code batch FILE.jsonl} does it (blank line, encoding,
 * then {@link CaseStep}), so the job's lines and log records are batch's own, byte for byte.
 */
public final class CaseBatchSteps {

    private final CaseStep step;

    public CaseBatchSteps(Decider decider) {
        this.step = new CaseStep(new CaseReader(decider.ruleSet().law().book()), decider);
    }

    /**
     * @param source  where batch names the line: {@code FILE.jsonl:N}
     * @param json    the line without its line end
     * @param baseDir the folder its data files are resolved against (batch: the JSON Lines file's folder)
     */
    public PowerBatchSteps.Decided decide(String source, byte[] json, Path baseDir) {
        boolean blank = true;
        for (int i = 0; i < json.length && blank; i++) blank = json[i] == ' ' || json[i] == '\t';
        CaseEntry entry = blank ? CaseEntry.refused(source, "case_blank_line", "空行：JSON Lines 文件每行应为一个案件")
                : CaseEntries.checked(source, json, baseDir);
        return PowerBatchSteps.decided(step.apply(entry), source);
    }

    /** A line of the batch shape rejecting an entry with the job's own located error (one the batch cannot meet). */
    public static String rejected(String source, String caseId, String path, String code, String message) {
        return new String(Lines.bytes(OutputLine.rejected(source, caseId,
                java.util.List.of(new BatchError(source, path, code, message)))), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code batch INPUT --out OUT --threads N --no-log} itself (the tests' and the bench's baseline): returns its seconds. */
    public static double batch(Decider decider, Path input, Path out, int threads) throws java.io.IOException, InterruptedException {
        long start = System.nanoTime();
        new CaseBatch(new CaseReader(decider.ruleSet().law().book()), decider).run(new CaseBatch.Options(input, out, threads, OutFile.Mode.FRESH),
                new CaseBatch.Log() {
                    @Override
                    public Path dir() {
                        return null;
                    }

                    @Override
                    public tianping.audit.DecisionLog open() {
                        return null;
                    }
                }, new java.io.PrintWriter(java.io.PrintWriter.nullWriter()));
        return (System.nanoTime() - start) / 1e9;
    }
}
