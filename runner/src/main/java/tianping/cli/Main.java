package tianping.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import tianping.batch.UsageException;
import tianping.law.RuleSetException;
import tianping.read.Excerpt;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * tianping (天平): checks ecological-environment enforcement cases against Drools rule sets encoding the
 * no-penalty lists, penalty provisions, graded warnings and escalation policy, and explains every decision.
 * Every way a command can end is mapped here once, to a Chinese message and a documented exit code: a wrong
 * command line (2), an operator's mistake about files (2), a rule set that cannot load (3), an internal error (4,
 * the only case that prints a stack trace).
 */
@Command(name = "tianping", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class, resourceBundle = Main.MESSAGES,
        description = "天平：生态环境行政处罚合规核查。",
        subcommands = {CheckCommand.class, BatchCommand.class, PowerBatchCommand.class, PowerGenerateCommand.class,
                ReplayCommand.class, ShowCommand.class, LogCommand.class, ImpactCommand.class, VocabularyCommand.class,
                TestCommand.class, KeysCommand.class, RulesCommand.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class Main {

    /**
     * picocli's own words (headings, the help options, the help command) and each command's examples and exit
     * codes, in Chinese: a UTF-8 properties file, which Java 9+ reads as UTF-8 (PropertyResourceBundle). The
     * scope INHERIT above gives every subcommand the bundle, -h/--help and -V/--version.
     */
    public static final String MESSAGES = "tianping.cli.Messages";

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line with the given streams; the exit code is returned, not acted on (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, List.of());
    }

    /**
     * Runs a command line with more top-level commands than this jar holds: a module kept off the checker's
     * class path (the workbook's {@code tables}) runs the same interface, messages and exit codes from its own jar.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, List<Object> moreCommands) {
        return execute(commandLine(moreCommands), args, out, err);
    }

    /**
     * Runs a command tree of another jar (the service's) with this interface's handlers: command-line mistakes,
     * operators' mistakes and rule-set errors in Chinese with the documented exit codes. Its root command names
     * {@link #MESSAGES} as its resource bundle for the usage text.
     */
    public static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command tree (for tests that walk every subcommand). */
    public static CommandLine commandLine(List<Object> moreCommands) {
        CommandLine cli = new CommandLine(new Main());
        moreCommands.forEach(cli::addSubcommand);
        return cli;
    }

    /** A command line picocli could not parse: what is wrong, in Chinese, and where to find the usage. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("命令行错误：" + describe(e));
        err.println("用法见 " + cmd.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCode.USAGE;
    }

    static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            return "不认识的选项或多余的参数 " + String.join(" ", u.getUnmatched())
                    + (suggestions.isEmpty() ? "" : "，是否指 " + String.join("、", suggestions) + "？");
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            return "缺少 " + m.getMissing().stream().map(Main::name).collect(Collectors.joining("、"));
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            // picocli names the options only inside its English sentence: "Error: --a, --b are mutually exclusive …"
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Error: (.*) are mutually exclusive").matcher(String.valueOf(e.getMessage()));
            return "选项 " + (m.find() ? m.group(1).replace(", ", "、") + " " : "") + "不能同时使用";
        }
        CommandLine cmd = e.getCommandLine();
        if (String.valueOf(e.getMessage()).startsWith("Missing required subcommand")) {
            return "缺少子命令，应为 " + cmd.getSubcommands().keySet().stream().filter(n -> !n.equals("help"))
                    .collect(Collectors.joining("、")) + " 之一";
        }
        java.util.regex.Matcher unknown = java.util.regex.Pattern.compile("^Unknown subcommand '(.*)'\\.$").matcher(String.valueOf(e.getMessage()));
        if (unknown.find()) {
            // the help command's own message: `tianping help NAME` for a NAME that is no command
            return "没有命令“" + Excerpt.of(unknown.group(1)) + "”，应为 " + String.join("、", cmd.getParent() == null
                    ? cmd.getSubcommands().keySet() : cmd.getParent().getSubcommands().keySet()) + " 之一";
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return "参数过多（" + Excerpt.of(String.valueOf(e.getMessage()).replaceAll(".*: ", "")) + "）";
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return "选项 " + name(o.getOverwritten()) + " 只能给一次";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null) {
            java.util.regex.Matcher v = java.util.regex.Pattern.compile("'([^']*)' (?:to class|is not)").matcher(String.valueOf(e.getMessage()));
            return name(arg) + " 的值" + (v.find() ? "“" + v.group(1) + "”" : "") + "无效" + (arg instanceof OptionSpec o && !o.paramLabel().isEmpty()
                    ? "，应为 " + o.paramLabel() : "");
        }
        return e.getMessage();
    }

    private static String name(ArgSpec a) {
        if (a instanceof OptionSpec o) return "选项 " + o.longestName() + (o.paramLabel().isEmpty() || o.arity().max() == 0 ? "" : " " + o.paramLabel());
        if (a instanceof PositionalParamSpec p) return "参数 " + p.paramLabel();
        return a.toString();
    }

    /** A command that threw: an operator's mistake, a rule set that cannot load, or an internal error. */
    static int failed(Exception thrown, PrintWriter err) {
        Throwable e = thrown instanceof UncheckedIOException u ? u.getCause() : thrown;
        try {
            if (e instanceof RuleSetException r) {
                err.println("规则集无法加载（" + r.errors().size() + " 处错误）：");
                r.errors().forEach(err::println);
                return ExitCode.RULESET_ERROR;
            }
            if (e instanceof UsageException) {
                err.println("用法错误：" + e.getMessage());
                return ExitCode.USAGE;
            }
            if (e instanceof FileSystemException f) {
                err.println("用法错误：" + file(f));
                return ExitCode.USAGE;
            }
            if (e instanceof JsonProcessingException j) {
                var loc = j.getLocation();
                err.println("用法错误：给出的文件不是有效的 JSON" + (loc == null ? "" : "（第 " + loc.getLineNr() + " 行第 " + loc.getColumnNr() + " 列）")
                        + "：" + tianping.read.JsonErrorText.syntaxMessage(j).replaceFirst("^JSON 语法错误：", ""));
                return ExitCode.USAGE;
            }
            err.println("内部错误：" + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR;
        } finally {
            err.flush();
        }
    }

    /** A file the operator named that cannot be used, said in Chinese with the path. */
    private static String file(FileSystemException f) {
        String path = f.getFile() + (f.getOtherFile() == null ? "" : "（" + f.getOtherFile() + "）");
        if (f instanceof NoSuchFileException) return path + "：不存在（或其所在目录不存在）";
        if (f instanceof NotDirectoryException) return path + "：不是目录";
        if (f instanceof FileAlreadyExistsException) return path + "：已存在且不是目录（此处应为目录）";
        if (f instanceof AccessDeniedException) return path + "：没有访问权限";
        return path + "：无法访问（" + f.getReason() + "）";
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{tianping.engine.EngineVersion.FULL};
        }
    }
}
