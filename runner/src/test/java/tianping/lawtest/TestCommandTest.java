package tianping.lawtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.Fixtures;
import tianping.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tianping test}: a test file legal staff write, run against the bundled rule set — passing rows exit 0,
 * a wrong expectation exits 1 with a located Chinese diff, a test file that is not a test file is named.
 */
class TestCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String csv) throws IOException {
        Files.writeString(dir.resolve("t.csv"), csv, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[]{"test", "--tests", dir.toString(), "--cases", Fixtures.CASES.toString()},
                new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rowsThatHoldPass() throws IOException {
        Run r = run("""
                # 山西首违不罚：单因子、0.05 倍、3 小时；山西未配置预警办法，预警为空
                案件,违法事实,处理结论,处理结论规则,罚款,成立措施,预警,应触发,不应触发,说明
                shanxi/sx-f-air-applies,F1,不予处罚（首违不罚）,NP-SX-F-AIR,,教育,,PEN-PX-34-1,,
                """);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("共 1 项测试：通过 1 项，未通过 0 项"), r.out());
    }

    @Test
    void aWrongExpectationIsADiffAtItsLineAndExitsOne() throws IOException {
        Run r = run("""
                # 第一行注释
                案件,违法事实,处理结论,罚款,预警,应适用事项
                shanxi/sx-f-air-applies,F1,罚款,1000~5000,蓝色预警,NP-SX-F-AIR
                """);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("未通过  t.csv:3  shanxi/sx-f-air-applies F1") || r.out().contains("t.csv:3"), r.out());
        assertTrue(r.out().contains("处理结论：期望“罚款”，实际“不予处罚（首违不罚）”"), r.out());
        assertTrue(r.out().contains("罚款：期望 1000~5000 元，实际 无罚款"), r.out());
        assertTrue(r.out().contains("共 1 项测试：通过 0 项，未通过 1 项"), r.out());
    }

    @Test
    void anOverriddenFactMovesAnItemAcrossItsThreshold() throws IOException {
        Run r = run("""
                基础案件,字段,取值,事项,期望,失败条件
                shanxi/sx-q-eia-applies,findings[0].details.constructionStage,主体施工,NP-SX-Q-EIA,适用,
                """);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("事项 NP-SX-Q-EIA：期望适用，实际不适用；未满足："), r.out());
    }

    @Test
    void aCodeOfDigitsReplacesATextFieldAsText() throws IOException {
        // 广元 (5108) has a warning scheme: the no-fault case moved there gets the blue notice; written 510802 as
        // legal staff would, not "510802" in JSON quotes (which the schema would refuse as a number before)
        Run r = run("""
                基础案件,字段,取值,处理结论,预警,应触发
                escalation/no-fault,enterprise.regionCode,510802,不予处罚（无过错不罚）,蓝色预警,WARN-BLUE
                """);
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void anUnknownColumnAndAMissingCaseAreNamed() throws IOException {
        Run r = run("""
                案件,处理结论,金额
                shanxi/no-such-case,罚款,1
                """);
        assertEquals(1, r.code());
        assertTrue(r.out().contains("t.csv:1: test_column: 不认识的列“金额”"), r.out());
        assertTrue(r.out().contains("找不到案件“shanxi/no-such-case”"), r.out());
    }
}
