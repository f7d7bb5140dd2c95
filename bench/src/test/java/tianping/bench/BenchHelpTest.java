package tianping.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 §6 for the benchmarks' own jar: every bench command answers --help in Chinese, as the product's do. */
class BenchHelpTest {

    private static final List<String> PICOCLI_ENGLISH = List.of("Usage:", "Commands:", "Options:", "Show this help message",
            "Print version information", "Unknown option", "Missing required", "Invalid value");

    @ParameterizedTest
    @ValueSource(strings = {"", "decide", "batch", "audit", "hj212", "power"})
    void everyBenchmarkAnswersHelpInChinese(String name) {
        String[] args = name.isEmpty() ? new String[]{"bench", "--help"} : new String[]{"bench", name, "--help"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        String help = out.toString();
        assertTrue(help.startsWith("用法："), help);
        assertTrue(help.contains("显示本命令的用法并退出"), help);
        assertTrue(help.contains("退出码：") && help.contains("示例："), help);
        for (String english : PICOCLI_ENGLISH) assertFalse(help.contains(english), english + " in:\n" + help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"decide", "power"})
    void aMistypedOptionIsAChineseError(String name) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(new String[]{"bench", name, "--warmpu", "2"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("命令行错误：不认识的选项或多余的参数 --warmpu"), err.toString());
    }
}
