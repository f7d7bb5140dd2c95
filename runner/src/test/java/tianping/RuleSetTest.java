package tianping;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;
import tianping.law.TableError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled rule set (precompiled at build time) and the same rules directory compiled at run time are the
 * same rule set: same fingerprint, same decisions on every fixture. And a broken rules directory is refused
 * with every error located.
 */
public class RuleSetTest {

    private static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();
    private static RuleSet compiled;

    @BeforeAll
    static void compileTheSourceTree() throws Exception {
        compiled = RuleSet.fromDirectory(RULES);
    }

    @Test
    void precompiledAndRuntimeCompiledRuleSetsDecideAlike() throws Exception {
        RuleSet bundled = Fixtures.ruleSet();
        assertEquals(bundled.fingerprint(), compiled.fingerprint());
        assertEquals(bundled.ruleCount(), compiled.ruleCount());
        for (Path caseFile : Fixtures.caseFiles()) {
            Fixtures.assertSameText(Json.write(Fixtures.decide(bundled, caseFile)), Json.write(Fixtures.decide(compiled, caseFile)), Fixtures.name(caseFile));
        }
    }

    @Test
    void aConflictWithoutPrecedenceStopsTheLoadNamingBothRules(@TempDir Path dir) throws Exception {
        copyRules(dir);
        replace(dir.resolve("drl/ladders.drl"), "    @overrides(\"PEN-*\")\n    @yieldsTo(\"NP-*\", \"NF-*\")\n    agenda-group \"ladders\"\nwhen\n    $f : Finding( inRegion(\"3308\")",
                "    @yieldsTo(\"NP-*\", \"NF-*\")\n    agenda-group \"ladders\"\nwhen\n    $f : Finding( inRegion(\"3308\")");
        List<TableError> errors = loadErrors(dir);
        assertTrue(errors.stream().anyMatch(e -> e.code().equals("rule_conflict") && e.message().contains("REM-QZ") && e.message().contains("PEN-PX-34-1")),
                errors.toString());
    }

    @Test
    void compileErrorsAndUnknownParametersAreLocated(@TempDir Path dir) throws Exception {
        copyRules(dir);
        replace(dir.resolve("drl/seal-up.drl"), "$f : Finding( seriousHarm == true )", "$f : Finding( seriousHarm == )");
        List<TableError> compile = loadErrors(dir);
        assertTrue(compile.stream().anyMatch(e -> e.code().equals("rule_compile_error") && e.file().equals("drl/seal-up.drl") && e.line() > 0), compile.toString());

        copyRules(dir);
        replace(dir.resolve("drl/production-limit.drl"), "law.number(\"停产整治重金属倍数\"", "law.number(\"停产整治重金属倍率\"");
        List<TableError> parameters = loadErrors(dir);
        assertTrue(parameters.stream().anyMatch(e -> e.code().equals("unknown_reference") && e.message().contains("停产整治重金属倍率")), parameters.toString());
    }

    @Test
    void precedenceMustNameExistingRules(@TempDir Path dir) throws Exception {
        copyRules(dir);
        replace(dir.resolve("drl/seal-up.drl"), "@overrides(\"SEAL-29-4-1\", \"SEAL-29-4-2\", \"SEAL-29-4-3\")\n    @yieldsTo",
                "@overrides(\"SEAL-29-4-1\", \"SEAL-29-4-2\", \"SEAL-29-4-9\")\n    @yieldsTo");
        assertTrue(loadErrors(dir).stream().anyMatch(e -> e.code().equals("rule_reference_error") && e.message().contains("SEAL-29-4-9")));
    }

    private static List<TableError> loadErrors(Path dir) {
        return assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir)).errors();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "测试前提：" + file + " 含有要替换的文字");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** A copy of the bundled rules/ (tables and hand-written DRL) in {@code dir}, for tests that edit the law. */
    public static void copyRules(Path dir) throws IOException {
        for (String sub : List.of("tables", "drl")) {
            try (Stream<Path> walk = Files.walk(RULES.resolve(sub))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(RULES.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
