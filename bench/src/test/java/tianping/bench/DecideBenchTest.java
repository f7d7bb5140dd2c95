package tianping.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench decide, warm part only (no launcher: the cold part is skipped), on the bundled cases, measured in turns. */
class DecideBenchTest {

    @Test
    void measuresInTurnsAndReportsTheMedianRatioWithinItsRange() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(new String[]{"bench", "decide", "--fixtures", Path.of("..", "fixtures", "cases").toString(),
                "--seconds", "0.6", "--rounds", "3"}, new PrintWriter(out), new PrintWriter(err));
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("再交替计时 3 轮、每轮每项 0.2 秒，取中位数"), text);
        Matcher m = Pattern.compile("为基线的 1/([0-9.]+)，各轮 1/([0-9.]+)–1/([0-9.]+)").matcher(text);
        assertTrue(m.find(), text);
        double median = Double.parseDouble(m.group(1));
        // every case allocates something (its decision at least), the same whatever the machine's speed
        Matcher alloc = Pattern.compile("端到端（读取\\+决策\\+写出 JSON）：\\s+[0-9,]+ 件/秒，每件分配\\s+([0-9,.]+) KB").matcher(text);
        assertTrue(alloc.find(), text);
        assertTrue(Double.parseDouble(alloc.group(1).replace(",", "")) > 1, text);
        assertTrue(Double.parseDouble(m.group(2)) <= median && median <= Double.parseDouble(m.group(3)), text);
    }
}
