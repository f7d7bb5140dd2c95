package tianping.workbook;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.law.LawBook;
import tianping.law.RuleFiles;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbook as legal staff use it: export, edit in Excel or WPS, import; the round trip is exact. */
class TableWorkbookTest {

    private static final Path RULES = Path.of("..", "rules");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbookMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> tableNames() throws Exception {
        try (Stream<Path> s = Files.list(RULES.resolve("tables"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
    }

    private static Path exported(Path dir) {
        Path xlsx = dir.resolve("rules.xlsx");
        Run r = run("tables", "export", xlsx.toString(), "--rules", RULES.toString());
        assertEquals(0, r.code(), r.err());
        return xlsx;
    }

    /** Export → import gives every bundled table back byte for byte, into an empty directory and over a copy. */
    @Test
    void exportThenImportIsByteIdenticalForEveryBundledTable(@TempDir Path dir) throws Exception {
        Path xlsx = exported(dir);
        Path target = Files.createDirectory(dir.resolve("imported"));
        Run r = run("tables", "import", xlsx.toString(), target.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> names = tableNames();
        assertEquals(LawBook.tableFiles().size(), names.size());
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(RULES.resolve("tables").resolve(name)), Files.readAllBytes(target.resolve("tables").resolve(name)), name);
        }
    }

    @Test
    void oneSheetPerTableInChineseWithFrozenHeadersDropDownsAndTheVocabulary(@TempDir Path dir) throws Exception {
        LawBook law = LawBook.read(RuleFiles.fromDirectory(RULES));
        try (InputStream in = Files.newInputStream(exported(dir)); Workbook wb = new XSSFWorkbook(in)) {
            for (String file : tableNames()) {
                Sheet s = wb.getSheet(TableWorkbook.SHEETS.get(file));
                assertTrue(s != null && s.getSheetName().matches("[\\p{IsHan}]+"), file);
                assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), file + " 首行冻结");
                String csvHeader = Files.readAllLines(RULES.resolve("tables").resolve(file)).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
                assertEquals(csvHeader, String.join(",", values(s.getRow(0))), file + " 列名照表格");
            }
            Sheet items = wb.getSheet("不予处罚事项");
            List<String> header = values(items.getRow(0));
            assertTrue(header.contains("原文"), header.toString());
            assertDropDown(items, header.indexOf("类型"), "'不予处罚类型'!$A$2", DataValidation.ErrorStyle.STOP);
            assertDropDown(items, header.indexOf("清单编号"), "'不予处罚清单'!$A$2", DataValidation.ErrorStyle.STOP);
            assertDropDown(items, header.indexOf("违法行为"), "'违法行为类型'!$A$2", DataValidation.ErrorStyle.WARNING);
            // an enumeration: the values the pollutant table's reader accepts, listed on the hidden values sheet
            Sheet pollutants = wb.getSheet("污染物");
            int medium = values(pollutants.getRow(0)).indexOf("环境要素");
            String formula = validation(pollutants, medium).getValidationConstraint().getFormula1();
            Sheet listed = wb.getSheet(TableWorkbook.VALUES);
            int col = org.apache.poi.ss.util.CellReference.convertColStringToIndex(formula.replaceAll(".*!\\$([A-Z]+)\\$2.*", "$1"));
            List<String> allowed = new ArrayList<>();
            for (int r = 1; r <= listed.getLastRowNum() && listed.getRow(r) != null && listed.getRow(r).getCell(col) != null; r++) {
                allowed.add(listed.getRow(r).getCell(col).getStringCellValue());
            }
            assertEquals(law.enumerations().get("pollutants.csv").get("环境要素"), allowed);
            assertEquals(List.of("大气", "水", "噪声"), allowed);
            Sheet vocabulary = wb.getSheet(TableWorkbook.VOCABULARY);
            boolean found = false;
            for (Row row : vocabulary) found |= row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("日最大累计超标时长")
                    && row.getCell(2).getStringCellValue().equals("小时");
            assertTrue(found, "条件用语表");
            assertEquals(SheetVisibility.VERY_HIDDEN, wb.getSheetVisibility(wb.getSheetIndex(TableWorkbook.LAYOUT)));
            assertEquals(0, wb.getActiveSheetIndex());
            assertEquals("不予处罚清单", wb.getSheetName(0));
        }
    }

