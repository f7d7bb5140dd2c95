package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.audit.DecisionLog;
import tianping.audit.LogRecord;
import tianping.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at random points (issue 9 §7): a real batch in a child JVM is killed five times — while it starts,
 * loads rules, decides, logs or writes — and resumed each time; then it runs to the end. Afterwards every input
 * entry has exactly one line, in order; every decided case is in the log exactly once, with the bytes its line
 * carries; the log's hash chain verifies. Bounded: 5 kills within a few seconds each.
 */
class CrashTest {

    private static final int CASES = 1500;
    private static final int KILLS = 5;

    @Test
    void aBatchKilledFiveTimesAndResumedLosesNothingAndDecidesNothingTwice(@TempDir Path dir) throws Exception {
        Path in = ResumeTest.input(dir, CASES);
        Path out = dir.resolve("out.jsonl");
        Path log = dir.resolve("log");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "batch", in.toString(), "--out", out.toString(),
                "--log", log.toString(), "--threads", "2", "--resume");
        int landed = 0;
        List<String> kills = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Path logFile = log.resolve(DecisionLog.FILE);
            long logBefore = tianping.audit.LogSegments.plainSize(logFile); // all segments: the active file shrinks when sealed
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run-" + k + ".txt").toFile()).start();
            // the first kill lands anywhere in start-up; the others once the run is deciding (its log grows)
            if (k > 0) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (p.isAlive() && System.nanoTime() < until && tianping.audit.LogSegments.plainSize(logFile) <= logBefore) Thread.sleep(10);
            }
            long delay = k == 0 ? 200 + random.nextInt(3000) : random.nextInt(1500);
            boolean exited = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!exited) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                p.waitFor();
                landed++;
            }
            kills.add((k == 0 ? "启动后 " : "开始决定后 ") + delay + " 毫秒" + (exited ? "（已先结束）" : "") + "，结果 " + (Files.exists(out) ? Files.readAllLines(out).size() : 0) + " 行");
        }
        Process last = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run-last.txt").toFile()).start();
        assertTrue(last.waitFor(180, TimeUnit.SECONDS), "最后一次续跑应在 180 秒内完成");
        String how = "种子 " + seed + "，各次：" + kills + "\n" + Files.readString(dir.resolve("run-last.txt"));
        assertEquals(1, last.exitValue(), "有空行与 GBK 行被拒：" + how);
        System.out.println("CrashTest: kill -9 " + landed + " 次落在运行中，续跑后不变式成立；" + how.lines().findFirst().orElse(""));

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(CASES + 2, lines.size(), "每个输入一行：" + how);
        Map<String, byte[]> decidedLines = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = Lines.MAPPER.readTree(lines.get(i));
            assertEquals(in + ":" + (i + 1), n.get("source").asText(), "顺序同输入：" + how);
            if (n.get("status").asText().equals("decided")) {
                String line = lines.get(i);
                int at = line.indexOf(",\"decision\":") + ",\"decision\":".length();
                decidedLines.put(n.get("source").asText(), line.substring(at, line.length() - 1).getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(CASES, decidedLines.size(), how);
        Map<String, Integer> logged = new HashMap<>();
        for (String l : new String(tianping.audit.LogSegments.plain(log.resolve(DecisionLog.FILE)).readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
            LogRecord.Fields f = LogRecord.of(l.getBytes(StandardCharsets.UTF_8)).fields();
            if (f.decision() == null) continue;
            logged.merge(f.source(), 1, Integer::sum);
            assertArrayEquals(decidedLines.get(f.source()), f.decision(), "结果行的决定即记录的决定：" + f.source());
        }
        assertEquals(decidedLines.keySet(), logged.keySet(), how);
        assertTrue(logged.values().stream().allMatch(n -> n == 1), "没有案件被决定两次：" + how);
        StringWriter verify = new StringWriter();
        assertEquals(0, Main.run(new String[]{"log", "verify", "--log", log.toString()}, new PrintWriter(verify), new PrintWriter(verify)), verify.toString());
    }
}
