package tianping.cli;

import picocli.CommandLine.Option;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;

import java.io.IOException;
import java.nio.file.Path;

/** The rule set a command runs with: the bundled one, or a rules directory given with -r. */
final class RuleSetOption {

    @Option(names = {"-r", "--rules"}, paramLabel = "DIR",
            description = "规则目录（结构同 rules/：tables/ 与 drl/），当场生成并编译；缺省用内置规则集")
    Path rulesDir;

    @picocli.CommandLine.Mixin
    TrustKeyOption trust = new TrustKeyOption();

    RuleSet load() throws RuleSetException, IOException {
        var keys = trust.keys(); // a key file that cannot be read is a usage error even without --rules
        return rulesDir == null ? RuleSet.bundled() : load(rulesDir, keys);
    }

    /** A rules directory the operator named, signed by one of {@code keys} if they are any. */
    static RuleSet load(Path rulesDir, tianping.trust.TrustedKeys keys) throws RuleSetException, IOException {
        if (!java.nio.file.Files.isDirectory(rulesDir)) {
            // README: a rule set that cannot load is exit 3, a missing folder included
            throw new RuleSetException(java.util.List.of(new tianping.law.TableError(rulesDir.toString(), 0, "ruleset_missing",
                    java.nio.file.Files.exists(rulesDir) ? "不是目录：规则目录应含 tables/ 与 drl/" : "规则目录不存在")));
        }
        return RuleSet.fromDirectory(rulesDir, keys);
    }
}