    /** An edited cell is written anew, an added row appended; every other line stays as it was. */
    @Test
    void editsAndAddedRowsAreWrittenAndNothingElseChanges(@TempDir Path dir) throws Exception {
        Path xlsx = edit(exported(dir), wb -> {
            Sheet holidays = wb.getSheet("节假日");
            holidays.getRow(1).getCell(3).setCellValue("测试来源，含逗号");
            Row added = holidays.createRow(holidays.getLastRowNum() + 1);
            List<String> first = values(holidays.getRow(1));
            for (int c = 0; c < first.size(); c++) added.createCell(c).setCellValue(c == 0 ? "2099-01-01" : first.get(c));
        });
        Path target = Files.createDirectory(dir.resolve("edited"));
        Run r = run("tables", "import", xlsx.toString(), target.toString());
        assertEquals(0, r.code(), r.err());
        List<String> before = Files.readAllLines(RULES.resolve("tables/holidays.csv"));
        List<String> after = Files.readAllLines(target.resolve("tables/holidays.csv"));
        assertEquals(before.size() + 1, after.size());
        int firstRecord = (int) before.stream().takeWhile(l -> l.startsWith("#")).count() + 1;
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) if (!before.get(i).equals(after.get(i))) changed.add(after.get(i));
        assertEquals(1, changed.size(), changed.toString());
        assertTrue(after.get(firstRecord).endsWith(",\"测试来源，含逗号\"") || after.get(firstRecord).endsWith(",测试来源，含逗号"), after.get(firstRecord));
        assertTrue(after.get(after.size() - 1).startsWith("2099-01-01,"), after.get(after.size() - 1));
    }

    /** Errors name the sheet and the cell; nothing is written while there are any. */
    @Test
    void errorsNameSheetAndCellAndNothingIsWritten(@TempDir Path dir) throws Exception {
        int[] at = new int[2];
        String[] original = new String[1];
        Path xlsx = edit(exported(dir), wb -> {
            Sheet items = wb.getSheet("不予处罚事项");
            int violation = values(items.getRow(0)).indexOf("违法行为");
            at[0] = violation;
            items.getRow(3).getCell(violation).setCellValue("air_exceedence");
            Sheet lists = wb.getSheet("不予处罚清单");
            int from = values(lists.getRow(0)).indexOf("生效日期");
            at[1] = from;
            lists.getRow(1).getCell(from).setCellValue("2024-02-30");
            original[0] = wb.getSheet("参数").getRow(2).getCell(1).getStringCellValue();
            wb.getSheet("参数").getRow(2).getCell(1).setCellFormula("1+1");
        });
        Path target = Files.createDirectory(dir.resolve("bad"));
        Run formula = run("tables", "import", xlsx.toString(), target.toString());
        assertEquals(3, formula.code(), formula.err());
        assertTrue(formula.err().contains("参数!B3: workbook_cell_error: 单元格是公式（1+1）"), formula.err());
        Path noFormula = edit(xlsx, wb -> {
            var cell = wb.getSheet("参数").getRow(2).getCell(1);
            cell.removeFormula();
            cell.setCellValue(original[0]);
        });
        Run r = run("tables", "import", noFormula.toString(), target.toString());
        assertEquals(3, r.code(), r.err());
        String d = org.apache.poi.ss.util.CellReference.convertNumToColString(at[0]);
        String g = org.apache.poi.ss.util.CellReference.convertNumToColString(at[1]);
        assertTrue(r.err().contains("不予处罚事项!" + d + "4: unknown_reference: 违法行为“air_exceedence”不在 violation-types.csv 中，是否指“air_exceedance”？"), r.err());
        assertTrue(r.err().contains("不予处罚清单!" + g + "2: table_value_error: 列“生效日期”的日期“2024-02-30”不存在：2024 年 2 月没有 30 日"), r.err());
        assertFalse(Files.exists(target.resolve("tables")), "有错误时不写");
        Run missing = run("tables", "import", dir.resolve("nope.xlsx").toString(), target.toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("不存在"), missing.err());
    }

    @Test
    void tablesAnswersHelpInChinese() {
        for (String[] args : List.of(new String[]{"tables", "--help"}, new String[]{"tables", "export", "--help"},
                new String[]{"tables", "import", "-h"}, new String[]{"help", "tables"})) {
            Run r = run(args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("用法： tianping tables"), r.out());
            assertTrue(r.out().contains("退出码：") && r.out().contains("示例：\n  ./tianping tables "), r.out());
            assertFalse(r.out().matches("(?s).*(Usage:|Show this help|Print version|Commands:).*"), r.out());
        }
        Run wrong = run("tables", "export");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("命令行错误：缺少 参数 FILE.xlsx"), wrong.err());
    }

    private static Path edit(Path xlsx, Consumer<Workbook> change) throws Exception {
        Path out = xlsx.resolveSibling("edited-" + System.nanoTime() + ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
            change.accept(wb);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    private static List<String> values(Row row) {
        List<String> v = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) v.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
        return v;
    }

    private static DataValidation validation(Sheet s, int column) {
        for (DataValidation v : s.getDataValidations()) {
            var r = v.getRegions().getCellRangeAddress(0);
            if (r.getFirstColumn() == column && r.getFirstRow() == 1) return v;
        }
        throw new AssertionError(s.getSheetName() + " 第 " + column + " 列没有下拉列表");
    }

    private static void assertDropDown(Sheet s, int column, String formulaStart, int style) {
        DataValidation v = validation(s, column);
        assertTrue(v.getValidationConstraint().getFormula1().startsWith(formulaStart), v.getValidationConstraint().getFormula1());
        assertEquals(style, v.getErrorStyle());
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
