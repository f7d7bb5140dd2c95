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

    RuleSet load() throws RuleSetException, IOException {
        if (rulesDir != null && !java.nio.file.Files.isDirectory(rulesDir)) {
            // README: a rule set that cannot load is exit 3, a missing folder included
            throw new RuleSetException(java.util.List.of(new tianping.law.TableError(rulesDir.toString(), 0, "ruleset_missing",
                    java.nio.file.Files.exists(rulesDir) ? "不是目录：规则目录应含 tables/ 与 drl/" : "规则目录不存在")));
        }
        return rulesDir == null ? RuleSet.bundled() : RuleSet.fromDirectory(rulesDir);
    }
}
