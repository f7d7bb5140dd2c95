package tianping.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** show prints, from each place a decision is kept, exactly the text check printed when it decided. */
class ShowCommandTest {

    /** Fines over three findings, a no-penalty list item, 从旧兼从轻 with two traces, a daily penalty, a limitation. */
    static final List<String> CASES = List.of("escalation/fujian-2024-batch2.json", "shanxi/sx-f-air-applies.json",
            "lighter-law/zb-reg-act-before-list-in-force.json", "escalation/chengdu-daily-penalty-2015.json",
            "escalation/limitation-2-years.json");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Run withStdin(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void everySourceGivesCheckText() throws Exception {
        Path log = Files.createTempDirectory("tianping-show");
        Path dir = Files.createTempDirectory("tianping-show-cases");
        for (String c : CASES) Files.copy(Path.of("../fixtures/cases", c), dir.resolve(c.replace('/', '-')));
        Path batchOut = Files.createTempDirectory("tianping-show-out").resolve("out.jsonl");
        assertEquals(0, run("batch", dir.toString(), "--out", batchOut.toString(), "--no-log").code());
        List<String> lines = Files.readAllLines(batchOut);
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        long seq = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Run check = run("check", "--log", log.toString(), f.toString());
            assertEquals(0, check.code(), check.err());
            seq++;
            String caseId = tianping.cli.Json.MAPPER.readTree(f.toFile()).path("caseId").asText();
            assertEquals(check.out(), run("show", "--log", log.toString(), String.valueOf(seq)).out(), f + " by seq");
            assertEquals(check.out(), run("show", "--log", log.toString(), caseId).out(), f + " by caseId");
            assertEquals(check.out(), run("show", "--jsonl", batchOut.toString(), "--line", String.valueOf(i + 1)).out(), f + " batch line");
            assertEquals(check.out(), withStdin(lines.get(i) + "\n", "show", "--jsonl", "-").out(), f + " batch line on stdin");
            String json = run("check", "--json", "--no-log", f.toString()).out();
            assertEquals(check.out(), withStdin(json, "show", "--jsonl", "-").out(), f + " check --json on stdin");
        }
        // a case decided again is shown as decided last; an unknown one is said so
        Run missing = run("show", "--log", log.toString(), "NO-SUCH-CASE");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("没有案件 NO-SUCH-CASE 的决定记录"), missing.err());
        Run noLine = run("show", "--jsonl", batchOut.toString(), "--line", "99");
        assertEquals(2, noLine.code());
        assertTrue(noLine.err().contains("没有第 99 行"), noLine.err());
    }
}
