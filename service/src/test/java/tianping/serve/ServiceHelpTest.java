package tianping.serve;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's commands answer --help in Chinese like the runner's, and their command-line errors too. */
class ServiceHelpTest {

    @Test
    void serviceCommandsAnswerHelpInChinese() {
        for (List<String> args : List.of(List.of("--help"), List.of("serve", "--help"), List.of("bench", "serve", "--help"),
                List.of("log", "export", "--help"), List.of("log", "import", "-h"), List.of("log", "verify", "--help"),
                List.of("replay", "--help"), List.of("impact", "--help"), List.of("show", "--help"))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = ServiceMain.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, args + err.toString());
            assertTrue(out.toString().startsWith("用法： tianping") && out.toString().contains("退出码："), out.toString());
            assertFalse(out.toString().matches("(?s).*(Usage:|Show this help|Print version|Commands:|Options:).*"), out.toString());
        }
        // the mixed-in --log keeps each command's own description
        StringWriter export = new StringWriter(), imp = new StringWriter();
        ServiceMain.run(new String[]{"log", "export", "--help"}, new PrintWriter(export), new PrintWriter(new StringWriter()));
        ServiceMain.run(new String[]{"log", "import", "--help"}, new PrintWriter(imp), new PrintWriter(new StringWriter()));
        assertTrue(export.toString().contains("写入 DIR/decisions.jsonl（该文件须不存在）"), export.toString());
        assertTrue(imp.toString().contains("读取 DIR/decisions.jsonl"), imp.toString());
        StringWriter err = new StringWriter();
        assertEquals(2, ServiceMain.run(new String[]{"serve", "--nope"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("命令行错误：不认识的选项或多余的参数 --nope"), err.toString());
    }
}
