package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.engine.EngineVersion;
import tianping.engine.RuleSet;
import tianping.trust.RuleSetSignature;
import tianping.trust.Signatures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "rules", description = "规则目录：签名。", subcommands = {RulesCommand.Sign.class})
final class RulesCommand {

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
