package tianping.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench power on a small province: (a) and (c) timed in turns, the ratio their median, (c) checked against the truth. */
class PowerBenchTest {

    @Test
    void timesAandCInTurnsAndReportsTheMedianRatio(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(new String[]{"bench", "power", "--dir", dir.toString(), "--enterprises", "40", "--channels", "300",
                "--warmup", "0", "--pairs", "3"}, new PrintWriter(out), new PrintWriter(err));
        String text = out.toString();
        assertEquals(0, code, text + err);
        double[] ratios = new double[3];
        for (int k = 1; k <= 3; k++) {
            Matcher m = Pattern.compile("第 " + k + " 对：\\(a\\) ([0-9.]+) 秒，\\(c\\) ([0-9.]+) 秒（入网格 [0-9.]+，推导与决策 [0-9.]+），c/a = ([0-9.]+)").matcher(text);
            assertTrue(m.find(), "第 " + k + " 对 missing:\n" + text);
            ratios[k - 1] = Double.parseDouble(m.group(3));
        }
        java.util.Arrays.sort(ratios);
        Matcher ratio = Pattern.compile("c/a = ([0-9.]+)（3 对交替计时的中位数，范围 ([0-9.]+)–([0-9.]+)").matcher(text);
        assertTrue(ratio.find(), text);
        assertEquals(ratios[1], Double.parseDouble(ratio.group(1)), 1e-9, text);
        assertEquals(ratios[0], Double.parseDouble(ratio.group(2)), 1e-9, text);
        assertEquals(ratios[2], Double.parseDouble(ratio.group(3)), 1e-9, text);
        assertTrue(text.contains("：通过"), text);
    }

    @Test
    void noPairsIsAChineseError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(new String[]{"bench", "power", "--pairs", "0"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--pairs 应为正整数，实际为 0"), err.toString());
    }
}
