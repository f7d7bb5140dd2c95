package tianping;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tianping.lawtest.RuleTest;
import tianping.lawtest.RuleTestFiles;
import tianping.lawtest.RuleTestRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mvn verify} runs the bundled law's own tests (rules/tests/*.csv, written by legal staff) with the same
 * code as {@code tianping test}: one JUnit test per row, failing with the same Chinese differences.
 */
class BundledLawTest {

    static final Path TESTS = Path.of("..", "rules", "tests").toAbsolutePath().normalize();

    @TestFactory
    List<DynamicTest> everyTestOfTheBundledLawPasses() throws IOException {
        RuleTestRunner runner = new RuleTestRunner(Fixtures.ruleSet(), Fixtures.CASES);
        List<String> problems = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : RuleTestFiles.files(TESTS)) {
            for (RuleTest t : RuleTestFiles.read(file, "rules/tests/" + file.getFileName(), problems)) {
                tests.add(DynamicTest.dynamicTest(t.where() + " " + t.title(), () -> {
                    var r = runner.run(t, file.getParent());
                    assertTrue(r.passed(), t.where() + " " + t.title() + "\n" + String.join("\n", r.differences()));
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("测试文件可读", () -> assertEquals(List.of(), problems)));
        return tests;
    }

    /**
     * Issue 12 point 3: the bundled law's own tests apply every list item, fire every penalty provision and reach
     * both sides of every numeric threshold ({@code tianping test --coverage} prints what is missing). A new item,
     * provision or threshold therefore comes with its test rows.
     */
    @Test
    void theBundledTestsReachEveryItemProvisionAndBothSidesOfEveryThreshold() throws IOException {
        var summary = tianping.lawtest.RuleTestReport.run(new RuleTestRunner(Fixtures.ruleSet(), Fixtures.CASES), TESTS, TESTS);
        var report = tianping.lawtest.LawCoverage.of(Fixtures.ruleSet(), summary.results());
        var out = new java.io.StringWriter();
        tianping.lawtest.LawCoverage.print(report, new java.io.PrintWriter(out));
        assertTrue(report.complete(), out.toString());
    }

    @Test
    void everyFixtureCaseHasAHandWrittenExpectation() throws IOException {
        Set<String> covered = new HashSet<>();
        for (RuleTest t : RuleTestFiles.read(TESTS.resolve("cases.csv"), "rules/tests/cases.csv", new ArrayList<>())) {
            covered.add(t.caseName());
        }
        List<String> missing = Fixtures.caseFiles().stream().map(Fixtures::name).filter(n -> !covered.contains(n)).toList();
        assertEquals(List.of(), missing, "rules/tests/cases.csv 缺少这些案件的预期");
    }
}
