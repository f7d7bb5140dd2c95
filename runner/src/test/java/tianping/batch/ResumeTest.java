package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.Fixtures;
import tianping.audit.DecisionLog;
import tianping.audit.LogRecord;
import tianping.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No case lost, none decided twice (issue 9 §3): every entry of every kind ends as one counted line; an --out
 * that would destroy an input or an earlier result is refused before anything is touched; a resumed batch
 * reconciles its --out lines with the decision log.
 */
class ResumeTest {

    record Run(int code, String err) {
    }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Run(code, err.toString());
    }

    /** A JSON Lines input of {@code n} decidable fixture cases with distinct caseIds, plus a blank and a GBK line. */
    static Path input(Path dir, int n) throws IOException {
        List<String> cases = new ArrayList<>();
        for (Path p : Fixtures.caseFiles()) {
            JsonNode c = Lines.MAPPER.readTree(p.toFile());
            if (!c.has("monitoring") && !c.has("power")) cases.add(Lines.MAPPER.writeValueAsString(c));
        }
        Path in = dir.resolve("in.jsonl");
        try (var w = Files.newOutputStream(in)) {
            for (int i = 0; i < n; i++) {
                String c = cases.get(i % cases.size());
                w.write(c.replaceFirst("\"caseId\":\"([^\"]*)\"", "\"caseId\":\"$1-" + i + "\"").getBytes(StandardCharsets.UTF_8));
                w.write('\n');
                if (i == 3) w.write("\n".getBytes(StandardCharsets.UTF_8));
                if (i == 5) w.write(("{\"caseId\":\"编码\"}\n").getBytes(Charset.forName("GBK")));
            }
        }
        return in;
    }

    @Test
    void everyKindOfEntryEndsAsOneCountedLine(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json"), in.resolve("a.json"));
        Files.createDirectories(in.resolve("folder.json"));
        Process mkfifo = new ProcessBuilder("mkfifo", in.resolve("pipe.json").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.write(in.resolve("gbk.json"), "{\"caseId\":\"编码\"}".getBytes(Charset.forName("GBK")));
        Files.write(in.resolve("lines.jsonl"), "\n  \n{\"caseId\":\"X\"}\r\n".getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out.jsonl");
        Run r = run("batch", in.toString(), "--out", out.toString(), "--no-log");
        assertEquals(1, r.code(), r.err());
        Map<String, String> codes = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = Lines.MAPPER.readTree(line);
            codes.put(n.get("source").asText().substring(in.toString().length() + 1),
                    n.get("status").asText().equals("decided") ? "decided" : n.at("/errors/0/code").asText());
        }
        assertEquals(Map.of("a.json", "decided", "folder.json", "case_not_a_file", "pipe.json", "case_not_a_file",
                "gbk.json", "case_encoding_error", "lines.jsonl:1", "case_blank_line", "lines.jsonl:2", "case_blank_line",
                "lines.jsonl:3", "case_schema_error"), codes);
        assertTrue(r.err().contains("共 7 件：作出处理意见 1 件，拒绝 6 件"), r.err());
    }

    @Test
    void anOutThatWouldDestroyAnInputOrAResultIsRefusedBeforeAnythingIsTouched(@TempDir Path dir) throws Exception {
        Path in = input(dir, 12);
        byte[] before = Files.readAllBytes(in);
        Run same = run("batch", in.toString(), "--out", in.toString(), "--no-log");
        assertEquals(2, same.code(), same.err());
        assertTrue(same.err().contains("就是输入"), same.err());
        assertArrayEquals(before, Files.readAllBytes(in), "输入未被改动");
        Path link = dir.resolve("link.jsonl");
        Files.createLink(link, in);
        assertEquals(2, run("batch", in.toString(), "--out", link.toString(), "--no-log").code(), "硬链接也是同一个文件");
        Run inside = run("batch", dir.toString(), "--out", dir.resolve("result.jsonl").toString(), "--no-log");
        assertEquals(2, inside.code());
        assertTrue(inside.err().contains("会被当作案件读取"), inside.err());

        Path out = Files.writeString(dir.resolve("earlier.txt"), "以前的结果\n");
        Run exists = run("batch", in.toString(), "--out", out.toString(), "--no-log");
        assertEquals(2, exists.code());
        assertTrue(exists.err().contains("已存在且有内容，不会覆盖") && exists.err().contains("--resume") && exists.err().contains("--overwrite"), exists.err());
        assertEquals("以前的结果\n", Files.readString(out));
        assertEquals(1, run("batch", in.toString(), "--out", out.toString(), "--no-log", "--overwrite").code());
        assertEquals(14, Files.readAllLines(out).size());
        Path log = dir.resolve("log");
        Files.createDirectories(log);
        Files.writeString(log.resolve(DecisionLog.FILE), "");
        assertEquals(2, run("batch", in.toString(), "--out", log.resolve(DecisionLog.FILE).toString(), "--log", log.toString(), "--overwrite").code(),
                "结果文件不能是决定记录");
    }

    /**
     * The states a kill leaves: lines written and logged, lines logged but not written (the out buffer was lost),
     * a torn last out line, a torn last log record, cases neither logged nor written. Resuming gives one line per
     * entry, each decision logged once, the logged decisions' lines rebuilt from the log byte for byte.
     */
    @Test
    void aResumedBatchReconcilesItsLinesWithTheLog(@TempDir Path dir) throws Exception {
        Path in = input(dir, 40);
        Path out = dir.resolve("out.jsonl");
        Path log = dir.resolve("log");
        assertEquals(0, run("check", "--log", log.toString(), Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString()).code(),
                "决定记录中已有别的决定");
        assertEquals(1, run("batch", in.toString(), "--out", out.toString(), "--log", log.toString()).code());
        List<String> complete = Files.readAllLines(out);
        assertEquals(42, complete.size());
        // the kill: out keeps 10 whole lines and a torn one; the log keeps 30 of the 40 decisions and a torn record
        Path logFile = log.resolve(DecisionLog.FILE);
        List<byte[]> records = new ArrayList<>();
        for (String l : Files.readAllLines(logFile)) records.add(l.getBytes(StandardCharsets.UTF_8));
        assertEquals(41, records.size());
        try (var w = Files.newOutputStream(logFile)) {
            for (int i = 0; i < 31; i++) {
                w.write(records.get(i));
                w.write('\n');
            }
            w.write(records.get(31), 0, 100);
        }
        Files.write(out, (String.join("\n", complete.subList(0, 10)) + "\n" + complete.get(10).substring(0, 50)).getBytes(StandardCharsets.UTF_8));

        Run resumed = run("batch", in.toString(), "--out", out.toString(), "--log", log.toString(), "--resume");
        assertEquals(1, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("已有 10 行结果"), resumed.err());
        assertEquals(complete, Files.readAllLines(out), "续跑后的结果与未中断时逐行相同");
        Map<String, Integer> decisions = new HashMap<>();
        for (String l : Files.readAllLines(logFile)) {
            LogRecord.Fields f = LogRecord.of(l.getBytes(StandardCharsets.UTF_8)).fields();
            if (f.decision() != null && f.source().startsWith(in.toString())) decisions.merge(f.source(), 1, Integer::sum);
        }
        assertEquals(40, decisions.size(), "每个案件都已记入");
        assertTrue(decisions.values().stream().allMatch(n -> n == 1), "没有案件被决定两次：" + decisions);
        assertEquals(0, Main.run(new String[]{"log", "verify", "--log", log.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        assertTrue(resumed.err().contains("共 42 件：作出处理意见 40 件，拒绝 2 件"), resumed.err());

        Run again = run("batch", in.toString(), "--out", out.toString(), "--log", log.toString(), "--resume");
        assertEquals(complete, Files.readAllLines(out), "已完成的批量核查续跑不重复写出");
        assertTrue(again.err().contains("共 42 件"), again.err());
        Run other = run("batch", dir.resolve("in.jsonl").toString(), "--out", out.toString(), "--no-log", "--resume");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("续跑须用同一个"), other.err());
    }
}
