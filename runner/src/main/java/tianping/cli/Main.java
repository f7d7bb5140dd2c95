package tianping.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tianping.law.RuleSetException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * tianping (天平): checks ecological-environment enforcement cases against Drools rule sets encoding the
 * no-penalty lists, penalty provisions, graded warnings and escalation policy, and explains every decision.
 */
@Command(name = "tianping", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "天平：生态环境行政处罚合规核查。",
        subcommands = {CheckCommand.class, BatchCommand.class, PowerBatchCommand.class, PowerGenerateCommand.class,
                ReplayCommand.class, LogCommand.class, ImpactCommand.class, BenchCommand.class, VocabularyCommand.class,
                TestCommand.class},
        footer = {"", "退出码：0 全部作出处理意见；1 有案件因输入错误被拒；2 命令行用法错误；3 规则集无法加载；4 内部错误。"})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line with the given streams; the exit code is returned, not acted on (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RuleSetException r) {
                commandLine.getErr().println("规则集无法加载（" + r.errors().size() + " 处错误）：");
                r.errors().forEach(commandLine.getErr()::println);
                return ExitCode.RULESET_ERROR;
            }
            commandLine.getErr().println("内部错误：" + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{tianping.engine.EngineVersion.FULL};
        }
    }
}
