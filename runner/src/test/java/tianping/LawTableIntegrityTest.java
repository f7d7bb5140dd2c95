package tianping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits a legal staffer could make to the tables that must stop the load (exit 3) with the exact
 * {@code 文件:行: 代码: 说明} line, run on a copy of rules/ through the real {@code check --rules} command.
 */
class LawTableIntegrityTest {

    private static final String CASE = Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toString();

    @Test
    void aTableErrorNamesTheLineItIsOnNotTheFilesLastLine(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path lists = dir.resolve("tables/lists.csv");
        replace(lists, "3713,2020-05-01,2025-04-30", "3713,2020-05-01,2015-04-30");
        long line = lineOf(lists, "LY-2020,");
        long last = Files.readAllLines(lists, StandardCharsets.UTF_8).size();
        assertTrue(line < last, "测试前提：LY-2020 不是最后一行");

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of("tables/lists.csv:" + line + ": table_value_error: 失效日期 2015-04-30 早于生效日期 2020-05-01"),
                errorLines(run.err()));
    }

    @Test
    void aTableSavedAsGbkIsOneErrorWithTheFix(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path lists = dir.resolve("tables/lists.csv");
        Files.write(lists, Files.readString(lists, StandardCharsets.UTF_8).getBytes(Charset.forName("GBK")));

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of("tables/lists.csv:1: table_encoding_error: 不是 UTF-8 编码的文本（Excel 默认另存的“CSV”在中文系统上是 GBK 编码）："
                        + "请在 Excel 中选“另存为”，保存类型选“CSV UTF-8（逗号分隔）”"),
                errorLines(run.err()).stream().filter(l -> l.startsWith("tables/lists.csv")).toList());
    }

    @Test
    void aWorkbookOrAnExtraCsvInTablesIsRefusedByName(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Files.write(dir.resolve("tables/裁量基准.xlsx"), new byte[]{'P', 'K', 3, 4});
        Files.writeString(dir.resolve("tables/lists-2024.csv"), Files.readString(dir.resolve("tables/lists.csv")));

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        List<String> errors = errorLines(run.err());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("tables/lists-2024.csv: table_unknown_file: 规则集不读取这个文件，其中的内容不会生效："), errors.toString());
        assertTrue(errors.get(1).startsWith("tables/裁量基准.xlsx: table_unknown_file: 规则集只读取 CSV 表格，不读取 Excel 工作簿："
                + "请把内容另存为“CSV UTF-8（逗号分隔）”"), errors.toString());
    }

    @Test
    void aHandWrittenRuleWhoseMetadataSaysOtherThanItsConditionsIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path drl = dir.resolve("drl/listed-supervision.drl");
        replace(drl, "    @violation(\"air_exceedance\", \"water_exceedance\")\n    @region(\"34\")",
                "    @violation(\"water_exceedance\")\n    @region(\"3401\")");
        long line = lineOf(drl, "rule \"SUPV-AH-AUTO");

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of(
                "drl/listed-supervision.drl:" + line + ": rule_metadata_mismatch: 规则 SUPV-AH-AUTO 的 @violation(\"water_exceedance\") 与条件不符："
                        + "条件限定的违法行为为 air_exceedance、water_exceedance；请使元数据与条件一致（@violation(\"*\") 表示条件不限定违法行为）",
                "drl/listed-supervision.drl:" + line + ": rule_metadata_mismatch: 规则 SUPV-AH-AUTO 的 @region(\"3401\") 与条件不符："
                        + "条件限定的地区为 34；请使元数据与条件中的 inRegion(…) 一致（不写 @region 表示条件不限定地区）"),
                errorLines(run.err()));
    }

    @Test
    void aRegionGuardWithoutItsMetadataIsRefusedToo(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path drl = dir.resolve("drl/warnings.drl");
        replace(drl, "    @violation(\"*\")\n    @region(\"5108\")\n", "    @violation(\"*\")\n");
        long line = lineOf(drl, "rule \"WARN-YELLOW-OVERDUE");

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of("drl/warnings.drl:" + line + ": rule_metadata_mismatch: 规则 WARN-YELLOW-OVERDUE 的 @region() 与条件不符："
                        + "条件限定的地区为 5108；请使元数据与条件中的 inRegion(…) 一致（不写 @region 表示条件不限定地区）"),
                errorLines(run.err()));
    }

    @Test
    void twoItemsOfOneListThatCanHoldTogetherWithDifferentOutcomesStopTheLoad(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path items = dir.resolve("tables/no-penalty-items.csv");
        String text = Files.readString(items, StandardCharsets.UTF_8);
        Files.writeString(items, text + (text.endsWith("\n") ? "" : "\n")
                + "NP-SX-Q-AIR,SX-2022,轻微不罚,air_exceedance,超标排放大气污染物，及时改正,大气污染防治法第九十九条第（二）项,超标因子数 = 1,,轻微不罚 大气污染类,,,\n",
                StandardCharsets.UTF_8);
        long line = lineOf(items, "NP-SX-Q-AIR,");

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of("tables/no-penalty-items.csv:" + line + ": rule_conflict: 事项 NP-SX-F-AIR（首违不罚，可以不予处罚）与 NP-SX-Q-AIR（轻微不罚，应当不予处罚）"
                        + "同属清单 SX-2022、针对同一违法行为，条件可以同时成立而结论不同：请在条件中写明二者互斥的情节，或把其中一项移出"),
                errorLines(run.err()));
    }

    /** The {@code 文件:行: 代码: 说明} lines of a refused load (stderr may carry a heading line too). */
    static List<String> errorLines(String err) {
        return err.lines().filter(l -> l.matches("^(tables|drl)/[^:]+(:\\d+)?: [a-z_]+: .*")).toList();
    }

    static long lineOf(Path file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i + 1;
        throw new AssertionError("测试前提：" + file + " 中有以 " + prefix + " 开头的行");
    }

    /** Each benchmark says where 从重 and 从轻 put the fine; a row without it, or with a place outside 0–1, does not load. */
    @Test
    void aBenchmarkWithoutItsPlacementOfAggravationAndMitigationIsRefused(@TempDir Path dir) throws Exception {
        RuleSetTest.copyRules(dir);
        Path benchmarks = dir.resolve("tables/benchmarks.csv");
        long sd = lineOf(benchmarks, "SD-2019,");
        long zj = lineOf(benchmarks, "ZJ-2020,");
        String sdRow = Files.readAllLines(benchmarks, StandardCharsets.UTF_8).get((int) sd - 1);
        String zjRow = Files.readAllLines(benchmarks, StandardCharsets.UTF_8).get((int) zj - 1);
        replace(benchmarks, sdRow, sdRow.replaceFirst(",0\\.2,0\\.5,0\\.5,0\\.5,", ",0.2,1.5,0.5,0.5,"));
        replace(benchmarks, zjRow, zjRow.replaceFirst(",0\\.2,0\\.5,0\\.5,0\\.5,\\[K\\][^,]*$", ",0.2,0.5,,0.5,"));

        CliTest.Run run = CliTest.run("check", "--no-log", "--rules", dir.toString(), CASE);
        assertEquals(3, run.code(), run.err());
        assertEquals(List.of(
                "tables/benchmarks.csv:" + zj + ": table_value_error: 列“从轻系数”不能为空",
                "tables/benchmarks.csv:" + zj + ": table_value_error: 列“从重从轻来源”不能为空",
                "tables/benchmarks.csv:" + sd + ": table_value_error: 列“从重最低位置”是法定幅度中的位置或系数，应在 0 至 1 之间（0.5 = 中间值），实际为“1.5”"),
                errorLines(run.err()).stream().filter(l -> l.startsWith("tables/benchmarks.csv")).toList());
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "测试前提：" + file + " 含有要替换的文字");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
