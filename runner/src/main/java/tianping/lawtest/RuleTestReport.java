package tianping.lawtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every test under a tests directory and prints, in Chinese, each failing test with where it is written and
 * what differs (one line per difference: 期望 … 实际 …), then a count. Files or rows that cannot be read as tests
 * are listed first as located errors and count as failures: nothing is skipped without a word.
 */
public final class RuleTestReport {

    /** What a run found: the results in file order and the problems with the test files themselves. */
    public record Summary(List<RuleTestRunner.Result> results, List<String> problems) {
        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }

        public boolean ok() {
            return problems.isEmpty() && failed() == 0 && !results.isEmpty();
        }
    }

    private RuleTestReport() {
    }

    /** Reads and runs every test file under {@code testsDir}, shown relative to {@code shownFrom}. */
    public static Summary run(RuleTestRunner runner, Path testsDir, Path shownFrom) throws IOException {
        List<String> problems = new ArrayList<>();
        List<RuleTestRunner.Result> results = new ArrayList<>();
        for (Path file : RuleTestFiles.files(testsDir)) {
            String shown = shown(file, shownFrom);
            for (RuleTest t : RuleTestFiles.read(file, shown, problems)) results.add(runner.run(t, file.getParent()));
        }
        return new Summary(results, problems);
    }

    public static void print(Summary s, Path testsDir, boolean verbose, PrintWriter out) {
        s.problems().forEach(out::println);
        if (s.results().isEmpty() && s.problems().isEmpty()) {
            out.println("没有测试：" + testsDir + " 下没有 .csv 测试文件");
            return;
        }
        for (RuleTestRunner.Result r : s.results()) {
            if (r.passed()) {
                if (verbose) out.println("通过    " + r.test().where() + "  " + r.test().title());
                continue;
            }
            out.println("未通过  " + r.test().where() + "  " + r.test().title());
            for (String d : r.differences()) out.println("        " + d);
        }
        long failed = s.failed();
        out.println("共 " + s.results().size() + " 项测试：通过 " + (s.results().size() - failed) + " 项，未通过 " + failed + " 项"
                + (s.problems().isEmpty() ? "" : "；测试文件有 " + s.problems().size() + " 处错误"));
        out.flush();
    }

    /** A file under the working directory relative to it; one elsewhere absolute (not ../../../tmp/…). */
    private static String shown(Path file, Path from) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = from.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
