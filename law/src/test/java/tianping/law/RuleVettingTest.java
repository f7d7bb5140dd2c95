package tianping.law;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled rule set uses only the project's vocabulary, and each construct outside it — in a condition, a
 * consequence or the file around the rules — is refused with file, line and the construct named.
 */
class RuleVettingTest {

    private static RuleFiles bundled() throws Exception {
        RuleFiles sources = RuleFiles.fromDirectory(BundledTables.RULES);
        return sources.withGenerated(RuleGenerator.generate(BundledTables.book()));
    }

    @Test
    void theBundledRuleSetPassesVetting() throws Exception {
        RuleFiles all = bundled();
        assertTrue(all.paths("drl/", ".drl").size() > 10);
        assertEquals(List.of(), RuleVetting.check(all));
    }

    /** A small rule in the shape of the bundled ones, with {@code when} and {@code then} parts to replace. */
    static String rule(String header, String when, String then) {
        return "package tianping.rules;\n\nimport tianping.facts.Finding;\nimport tianping.decide.Decisions;\n" + header
                + "\nglobal tianping.decide.Law law;\n\nrule \"T-1 测试\"\n    @id(\"T-1\")\n    agenda-group \"coercion\"\nwhen\n    "
                + when + "\nthen\n    " + then + "\nend\n";
    }

    static List<TableError> vet(String drl) {
        List<TableError> errors = new ArrayList<>();
        RuleVetting.check("drl/t.drl", drl, errors);
        return errors;
    }

    @Test
    void theProjectsOwnWaysOfWritingPass() {
        assertEquals(List.of(), vet(rule("", "$f : Finding( inRegion(\"3308\"), harm == \"无\", violation in (\"a\", \"b\"), maxHeavyMetalOrPopRatio > 1 )",
                "int n = $f.remindersWithinMonths(law.integer(\"发现提醒处罚提醒有效期间\", $f.getJudgedOn()));\n"
                        + "    Decisions.propose(kcontext, $f, \"第 \" + n + \" 次：\" + tianping.law.Numbers.plain($f.getMaxHeavyMetalOrPopRatio()));")));
    }

    @Test
    void everyForbiddenConstructIsRefusedWithItsLine() {
        String ok = "$f : Finding( harm == \"无\" )";
        String propose = "Decisions.propose(kcontext, $f, \"x\");";
        record Case(String header, String when, String then, String construct, int line) {
        }
        List<Case> cases = List.of(
                new Case("", ok, "System.exit(0);", "System.exit", 14),
                new Case("", ok, propose + "\n    Runtime.getRuntime().exec(\"rm -rf /\");", "Runtime.getRuntime", 15),
                new Case("", ok, "new java.io.File(\"/tmp/x\").delete();", "java.io.File", 14),
                new Case("", ok, "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/x\"), \"y\");", "java.nio.file.Files", 14),
                new Case("", ok, "Decisions.propose(kcontext, $f, $f.getClass().getName());", "getClass", 14),
                new Case("", ok, "Class.forName(\"java.lang.Runtime\");", "Class.forName", 14),
                new Case("", ok, "Thread t = null;", "局部变量类型“Thread”", 14),
                new Case("", ok, "while (true) { }", "循环", 14),
                new Case("", ok, "kcontext.getKieRuntime().halt();", "kcontext", 14),
                new Case("", ok, "drools.halt();", "drools", 14),
                new Case("", ok, "insert(new StringBuilder());", "insert", 14),
                new Case("", ok, "insert($f);", "insert", 14),
                new Case("", ok, "modify($f) { setHarm(\"无\") }", "modify", 14),
                new Case("", ok, "delete($f);", "delete", 14),
                new Case("", ok, "Runnable r = () -> {};", "Runnable", 14),
                new Case("", ok, "Decisions.propose(kcontext, $f, \"\\u0022+System.exit(0)+\\u0022\");", "Unicode 转义", 14),
                new Case("", "$f : Finding( System.exit(0) == null )", propose, "System.exit", 12),
                new Case("", "$f : Finding( harm == new String(\"无\") )", propose, "new", 12),
                new Case("", "$f : Finding( class.name == \"x\" )", propose, "class", 12),
                new Case("", "eval( true )", propose, "eval", 12),
                new Case("", "$f : Finding() from entry-point \"x\"", propose, "entry-point", 12),
                new Case("", "$s : String() from \"x\"", propose, "String", 12),
                new Case("import java.io.File;", ok, propose, "java.io.File", 5),
                new Case("import function java.lang.System.exit;", ok, propose, "import function", 5),
                new Case("function void f() { System.exit(0); }", ok, propose, "function", 5),
                new Case("global java.lang.Runtime runtime;", ok, propose, "java.lang.Runtime", 5),
                new Case("declare Evil\n  x : String\nend", ok, propose, "declare", 5));
        for (Case c : cases) {
            String drl = rule(c.header(), c.when(), c.then());
            List<TableError> errors = vet(drl);
            assertTrue(errors.stream().anyMatch(e -> e.file().equals("drl/t.drl") && e.message().contains(c.construct())
                            && (e.code().equals("rule_forbidden") || e.code().equals("rule_compile_error"))),
                    c + " → " + errors);
            assertTrue(errors.stream().anyMatch(e -> e.line() == c.line()),
                    "行号：" + c + " → " + errors);
        }
    }

    @Test
    void ruleNamesTheExecutableModelCannotQuoteAreRefused() {
        for (String name : List.of("a \\\"+x+\\\" b", "a */ b")) {
            String drl = rule("", "$f : Finding()", "Decisions.propose(kcontext, $f, \"x\");").replace("T-1 测试", name);
            assertTrue(vet(drl).stream().anyMatch(e -> e.line() == 8 && e.message().contains("名称")), name + " → " + vet(drl));
        }
    }

    @Test
    void packageAndDialectAreFixed() {
        assertTrue(vet(rule("", "$f : Finding()", "Decisions.propose(kcontext, $f, \"x\");").replace("package tianping.rules;", "package evil;"))
                .stream().anyMatch(e -> e.message().contains("evil")));
        assertTrue(vet(rule("", "$f : Finding()", "Decisions.propose(kcontext, $f, \"x\");").replace("agenda-group \"coercion\"", "dialect \"mvel\""))
                .stream().anyMatch(e -> e.message().contains("dialect")));
        assertTrue(vet(rule("", "$f : Finding()", "Decisions.propose(kcontext, $f, \"x\");").replace("agenda-group \"coercion\"", "salience ($f.getHarm().length())"))
                .stream().anyMatch(e -> e.message().contains("salience")));
    }
}
