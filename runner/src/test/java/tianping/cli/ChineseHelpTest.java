package tianping.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command answers --help (and `help CMD`) in Chinese, with examples and exit codes, and no English sentence
 * of picocli's reaches a user, neither in the usage text nor in a command-line error.
 */
class ChineseHelpTest {

    /** picocli's built-in English, as it would show if the resource bundle or a handler missed it. */
    private static final List<String> PICOCLI_ENGLISH = List.of("Usage:", "Commands:", "Options:", "Parameters:",
            "Show this help message", "Print version information", "Display help information", "Show usage help",
            "The COMMAND to display", "When no COMMAND is given", "Generate bash/zsh", "Missing required", "Unknown option",
            "Unmatched argument", "Did you mean", "Invalid value", "mutually exclusive", "Expected parameter",
            "Unknown subcommand", "Error:", "exceeded");
    /** Any English sentence: its lowercase function words, once option names (--version) and paths are taken out (labels such as DIR and COMMAND are upper case). */
    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![\\w./-])(the|and|this|for|with|print|display|exit|missing|unknown|invalid|required|specified|usage|command|option)(?![\\w./-])");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command of the tree, as the words typed to reach it (tianping itself is the empty list). */
    static List<List<String>> commands(CommandLine cmd, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        all.add(path);
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            all.addAll(commands(sub, p));
        });
        return all;
    }

    static void assertNoEnglish(String text, String what) {
        for (String s : PICOCLI_ENGLISH) assertFalse(text.contains(s), what + " 含 picocli 的英文“" + s + "”：\n" + text);
        String stripped = text.replaceAll("(?<![\\w])--?[\\w-]+", " ");
        Matcher m = ENGLISH_WORD.matcher(stripped);
        assertFalse(m.find(), what + " 含英文词“" + (m.hitEnd() ? "" : m.group()) + "”：\n" + text);
    }

    @Test
    void everyCommandAnswersHelpInChineseWithExamplesAndExitCodes() {
        List<List<String>> all = commands(Main.commandLine(List.of()), List.of());
        assertTrue(all.size() >= 18, "命令树：" + all);
        for (List<String> path : all) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            String what = "tianping " + String.join(" ", args);
            assertEquals(0, r.code(), what + "\n" + r.err());
            assertEquals("", r.err(), what);
            assertTrue(r.out().contains("用法： tianping"), what + "\n" + r.out());
            assertTrue(r.out().contains("选项：") && r.out().contains("显示本命令的用法并退出") || path.equals(List.of("help")), what + "\n" + r.out());
            assertTrue(r.out().contains("退出码：\n  0   "), what + "\n" + r.out());
            assertTrue(r.out().matches("(?s).*示例：\n  (\\S+=\\S+ )?\\./tianping .*"), what + "\n" + r.out());
            assertNoEnglish(r.out(), what);
            if (path.size() == 1) {
                Run help = run("help", path.get(0));
                assertEquals(0, help.code(), help.err());
                assertEquals(r.out(), help.out(), "tianping help " + path.get(0) + " 与 --help 应相同");
            }
        }
    }

    /** `-h` is --help; a command with a required parameter still shows its usage (it used to say "Missing required parameter"). */
    @Test
    void helpWinsOverMissingParameters() {
        for (String[] args : List.of(new String[]{"check", "--help"}, new String[]{"check", "-h"}, new String[]{"replay", "--help"},
                new String[]{"batch", "-h"}, new String[]{"impact", "--help"})) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args) + r.err());
            assertTrue(r.out().startsWith("用法： tianping " + args[0]), r.out());
        }
    }

    /** Command-line mistakes on every command: Chinese, exit 2, and a pointer to the usage. */
    @Test
    void commandLineErrorsAreChineseOnEveryCommand() {
        List<String[]> wrong = new ArrayList<>();
        for (List<String> path : commands(Main.commandLine(List.of()), List.of())) {
            // picocli's help commands (help, generate-completion) ignore unknown words; help nope is tested below
            if (path.equals(List.of("help")) || path.equals(List.of("generate-completion"))) continue;
            List<String> args = new ArrayList<>(path);
            args.add("--no-such-option");
            wrong.add(args.toArray(String[]::new));
        }
        wrong.add(new String[]{"check"});
        wrong.add(new String[]{"batch", "in", "--resume", "--overwrite", "--out", "x"});
        wrong.add(new String[]{"batch", "in", "--out", "x", "--threads", "many"});
        wrong.add(new String[]{"batch", "in", "--out"});
        wrong.add(new String[]{"check", "a.json", "b.json"});
        wrong.add(new String[]{"rules"});
        wrong.add(new String[]{"log"});
        wrong.add(new String[]{"help", "nope"});
        wrong.add(new String[]{"chekc", "a.json"});
        wrong.add(new String[]{"batch", "in", "--out", "x", "--out", "y"});
        for (String[] args : wrong) {
            Run r = run(args);
            String what = "tianping " + String.join(" ", args);
            assertEquals(ExitCode.USAGE, r.code(), what + "\n" + r.err());
            assertTrue(r.err().startsWith("命令行错误："), what + "\n" + r.err());
            assertTrue(r.err().contains("--help"), what + "\n" + r.err());
            assertNoEnglish(r.err().replaceAll("--no-such-option|chekc|nope|many", ""), what);
        }
        assertTrue(run("chekc", "a.json").err().contains("是否指 check"));
        assertTrue(run("rules").err().contains("缺少子命令，应为 diff、sign 之一"), run("rules").err());
        assertTrue(run("help", "nope").err().contains("没有命令“nope”"));
        assertTrue(run("batch", "in", "--resume", "--overwrite", "--out", "x").err().contains("选项 --resume、--overwrite 不能同时使用"));
    }

    /** The completion script (picocli's AutoComplete) covers the commands. */
    @Test
    void shellCompletionScriptNamesTheCommands() {
        Run r = run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete") && r.out().contains("check") && r.out().contains("power-batch"), r.out());
    }
}
