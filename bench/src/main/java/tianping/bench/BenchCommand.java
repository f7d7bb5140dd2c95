package tianping.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The benchmarks, one subcommand per suite, in their own jar (target/tianping-bench.jar) so that the product jar
 * carries no benchmark code: the launcher hands {@code bench …} here ({@code bench serve} and {@code bench flink}
 * stay with the service's and the Flink job's jars, which they measure). Each measures real work against a
 * baseline in the same run and reports ratios, because absolute times on shared machines are noisy.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"性能基准：每项基准与同一次运行中的基线对比，报告比值。",
                "另有 bench serve（服务负载测试）与 bench flink（流处理作业），各在其模块的 jar 中，启动器同样转交。"},
        subcommands = {DecideBench.class, BatchBench.class, AuditBench.class, Hj212Bench.class, PowerBench.class})
public final class BenchCommand {

    /** The launcher runs {@code java -jar tianping-bench.jar bench …}: the first argument names this command. */
    @Command(name = "tianping", subcommands = BenchCommand.class)
    static final class Root {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Root());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("内部错误：" + e);
            e.printStackTrace(commandLine.getErr());
            return tianping.cli.ExitCode.INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
