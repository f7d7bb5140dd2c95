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
@Command(name = "bench",
        description = {"性能基准：每项基准与同一次运行中的基线对比，报告比值。",
                "另有 bench serve（服务负载测试）与 bench flink（流处理作业），各在其模块的 jar 中，启动器同样转交。"},
        subcommands = {DecideBench.class, BatchBench.class, AuditBench.class, Hj212Bench.class, PowerBench.class})
public final class BenchCommand {

    /**
     * The launcher runs {@code java -jar tianping-bench.jar bench …}: the first argument names this command. The
     * interface's bundle and scope give every benchmark Chinese -h/--help, usage headings and error messages.
     */
    @Command(name = "tianping", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
            versionProvider = tianping.cli.Main.Version.class, resourceBundle = tianping.cli.Main.MESSAGES,
            subcommands = BenchCommand.class)
    static final class Root {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return tianping.cli.Main.execute(new CommandLine(new Root()), args, out, err);
    }
}
