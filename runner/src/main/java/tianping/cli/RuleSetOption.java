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
        return rulesDir == null ? RuleSet.bundled() : RuleSet.fromDirectory(rulesDir);
    }
}
