package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.SnapshotStore;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.trust.RuleSetSignature;
import tianping.trust.Signatures;
import tianping.core.Sha256;
import tianping.law.RuleFiles;
import tianping.law.RuleSetDiff;
import tianping.batch.UsageException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tianping rules …}: work on rule sets as a whole. */
@Command(name = "rules", description = "规则集：比较两个规则集（diff），签名（sign）。", subcommands = {RulesCommand.Diff.class, RulesCommand.Sign.class})
final class RulesCommand {

    /**
     * {@code tianping rules diff A B}: what changed between two rule sets in legal terms — rows added, removed or
     * changed field by field with their source and dates, rules added, removed or changed. Neither set is compiled.
     */
    @Command(name = "diff", description = "比较两个规则集：表格行的新增、删除、逐列修改（附来源与日期），手写规则的新增、删除、修改。A、B 为规则目录，或决定记录中规则集快照的指纹（sha256:…，配合 --log）。")
    static final class Diff implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "A", description = "原规则集：目录或指纹")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "新规则集：目录或指纹")
        String b;

        @Option(names = "--log", paramLabel = "DIR", description = "指纹所在的决定记录目录（缺省 .tianping）")
        Path log = Path.of(".tianping");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RuleFiles x = open(a);
            RuleFiles y = open(b);
            List<RuleSetDiff.Change> changes = RuleSetDiff.between(x, y);
            out.println("规则集差异：" + x.origin() + " → " + y.origin() + "，共 " + changes.size() + " 处");
            String file = null;
            for (RuleSetDiff.Change c : changes) {
                if (!c.file().equals(file)) {
                    file = c.file();
                    out.println();
                    out.println(file);
                }
                out.println("  " + c.kind() + "  " + c.key());
                for (String f : c.fields()) out.println("      " + f);
                if (!c.provenance().isEmpty()) out.println("      （" + c.provenance() + "）");
            }
            out.flush();
            return ExitCode.OK;
        }

        private RuleFiles open(String where) throws Exception {
            if (Sha256.isWellFormed(where)) return new SnapshotStore(log).files(where);
            Path dir = Path.of(where);
            if (!Files.isDirectory(dir)) throw new UsageException(where + "：不是规则目录，也不是 sha256: 加 64 位十六进制数字的规则集指纹");
            return RuleFiles.fromDirectory(dir);
        }
    }

    @Command(name = "sign", description = "加载规则目录（与 check --rules 同样检查并编译），无误后以私钥签名其指纹与每个文件，写入 DIR/rules.sig；"
            + "部署以 --trust-key 只接受这样签名的规则集。")
    static final class Sign implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "规则目录（结构同 rules/）")
        Path dir;

        @Option(names = "--key", required = true, paramLabel = "PRIVATE.pem", description = "签名私钥（tianping keys generate 生成）")
        Path key;

        @Option(names = "--signer", paramLabel = "NAME", description = "签名者（部门与姓名）；缺省为 用户名@主机名")
        String signer;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Signatures.Signer k = Signatures.readPrivate(key);
            // only a rule set that loads is signed; its files are those just read and compiled
            RuleSet rs = RuleSetOption.load(dir, tianping.trust.TrustedKeys.NONE);
            byte[] sig = RuleSetSignature.sign(rs.files(), rs.fingerprint(), EngineVersion.FULL, signer == null ? Signatures.defaultSigner() : signer,
                    Instant.now(), k);
            Path file = dir.resolve(RuleSetSignature.FILE);
            // written beside and renamed: an earlier rules.sig (or a link named so) is replaced, never written through
            Path tmp = Files.write(dir.resolve(RuleSetSignature.FILE + ".tmp-" + ProcessHandle.current().pid()), sig);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println(file + "：已签名规则集 " + rs.fingerprint() + "（" + rs.ruleCount() + " 条规则），公钥 "
                    + Signatures.keyId(k.publicKey()));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
