package tianping;

import com.fasterxml.jackson.databind.JsonNode;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rules directory cannot run code of its own: table text reaches the Java the executable model generates only as
 * a literal (a quote in a 事项名称 loads and decides; a cell written to break out of the literal is just text), and
 * a hand-written consequence outside the project's vocabulary stops the load with exit 3 before anything is
 * compiled or decided.
 */
class TrustBoundaryTest {

    private static final String CASE = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString();
    private static final String NAME = "初次超标排放大气污染物：仅一项因子、小时均值超标倍数小于0.1、自然日累计超标不超过4小时";

    @Test
    void aQuoteInAnItemNameLoadsAndDecides(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        replace(dir.resolve("tables/no-penalty-items.csv"), "NP-SX-F-AIR,SX-2022,首违不罚,air_exceedance," + NAME,
                "NP-SX-F-AIR,SX-2022,首违不罚,air_exceedance,\"" + NAME + "（\"\"首违\"\"）\"");
        CliTest.Run run = CliTest.run("check", "--no-log", "--json", "--rules", dir.toString(), CASE);
        assertEquals(0, run.code(), run.err());
        JsonNode d = Json.MAPPER.readTree(run.out());
        assertEquals("NP-SX-F-AIR", d.at("/findings/0/disposition/rule").asText());
        assertTrue(run.out().contains("NP-SX-F-AIR 首违不罚：" + NAME + "（“首违”）"), run.out());
    }

    @Test
    void aCellWrittenToBreakOutOfTheGeneratedJavaIsJustText(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        String attack = "\"); System.exit(7); String s = (\"";
        replace(dir.resolve("tables/no-penalty-items.csv"), "NP-SX-F-AIR,SX-2022,首违不罚,air_exceedance," + NAME,
                "NP-SX-F-AIR,SX-2022,首违不罚,air_exceedance,\"" + attack.replace("\"", "\"\"") + "\"");
        RuleSet rules = RuleSet.fromDirectory(dir);
        assertEquals("NP-SX-F-AIR 首违不罚：“); System.exit(7); String s = (”", rules.byId("NP-SX-F-AIR").name());
    }

    @Test
    void aCellThatCouldEndACommentOrEscapeIsRefusedOnItsLine(@TempDir Path dir) throws Exception {
        for (String cell : List.of("*/ 注释结束", "\\u0022 转义", "换行\u2028")) {
            RuleSetTest.copyRules(dir);
            replace(dir.resolve("tables/no-penalty-items.csv"), "NP-SX-F-AIR,SX-2022,首违不罚,air_exceedance," + NAME,
                    "NP-SX-F-AIR,SX-2022,首违不罚,air_exceedance," + cell);
            List<TableError> errors = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir)).errors();
            long line = lineOf(dir.resolve("tables/no-penalty-items.csv"), "NP-SX-F-AIR,");
            assertEquals(List.of("tables/no-penalty-items.csv:" + line + ": unsafe_text"),
                    errors.stream().map(e -> e.file() + ":" + e.line() + ": " + e.code()).toList(), cell);
        }
    }

    @Test
    void systemExitInAConsequenceStopsTheLoadWithExit3AndNothingDecided(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path drl = dir.resolve("drl/aggravation.drl");
        replace(drl, "Decisions.propose(kcontext, $f, $f.getAlertLevel() + \"预警期间超标排放大气污染物\");", "System.exit(0);");
        Path log = dir.resolve("log");
        CliTest.Run run = CliTest.run("check", "--log", log.toString(), "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        long line = lineOf(drl, "System.exit(0);");
        assertTrue(run.err().contains("drl/aggravation.drl:" + line + ": rule_forbidden: 结论中不允许静态调用“System.exit(…)”"), run.err());
        assertEquals("", run.out());
        assertTrue(!Files.exists(log.resolve("decisions.jsonl")) || Files.size(log.resolve("decisions.jsonl")) == 0, "没有决定记录");
    }

    private static long lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "测试前提：" + file + " 含有要替换的文字");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
