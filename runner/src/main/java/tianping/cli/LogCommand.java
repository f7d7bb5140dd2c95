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

@Command(name = "log", description = "决定记录：核验哈希链与规则集快照、导出链头、输出全部记录。",
        subcommands = {LogCommand.Verify.class, LogCommand.Head.class, LogCommand.Cat.class})
final class LogCommand {

    @Command(name = "verify", description = "核验决定记录的哈希链（全部段）与记录所用的每个规则集快照（内置规则集也核对 jar 中的文件）："
            + "任何被改动、删除、插入、互换的记录，被截去的末尾，与指纹不符的快照文件都会被找出并定位。退出码 0 完好，1 有问题。")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
        Path dir = Path.of(".tianping");

        @Option(names = "--head", paramLabel = "FILE", description = "此前导出的链头（tianping log head 的输出），用于发现末尾被截去或改写")
        Path head;

        @picocli.CommandLine.Mixin
        TrustKeyOption trust;

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
            String headSignature = null;
            var keys = trust.keys();
            if (keys.required() && head == null) throw new tianping.batch.UsageException("--trust-key 核验的是链头的签名，须与 --head 一起给出");
            if (head != null) {
                var h = tianping.trust.SignedHead.parse(Files.readAllBytes(head));
                if (keys.required()) headSignature = tianping.trust.SignedHead.problem(h, keys);
                expected = new Verifier.Head(h.path("count").asLong(), h.path("head").asText());
            }
            if (headSignature != null) out.println(head + "：链头" + headSignature);
            long start = System.nanoTime();
            Verifier.Result r = Verifier.verifyWithSnapshots(dir, expected);
            double seconds = (System.nanoTime() - start) / 1e9;
            r.problems().forEach(out::println);
            out.printf("%s：%,d 条记录，链头 %s，规则集快照 %d 个，%s（%.2f 秒）%n", dir, r.records(), r.head(), r.ruleSets().size(),
                    r.ok() ? "哈希链完好，快照完好" : "发现 " + r.problems().size() + " 处问题", seconds);
            out.flush();
            return r.ok() && headSignature == null ? ExitCode.OK : ExitCode.CASE_REJECTED;
        }
    }

    @Command(name = "head", description = "导出链头（记录数与最后一条记录的哈希）；审计人员留存，日后以 log verify --head 证明记录未被截去。")
    static final class Head implements Callable<Integer> {

        @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
        Path dir = Path.of(".tianping");

        @Option(names = "--sign", description = "以 --key 私钥签名导出的链头（并写明签名者与时间），日后以 log verify --head --trust-key 核验")
        boolean sign;

        @Option(names = "--key", paramLabel = "PRIVATE.pem", description = "签名私钥（tianping keys generate 生成）")
        Path key;

        @Option(names = "--signer", paramLabel = "NAME", description = "签名者；缺省为 用户名@主机名")
        String signer;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (sign != (key != null)) throw new tianping.batch.UsageException("--sign 与 --key 须一起给出");
            var signing = key == null ? null : tianping.trust.Signatures.readPrivate(key);
            Verifier.Result r = Verifier.verify(dir.resolve(DecisionLog.FILE), null);
            if (!r.ok()) {
                r.problems().forEach(spec.commandLine().getErr()::println);
                return ExitCode.CASE_REJECTED;
            }
            spec.commandLine().getOut().println(signing == null ? tianping.trust.SignedHead.unsigned(r.records(), r.head())
                    : tianping.trust.SignedHead.signed(r.records(), r.head(), signer == null ? tianping.trust.Signatures.defaultSigner() : signer,
                    java.time.Instant.now(), signing));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "cat", description = "按序输出全部记录（已封存的压缩段解压后，接着当前文件），即未分段时的 decisions.jsonl，逐字节相同；"
            + "只有标准工具时同样可得：zcat DIR/segments/*.jsonl.gz; cat DIR/decisions.jsonl")
    static final class Cat implements Callable<Integer> {

        @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
        Path dir = Path.of(".tianping");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path file = dir.resolve(DecisionLog.FILE);
            if (!Files.exists(file) && tianping.audit.LogSegments.sealed(file).isEmpty()) {
                spec.commandLine().getErr().println(file + "：不存在");
                return ExitCode.CASE_REJECTED;
            }
            // the records are UTF-8 (invalid text is refused before it is logged), so decoding and re-encoding keeps every byte
            PrintWriter out = spec.commandLine().getOut();
            try (var in = new java.io.InputStreamReader(tianping.audit.LogSegments.plain(file), java.nio.charset.StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
