package tianping.cli;

import picocli.CommandLine.Command;

/**
 * The benchmarks, one subcommand per suite. Each measures real work against a baseline in the same run and
 * reports ratios, because absolute times on shared machines are noisy.
 */
@Command(name = "bench", description = "性能基准：每项基准与同一次运行中的基线对比，报告比值。",
        subcommands = {DecideBench.class, AuditBench.class, Hj212Bench.class, PowerBench.class})
final class BenchCommand {
}
