package tianping.cli;

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

@Command(name = "log", description = "决定记录：核验哈希链、导出链头。", subcommands = {LogCommand.Verify.class, LogCommand.Head.class})
final class LogCommand {

    @Command(name = "verify", description = "核验决定记录的哈希链：任何被改动、删除、插入、调换顺序的记录或被截去的末尾都会被找出并定位。退出码 0 完好，1 有问题。")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
        Path dir = Path.of(".tianping");

        @Option(names = "--head", paramLabel = "FILE", description = "此前导出的链头（tianping log head 的输出），用于发现末尾被截去或改写")
        Path head;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path file = dir.resolve(DecisionLog.FILE);
            if (!Files.exists(file)) {
                spec.commandLine().getErr().println(file + "：不存在");
                return ExitCode.CASE_REJECTED;
            }
            Verifier.Head expected = null;
            if (head != null) {
                var h = Json.MAPPER.readTree(Files.readAllBytes(head));
                expected = new Verifier.Head(h.path("count").asLong(), h.path("head").asText());
            }
            long start = System.nanoTime();
            Verifier.Result r = Verifier.verify(file, expected);
            double seconds = (System.nanoTime() - start) / 1e9;
            r.problems().forEach(out::println);
            out.printf("%s：%,d 条记录，链头 %s，%s（%.2f 秒）%n", file, r.records(), r.head(),
                    r.ok() ? "哈希链完好" : "发现 " + r.problems().size() + " 处问题", seconds);
            out.flush();
            return r.ok() ? ExitCode.OK : ExitCode.CASE_REJECTED;
        }
    }

    @Command(name = "head", description = "导出链头（记录数与最后一条记录的哈希）；审计人员留存，日后以 log verify --head 证明记录未被截去。")
    static final class Head implements Callable<Integer> {

        @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
        Path dir = Path.of(".tianping");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Verifier.Result r = Verifier.verify(dir.resolve(DecisionLog.FILE), null);
            if (!r.ok()) {
                r.problems().forEach(spec.commandLine().getErr()::println);
                return ExitCode.CASE_REJECTED;
            }
            spec.commandLine().getOut().println("{\"count\":" + r.records() + ",\"head\":\"" + r.head() + "\"}");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
