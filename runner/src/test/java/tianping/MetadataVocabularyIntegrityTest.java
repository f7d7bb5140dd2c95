package tianping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tianping.LawTableIntegrityTest.errorLines;

/**
 * A misspelt word in a hand-written rule — agenda group, @disposition, @measure, @mandatory, metadata key — that
 * Drools would accept and the engine would silently never act on (a 从重 in agenda group "coersion" is never focused,
 * so a 280,000 fine stays 200,000) stops {@code check --rules} with exit 3 and the exact {@code 文件:行: 代码: 说明}.
 */
class MetadataVocabularyIntegrityTest {

    private static final String CASE = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString();
    private static final String AGG = "AGG-ALERT 重污染天气预警期间超标排放大气污染物的，可以从重处罚";

    @Test
    void anAgendaGroupThatIsNoPhaseIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path drl = dir.resolve("drl/aggravation.drl");
        long line = editInRule(drl, "rule \"AGG-ALERT", "agenda-group \"coercion\"", "agenda-group \"coersion\"");
        assertEquals(List.of("drl/aggravation.drl:" + line + ": rule_vocabulary_error: 规则“" + AGG + "”的议程组“coersion”不是已定义的阶段"
                        + "（limitation、provisions、no-penalty、ladders、coercion、resolve、amount、consequences、warnings、resolve-consequences）"
                        + "：该规则将永远不会执行"),
                refused(dir));
    }

    @Test
    void aMeasureNotInOutcomeKindsIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        long line = editInRule(dir.resolve("drl/aggravation.drl"), "rule \"AGG-ALERT", "@measure(\"从重处罚\")", "@measure(\"从重\")");
        assertEquals(List.of("drl/aggravation.drl:" + line + ": rule_vocabulary_error: 规则“" + AGG + "”的 @measure(\"从重\") "
                + "不是 outcome-kinds.csv 中类别为措施、注记或预警的名称"), refused(dir));
    }

    @Test
    void aDispositionNotListedAsOneIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        // 查封扣押 is a measure: as a disposition it would be counted as none and the case left without a conclusion.
        long line = editInRule(dir.resolve("drl/ladders.drl"), "rule \"REM-QZ", "@disposition(\"提醒\")", "@disposition(\"查封扣押\")");
        assertEquals(List.of("drl/ladders.drl:" + line + ": rule_vocabulary_error: 规则“REM-QZ 平台发现的违法行为首次发现的，先提醒整改”"
                + "的 @disposition(\"查封扣押\") 不是 outcome-kinds.csv 中类别为处理结论的名称"), refused(dir));
    }

    @Test
    void aMandatoryOtherThanYingdangOrKeyiIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        long line = editInRule(dir.resolve("drl/aggravation.drl"), "rule \"AGG-ALERT", "@mandatory(\"可以\")", "@mandatory(\"必须\")");
        assertEquals(List.of("drl/aggravation.drl:" + line + ": rule_vocabulary_error: 规则“" + AGG + "”的 @mandatory(\"必须\") 只能是“应当”或“可以”"),
                refused(dir));
    }

    @Test
    void aMetadataKeyTheEngineDoesNotReadIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        long line = editInRule(dir.resolve("drl/aggravation.drl"), "rule \"AGG-ALERT", "@mandatory(\"可以\")", "@mandtory(\"可以\")");
        assertEquals(List.of("drl/aggravation.drl:" + line + ": rule_vocabulary_error: 规则“" + AGG + "”的元数据 @mandtory 不是引擎读取的键"
                + "（disposition、id、kind、ladder、legalBasis、mandatory、measure、overrides、region、step、validFrom、validTo、violation、yieldsTo）"
                + "，其内容不会生效"), refused(dir));
    }

    @Test
    void anOutcomeKindRowTheEngineCannotUseIsRefusedOnItsLine(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path table = dir.resolve("tables/outcome-kinds.csv");
        LawTableIntegrityTest.replace(table, "责令改正,措施,12,2,1,", "责令改正,措施,12,3,1,");
        long line = LawTableIntegrityTest.lineOf(table, "责令改正,");
        assertEquals(List.of("tables/outcome-kinds.csv:" + line + ": table_value_error: 轮次“3”应为 1–2 的整数",
                "tables/outcome-kinds.csv:" + line + ": table_value_error: “责令改正”须写轮次（1 或 2）"), refused(dir));
    }

    @Test
    void aDispositionTheEngineNamesMustStayInTheTable(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path table = dir.resolve("tables/outcome-kinds.csv");
        LawTableIntegrityTest.replace(table, "督导,处理结论,14,1,,1,", "督导,措施,14,1,,1,");
        List<String> errors = refused(dir);
        assertTrue(errors.contains("tables/outcome-kinds.csv: unknown_reference: 引擎代码使用的处理结论“督导”须列于表中，类别为处理结论"),
                errors.toString());
    }

    private static List<String> refused(Path dir) throws Exception {
        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        return errorLines(run.err());
    }

    /** Replaces the first {@code from} after the line starting with {@code rulePrefix}; returns the edited line's number. */
    private static long editInRule(Path file, String rulePrefix, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int rule = text.indexOf("\n" + rulePrefix);
        assertTrue(rule >= 0, "测试前提：" + file + " 中有规则 " + rulePrefix);
        int at = text.indexOf(from, rule);
        assertTrue(at >= 0, "测试前提：规则 " + rulePrefix + " 之后有 " + from);
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
