package tianping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.law.LawBook;
import tianping.law.RuleFiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tianping.LawTableIntegrityTest.errorLines;
import static tianping.LawTableIntegrityTest.lineOf;
import static tianping.LawTableIntegrityTest.replace;

/**
 * parameters.csv rows the Java code reads (故障报告时限 in hours, 追责时效 in years, …): a renamed row, a value that is
 * not a number, or a unit the code cannot convert stops {@code check --rules} with exit 3 on the row's line; a unit it
 * can convert ({@code 1,日} where hours are read) is read as 24 hours.
 */
class ParameterIntegrityTest {

    private static final String CASE = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString();
    private static final String FAULT = "故障报告时限,24,小时,";

    @Test
    void aRenamedParameterTheCodeReadsIsRefusedByItsName(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        replace(dir.resolve("tables/parameters.csv"), FAULT, "故障报告期限,24,小时,");
        assertEquals(List.of("tables/parameters.csv: unknown_reference: 缺少参数“故障报告时限”：程序读取它（单位：小时），参数名须与此完全一致"),
                refused(dir));
    }

    @Test
    void aValueWrittenInChineseNumeralsIsRefusedOnItsLine(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path table = dir.resolve("tables/parameters.csv");
        replace(table, "追责时效,2,年,违法行为在二年内未被发现的，不再给予行政处罚,2021-07-15", "追责时效,二,年,违法行为在二年内未被发现的，不再给予行政处罚,2021-07-15");
        long line = lineOf(table, "追责时效,二,");
        assertEquals(List.of("tables/parameters.csv:" + line + ": table_value_error: 参数“追责时效”的值“二”不是数字（请用阿拉伯数字，如 2、0.5）"),
                refused(dir));
    }

    @Test
    void aUnitTheCodeCannotConvertIsRefusedOnItsLine(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path table = dir.resolve("tables/parameters.csv");
        replace(table, FAULT, "故障报告时限,1,个月,");
        long line = lineOf(table, "故障报告时限,");
        assertEquals(List.of("tables/parameters.csv:" + line + ": table_value_error: 参数“故障报告时限”的单位“个月”无法换算为程序使用的单位“小时”"),
                refused(dir));
    }

    @Test
    void aUnitOfARuleReadParameterNeedsANumberToo(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path table = dir.resolve("tables/parameters.csv");
        replace(table, "黄色预警累计期间,12,个月,", "黄色预警累计期间,十二,个月,");
        long line = lineOf(table, "黄色预警累计期间,");
        assertEquals(List.of("tables/parameters.csv:" + line + ": table_value_error: 参数“黄色预警累计期间”的值“十二”不是数字（请用阿拉伯数字，如 2、0.5）"),
                refused(dir));
    }

    @Test
    void oneDayWhereHoursAreReadIsTwentyFourHours(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        replace(dir.resolve("tables/parameters.csv"), FAULT, "故障报告时限,1,日,");
        LawBook book = LawBook.read(RuleFiles.fromDirectory(dir));
        LocalDate date = LocalDate.of(2024, 6, 1);
        assertEquals(24.0, book.number("故障报告时限", date));
        assertEquals("小时", book.parameter("故障报告时限", date).unit());

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(0, run.code(), run.err());
    }

    private static List<String> refused(Path dir) throws Exception {
        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        return errorLines(run.err());
    }
}
