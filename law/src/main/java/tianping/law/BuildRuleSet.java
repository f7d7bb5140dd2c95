package tianping.law;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step of the rules module: reads the tables, generates their rules, and lays the whole rule set out for
 * packaging. The DRL files (hand-written and generated) go where the Drools plugin compiles them, which is
 * only ever {@code src/main/resources}; the tables and the index of every rule-set file go to a separate
 * resource folder, because the plugin would take any .csv under src/main/resources for a Drools decision
 * table. A table error, or a rule outside the project's vocabulary ({@link RuleVetting}), fails the build with
 * {@code file:line: code: message} lines.
 *
 * <p>Usage: {@code BuildRuleSet <rules-module-dir> <drl-output-dir> <other-output-dir>}
 */
public final class BuildRuleSet {

    private BuildRuleSet() {
    }

    private static void refuse(List<TableError> errors) throws RuleSetException {
        if (!errors.isEmpty()) throw new RuleSetException(errors);
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path drlOut = Path.of(args[1]);
        Path otherOut = Path.of(args[2]);
        RuleFiles files = RuleFiles.fromDirectory(source);
        LawBook book;
        try {
            refuse(TableText.check(files));
            book = LawBook.read(files);
            refuse(GeneratorInput.check(book, files));
        } catch (RuleSetException e) {
            e.errors().forEach(err -> System.err.println(err));
            throw new IllegalStateException("规则表有 " + e.errors().size() + " 处错误，构建中止");
        }
        RuleFiles all = files.withGenerated(RuleGenerator.generate(book));
        // the bundled rule set is trusted at run time because it passed the same vetting as any other, here
        List<TableError> vetting = RuleVetting.check(all);
        if (!vetting.isEmpty()) {
            vetting.forEach(err -> System.err.println(err));
            throw new IllegalStateException("规则有 " + vetting.size() + " 处使用了项目用语之外的写法，构建中止");
        }
        for (var e : all.files().entrySet()) {
            Path target = (e.getKey().endsWith(".drl") ? drlOut : otherOut).resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        Files.writeString(otherOut.resolve("ruleset.index"), String.join("\n", all.files().keySet()) + "\n", StandardCharsets.UTF_8);
        // each file's hash as built (sha256sum -c format), so log verify can name a file changed in the jar since
        StringBuilder sums = new StringBuilder();
        all.files().forEach((path, content) -> sums.append(tianping.core.Sha256.hex(tianping.core.Sha256.digest().digest(content))).append("  ").append(path).append('\n'));
        Files.writeString(otherOut.resolve("ruleset.sha256"), sums.toString(), StandardCharsets.UTF_8);
    }
}
