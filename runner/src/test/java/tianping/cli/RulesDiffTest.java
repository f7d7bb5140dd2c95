package tianping.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tianping rules diff A B} says what changed in legal terms, and {@code impact} names the changed rows that
 * moved each decision. The edits are a legal staffer's: loosen a threshold, change a parameter, reword a rule,
 * add a parameter row.
 */
class RulesDiffTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        tianping.RuleSetTest.copyRules(target);
        return target;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void eachEditIsNamedFieldByFieldWithItsSourceAndDates() throws IOException {
        Path a = copy("a");
        Path b = copy("b");
        edit(b.resolve("tables/no-penalty-items.csv"), "日最大累计超标时长 ≤ 4 小时,,首违不罚 大气污染类", "日最大累计超标时长 ≤ 6 小时,,首违不罚 大气污染类");
        edit(b.resolve("tables/parameters.csv"), "追责时效,2,年,违法行为在二年内未被发现的，不再给予行政处罚,2021-07-15",
                "追责时效,3,年,违法行为在二年内未被发现的，不再给予行政处罚,2021-07-15");
        edit(b.resolve("drl/amount.drl"), "rule \"AMT-34 罚款在法定幅度内依裁量基准确定\"", "rule \"AMT-34 罚款在法定幅度内依裁量基准确定\" // 重排\n");
        Files.writeString(b.resolve("tables/parameters.csv"), "试行参数,1,日,只为测试新增的一行,2026-01-01,,[K] 测试\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        Run r = run("rules", "diff", a.toString(), b.toString());

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("共 4 处"), r.out());
        assertTrue(r.out().contains("drl/amount.drl\n  修改规则  AMT-34 罚款在法定幅度内依裁量基准确定"), r.out());
        assertTrue(r.out().contains("  修改  NP-SX-F-AIR\n      条件：“超标因子含有毒或第一类污染物 = 否；超标因子数 = 1；小时均值最大超标倍数 < 0.1；日最大累计超标时长 ≤ 4 小时” → “超标因子含有毒或第一类污染物 = 否；超标因子数 = 1；小时均值最大超标倍数 < 0.1；日最大累计超标时长 ≤ 6 小时”"), r.out());
        assertTrue(r.out().contains("  修改  追责时效｜2021-07-15｜\n      值：“2” → “3”\n      （来源 [L] 行政处罚法（2021）第三十六条第一款，生效日期 2021-07-15）"), r.out());
        assertTrue(r.out().contains("  新增  试行参数"), r.out());
    }

    @Test
    void impactNamesTheRowThatMovedEachDecision() throws IOException {
        Path b = copy("b");
        edit(b.resolve("tables/no-penalty-items.csv"), "日最大累计超标时长 ≤ 4 小时,,首违不罚 大气污染类", "日最大累计超标时长 ≤ 6 小时,,首违不罚 大气污染类");

        // a first violation with 5 hours of exceedance in the day: fined under ≤ 4 hours, 首违不罚 under ≤ 6
        Path cases = Files.createDirectories(dir.resolve("cases"));
        String applies = Files.readString(Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json"), StandardCharsets.UTF_8);
        assertTrue(applies.contains("\"hours\": 3"));
        Files.writeString(cases.resolve("five-hours.json"), applies.replace("\"hours\": 3", "\"hours\": 5"), StandardCharsets.UTF_8);

        Run r = run("impact", "--candidate", b.toString(), cases.toString());

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("规则集差异 1 处"), r.out());
        assertTrue(r.out().contains("决定改变 1 件"), r.out());
        assertTrue(r.out().contains("因 tables/no-penalty-items.csv  修改  NP-SX-F-AIR：条件："), r.out());
    }

    @Test
    void aNameThatIsNeitherAFolderNorAFingerprintIsAUsageError() {
        Run r = run("rules", "diff", dir.resolve("nope").toString(), "sha256:xyz");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("不是规则目录，也不是 sha256: 加 64 位十六进制数字的规则集指纹"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
