package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tianping.engine.RuleSet;
import tianping.lawtest.RuleTestReport;
import tianping.lawtest.RuleTestRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tianping test [RULES_DIR]}: runs a rule set's own tests (the CSV files under its {@code tests/}) so that
 * legal staff can check a change of law without Java; {@code mvn verify} runs the same code on the bundled rules.
 */
@Command(name = "test", description = "运行规则集自带的测试（规则目录下 tests/ 中的 CSV），逐项列出未通过的测试与差异。")
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "RULES_DIR", description = "规则目录（结构同 rules/），当场生成并编译；缺省用内置规则集与 rules/tests/")
    Path rulesDir;

    @Option(names = "--tests", paramLabel = "DIR", description = "测试目录；缺省为规则目录下的 tests/")
    Path testsDir;

    @Option(names = "--cases", paramLabel = "DIR", description = "案件库：测试中的案件在测试文件旁找不到时到这里找；缺省为规则目录旁的 fixtures/cases/")
    Path caseLibrary;

    @Option(names = {"-v", "--verbose"}, description = "通过的测试也逐项列出")
    boolean verbose;

    @Option(names = "--coverage", description = "另列覆盖率：每个清单事项、罚则、手写规则是否在测试中适用或触发，每行参数是否被读取，每个数值条件的两侧是否都有测试")
    boolean coverage;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path rules = rulesDir != null ? rulesDir : defaultRules();
        Path tests = testsDir != null ? testsDir : rules.resolve("tests");
        Path cases = caseLibrary != null ? caseLibrary : rules.toAbsolutePath().normalize().resolveSibling("fixtures").resolve("cases");
        if (rulesDir != null && !Files.isDirectory(rulesDir)) {
            err.println(rulesDir + ": 规则目录不存在");
            return ExitCode.USAGE;
        }
        if (!Files.isDirectory(tests)) {
            err.println(tests + ": 测试目录不存在（测试写在规则目录下的 tests/ 中，见 rules/README.md）");
            return ExitCode.USAGE;
        }
        long start = System.nanoTime();
        RuleSet ruleSet = rulesDir == null ? RuleSet.bundled() : RuleSet.fromDirectory(rulesDir);
        var summary = RuleTestReport.run(new RuleTestRunner(ruleSet, cases), tests, Path.of(""));
        RuleTestReport.print(summary, tests, verbose, out);
        if (coverage) tianping.lawtest.LawCoverage.print(tianping.lawtest.LawCoverage.of(ruleSet, summary.results()), out);
        // elapsed time is for the person waiting, on stderr; stdout stays the same from run to run
        err.printf("用时 %.1f 秒（%s）%n", (System.nanoTime() - start) / 1e9, rulesDir == null ? "内置规则集" : "规则目录 " + rulesDir);
        return summary.ok() ? ExitCode.OK : ExitCode.CASE_REJECTED;
    }

    /** rules/ beside the launcher when run through it, else rules/ in the working directory. */
    private static Path defaultRules() {
        String launcher = System.getProperty("tianping.launcher");
        if (launcher != null) return Path.of(launcher).toAbsolutePath().getParent().resolve("rules");
        return Path.of("rules");
    }
}
