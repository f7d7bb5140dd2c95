package tianping.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.DecisionLog;
import tianping.audit.Verifier;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tianping log export|import|verify --store URL}: moves records between decisions.jsonl and the PostgreSQL
 * store with the chain intact (lines are copied byte for byte; an import must continue the store's chain and the
 * file's own chain is verified first), and checks the store's chain with the log's verifier.
 */
@Command(name = "log", description = "决定库：导出、导入、核验哈希链。",
        subcommands = {StoreCommands.Export.class, StoreCommands.Import.class, StoreCommands.Verify.class})
final class StoreCommands {

    @Command(name = "export", description = "把决定库的全部记录按序号写成 decisions.jsonl（逐字节同库中所存）。")
    static final class Export implements Callable<Integer> {
        @Option(names = "--store", required = true, paramLabel = "jdbc:postgresql://…")
        String store;

        @Option(names = "--log", required = true, paramLabel = "DIR", description = "写入 DIR/decisions.jsonl（该文件须不存在）")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Path file = dir.resolve(DecisionLog.FILE);
            if (Files.exists(file)) {
                err.println(file + "：已存在，不覆盖");
                return 2;
            }
            Files.createDirectories(dir);
            try (PgStore s = PgStore.open(store)) {
                s.exportTo(file);
                Verifier.Result r = Verifier.verify(file, s.head());
                err.println("导出 " + r.records() + " 条至 " + file + "，链头 " + r.head() + (r.ok() ? "，核验完好" : "，核验发现问题："));
                r.problems().forEach(err::println);
                return r.ok() ? 0 : 1;
            }
        }
    }

    @Command(name = "import", description = "把 decisions.jsonl 的记录逐字节接入决定库（须接在库的链头之后；先核验文件的链）。")
    static final class Import implements Callable<Integer> {
        @Option(names = "--store", required = true, paramLabel = "jdbc:postgresql://…")
        String store;

        @Option(names = "--log", required = true, paramLabel = "DIR", description = "读取 DIR/decisions.jsonl")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Path file = dir.resolve(DecisionLog.FILE);
            Verifier.Result own = Verifier.verify(file, null);
            if (!own.ok()) {
                err.println(file + "：哈希链有问题，不导入：");
                own.problems().forEach(err::println);
                return 1;
            }
            try (PgStore s = PgStore.open(store)) {
                long n;
                try {
                    n = s.importLines(file);
                } catch (java.io.IOException e) {
                    err.println(file + "：未导入：" + e.getMessage());
                    return 1;
                }
                Verifier.Result r = s.verify();
                err.println("导入 " + n + " 条；决定库共 " + r.records() + " 条，链头 " + r.head() + (r.ok() ? "，核验完好" : "，核验发现问题："));
                r.problems().forEach(err::println);
                return r.ok() ? 0 : 1;
            }
        }
    }

    @Command(name = "verify", description = "核验决定库的哈希链（同 log verify 的核验器）。")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--store", required = true, paramLabel = "jdbc:postgresql://…")
        String store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (PgStore s = PgStore.open(store)) {
                Verifier.Result r = s.verify();
                Verifier.Head head = s.head();
                if (r.records() != head.count() || !r.head().equals(head.head())) {
                    out.println("链头不符：库中链头记为 #" + head.count() + " " + head.head() + "，记录到 #" + r.records() + " " + r.head());
                    return 1;
                }
                out.println("决定库 " + r.records() + " 条，链头 " + r.head() + (r.ok() ? "：核验完好" : "：发现 " + r.problems().size() + " 处问题"));
                r.problems().forEach(out::println);
                return r.ok() ? 0 : 1;
            }
        }
    }
}
