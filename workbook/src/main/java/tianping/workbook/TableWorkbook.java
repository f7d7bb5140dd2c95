package tianping.workbook;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tianping.law.LawBook;
import tianping.law.Measure;
import tianping.law.Measures;
import tianping.law.Op;
import tianping.law.TableError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of a rule set as one XLSX workbook for legal staff (WPS or Excel): one sheet per table under its
 * Chinese name, the CSV's own header frozen in the first row, every cell text, drop-downs for the enumerated
 * columns (the values the table readers accept, {@link LawBook#enumerations()}) and for the columns that name a row of
 * another table (violation codes, lists, kinds, benchmarks), and a sheet of the condition vocabulary. A very hidden
 * sheet keeps each file's layout (comments, blank lines, the exact text of each record), so that importing an
 * unchanged workbook gives every CSV back byte for byte, and an edited record is written anew.
 */
final class TableWorkbook {

    static {
        // POI logs through Log4j's API; without a provider Log4j prints an English complaint on every run
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

    /** The sheet of each table, in the order legal staff meet them. */
    static final Map<String, String> SHEETS = sheets();
    static final String VOCABULARY = "条件用语";
    static final String LAYOUT = "_版式";
    static final String VALUES = "_取值";

    /** Columns naming a row of another table: the drop-down offers that table's first column, as it stands in the workbook. */
    private static final Map<String, String> REFERENCES = Map.of(
            "违法行为", "violation-types.csv", "清单编号", "lists.csv", "类型", "no-penalty-kinds.csv", "基准编号", "benchmarks.csv");
    /** Cells holding several codes separated by 、: the drop-down warns instead of refusing. */
    private static final Map<String, String> SEVERAL = Map.of("no-penalty-items.csv", "违法行为", "penalty-provisions.csv", "违法行为");

    private static Map<String, String> sheets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lists.csv", "不予处罚清单");
        m.put("no-penalty-items.csv", "不予处罚事项");
        m.put("no-penalty-kinds.csv", "不予处罚类型");
        m.put("penalty-provisions.csv", "罚则");
        m.put("parameters.csv", "参数");
        m.put("benchmarks.csv", "裁量基准");
        m.put("discretion-levels.csv", "裁量档次");
        m.put("credit-grades.csv", "信用等级");
        m.put("violation-types.csv", "违法行为类型");
        m.put("outcome-kinds.csv", "处理结论类型");
        m.put("pollutants.csv", "污染物");
        m.put("monitoring-codes.csv", "监测代码");
        m.put("data-flags.csv", "数据标记");
        m.put("reference-oxygen.csv", "基准氧含量");
        m.put("alert-allowances.csv", "预警允许负荷");
        m.put("holidays.csv", "节假日");
        return m;
    }

    private TableWorkbook() {
    }

    // ---- export -------------------------------------------------------------------------------------------

    /** Writes the tables of {@code files} (path in tables/ → bytes) with the law read from them. */
    static void export(SortedMap<String, byte[]> tables, LawBook law, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle head = wb.createCellStyle();
            head.cloneStyleFrom(text);
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Sheet layout = wb.createSheet(LAYOUT);
            Sheet values = wb.createSheet(VALUES);
            Map<String, String> sheetOf = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(SHEETS.keySet().stream().filter(tables::containsKey).toList());
            tables.keySet().stream().filter(f -> !order.contains(f)).forEach(order::add);
            for (String file : order) sheetOf.put(file, SHEETS.getOrDefault(file, file.replaceAll("\\.csv$", "")));
            int valueColumn = 0;
            for (String file : order) {
                CsvLayout csv = CsvLayout.of(new String(tables.get(file), StandardCharsets.UTF_8));
                Sheet sheet = wb.createSheet(sheetOf.get(file));
                layoutRow(layout, file, sheet.getSheetName(), "开头", csv.bom() ? "BOM" : "");
                int r = 0;
                List<String> header = List.of();
                for (CsvLayout.Unit u : csv.units()) {
                    layoutRow(layout, file, sheet.getSheetName(), u.kind().name(), u.raw());
                    if (u.kind() != CsvLayout.Kind.RECORD) continue;
                    Row row = sheet.createRow(r);
                    List<String> fields = u.fields();
                    if (r == 0) header = fields;
                    for (int c = 0; c < fields.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(r == 0 ? head : text);
                        cell.setCellValue(fields.get(c));
                    }
                    r++;
                }
                layoutRow(layout, file, sheet.getSheetName(), "结尾", csv.finalNewline() ? "换行" : "");
                sheet.createFreezePane(0, 1);
                for (int c = 0; c < header.size(); c++) {
                    sheet.setDefaultColumnStyle(c, text);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(8, width(sheet, c))) * 256);
                }
                Map<String, List<String>> enums = law.enumerations().getOrDefault(file, Map.of());
                for (int c = 0; c < header.size(); c++) {
                    String column = header.get(c);
                    String formula = null;
                    if (enums.containsKey(column)) {
                        List<String> allowed = enums.get(column);
                        for (int i = 0; i < allowed.size(); i++) cell(values, i + 1, valueColumn, allowed.get(i));
                        cell(values, 0, valueColumn, file + " " + column);
                        String col = CellReference.convertNumToColString(valueColumn);
                        formula = "'" + VALUES + "'!$" + col + "$2:$" + col + "$" + (allowed.size() + 1);
                        valueColumn++;
                    } else if (REFERENCES.containsKey(column) && !REFERENCES.get(column).equals(file) && sheetOf.containsKey(REFERENCES.get(column))) {
                        formula = "'" + sheetOf.get(REFERENCES.get(column)) + "'!$A$2:$A$" + SpreadsheetVersion.EXCEL2007.getMaxRows();
                    }
                    if (formula != null) dropDown(sheet, c, formula, column.equals(SEVERAL.get(file)));
                }
            }
            vocabulary(wb, head);
            // the tables first, the vocabulary after them, the machinery hidden at the end
            wb.setSheetOrder(LAYOUT, wb.getNumberOfSheets() - 1);
            wb.setSheetOrder(VALUES, wb.getNumberOfSheets() - 1);
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
            wb.setSheetVisibility(wb.getSheetIndex(LAYOUT), SheetVisibility.VERY_HIDDEN);
            wb.setSheetVisibility(wb.getSheetIndex(VALUES), SheetVisibility.HIDDEN);
            wb.write(out);
        }
    }

    private static int width(Sheet sheet, int c) {
        int w = 0;
        for (Row row : sheet) {
            Cell cell = row.getCell(c);
            if (cell != null) w = Math.max(w, cell.getStringCellValue().codePoints().map(ch -> ch > 0x2e80 ? 2 : 1).sum() + 2);
        }
        return w;
    }

    private static void dropDown(Sheet sheet, int column, String formula, boolean warnOnly) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(helper.createFormulaListConstraint(formula),
                new CellRangeAddressList(1, SpreadsheetVersion.EXCEL2007.getLastRowIndex(), column, column));
        v.setShowErrorBox(true);
        v.setErrorStyle(warnOnly ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
        v.createErrorBox("取值不在列表中", warnOnly ? "应为下拉列表中的代码；有多个时以“、”分隔" : "请从下拉列表中选择");
        v.setSuppressDropDownArrow(true);
        sheet.addValidationData(v);
    }

    private static void layoutRow(Sheet layout, String file, String sheet, String kind, String raw) {
        int r = layout.getPhysicalNumberOfRows();
        cell(layout, r, 0, file);
        cell(layout, r, 1, sheet);
        cell(layout, r, 2, kind);
        cell(layout, r, 3, raw);
    }

    private static void cell(Sheet sheet, int r, int c, String value) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        row.createCell(c).setCellValue(value);
    }

    /** The condition language: every term with its kind, unit and values, and the comparators. For reading only. */
    private static void vocabulary(Workbook wb, CellStyle head) {
        Sheet s = wb.createSheet(VOCABULARY);
        String[] header = {"用语", "类型", "单位", "取值", "比较符"};
        for (int c = 0; c < header.length; c++) {
            cell(s, 0, c, header[c]);
            s.getRow(0).getCell(c).setCellStyle(head);
        }
        int r = 1;
        for (Measure m : Measures.all()) {
            cell(s, r, 0, m.label());
            cell(s, r, 1, switch (m.kind()) {
                case NUMBER -> "数值";
                case BOOLEAN -> "是否";
                case TEXT -> "文字";
            });
            cell(s, r, 2, m.unit());
            cell(s, r, 3, m.kind() == Measure.Kind.BOOLEAN ? "是、否" : String.join("、", m.allowed()));
            cell(s, r, 4, switch (m.kind()) {
                case NUMBER -> "<、≤、>、≥、=、≠";
                case BOOLEAN -> "=、≠";
                case TEXT -> "=、≠、∈ {…}";
            });
            r++;
        }
        r++;
        cell(s, r++, 0, "比较符");
        for (Op op : Op.values()) {
            cell(s, r, 0, op.symbol);
            cell(s, r, 1, switch (op) {
                case LT -> "小于";
                case LE -> "小于或等于（“以内”“不超过”），也可写 <=";
                case GT -> "大于";
                case GE -> "大于或等于（“以上”“不低于”），也可写 >=";
                case EQ -> "等于";
                case NE -> "不等于，也可写 !=";
                case IN -> "属于 {值1, 值2}";
            });
            r++;
        }
        cell(s, r, 0, "一个单元格可写多个条件，以“；”分隔，每个条件写成“用语 比较符 值”，如“日最大累计超标时长 ≤ 4 小时”；比较符须为半角。");
        s.createFreezePane(0, 1);
        s.setColumnWidth(0, 40 * 256);
        s.setColumnWidth(1, 30 * 256);
        s.setColumnWidth(3, 60 * 256);
        s.setColumnWidth(4, 20 * 256);
    }

    // ---- import -------------------------------------------------------------------------------------------

    /** The tables of a workbook (path in tables/ → bytes), each record located at its sheet row for error messages. */
    record Tables(SortedMap<String, byte[]> files, Map<String, Map<Long, Integer>> rowOfLine, Map<String, String> sheetOf,
                  Map<String, List<String>> headers) {

        /** A table error of the rule set at its sheet and cell: "不予处罚事项!D12". */
        TableError locate(TableError e) {
            String file = e.file().replaceFirst("^tables/", "");
            String sheet = sheetOf.get(file);
            Integer row = rowOfLine.getOrDefault(file, Map.of()).get(e.line());
            if (sheet == null || row == null) return e;
            String column = "A";
            Matcher m = Pattern.compile("列“([^”]+)”").matcher(e.message());
            List<String> header = headers.getOrDefault(file, List.of());
            if (m.find() && header.contains(m.group(1))) column = CellReference.convertNumToColString(header.indexOf(m.group(1)));
            else if (e.code().equals("condition_error") && header.contains("条件")) column = CellReference.convertNumToColString(header.indexOf("条件"));
            else if (e.message().startsWith("违法行为") && header.contains("违法行为")) column = CellReference.convertNumToColString(header.indexOf("违法行为"));
            return new TableError(sheet + "!" + column + (row + 1), 0, e.code(), e.message());
        }
    }

    /** Reads a workbook written by {@link #export}; cells that cannot become CSV text are errors at their cell. */
    static Tables read(InputStream in, List<TableError> errors) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, Map<Long, Integer>> rowOfLine = new LinkedHashMap<>();
        Map<String, String> sheetOf = new LinkedHashMap<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet layout = wb.getSheet(LAYOUT);
            if (layout == null) {
                errors.add(new TableError("工作簿", 0, "workbook_layout_missing", "没有工作表“" + LAYOUT + "”：只能导入由 tianping tables export 导出的工作簿（在其中修改后保存）"));
                return new Tables(files, rowOfLine, sheetOf, headers);
            }
            Map<String, List<String[]>> units = new LinkedHashMap<>();
            for (Row row : layout) {
                String[] u = {text(row.getCell(0)), text(row.getCell(1)), text(row.getCell(2)), text(row.getCell(3))};
                units.computeIfAbsent(u[0], k -> new ArrayList<>()).add(u);
            }
            for (var entry : units.entrySet()) {
                String file = entry.getKey();
                String sheetName = entry.getValue().get(0)[1];
                sheetOf.put(file, sheetName);
                Sheet sheet = wb.getSheet(sheetName);
                if (sheet == null) {
                    errors.add(new TableError(sheetName, 0, "workbook_sheet_missing", "工作表“" + sheetName + "”（" + file + "）不见了：表格不能删除，可以删去其中的行"));
                    continue;
                }
                List<List<String>> rows = cells(sheet, errors);
                headers.put(file, rows.isEmpty() ? List.of() : rows.get(0));
                StringBuilder out = new StringBuilder();
                Map<Long, Integer> lines = new LinkedHashMap<>();
                int next = 0;
                boolean finalNewline = false;
                List<String> body = new ArrayList<>();
                for (String[] u : entry.getValue()) {
                    switch (u[2]) {
                        case "开头" -> {
                            if (u[3].equals("BOM")) out.append('\uFEFF');
                        }
                        case "结尾" -> finalNewline = u[3].equals("换行");
                        case "COMMENT", "BLANK" -> body.add(u[3]);
                        case "RECORD" -> {
                            // the record's text as exported if its row still holds the same values; else written anew
                            while (next < rows.size() && next > 0 && rows.get(next).stream().allMatch(String::isEmpty)) next++;
                            if (next >= rows.size()) continue;
                            List<String> values = rows.get(next);
                            String raw = u[3];
                            String text = trimmed(CsvLayout.parseRecord(raw)).equals(trimmed(values)) ? raw : CsvLayout.writeRecord(values);
                            body.add("\u0000" + next + "\u0000" + text);
                            next++;
                        }
                        default -> errors.add(new TableError(LAYOUT, 0, "workbook_layout_error", "版式记录无法识别：" + u[2]));
                    }
                }
                // rows added in the workbook after the last exported record follow it
                int insertAt = body.size();
                for (int i = body.size() - 1; i >= 0; i--) {
                    if (body.get(i).startsWith("\u0000")) {
                        insertAt = i + 1;
                        break;
                    }
                }
                List<String> added = new ArrayList<>();
                for (; next < rows.size(); next++) {
                    if (rows.get(next).stream().allMatch(String::isEmpty)) continue;
                    added.add("\u0000" + next + "\u0000" + CsvLayout.writeRecord(rows.get(next)));
                }
                body.addAll(insertAt, added);
                long line = 1;
                for (int i = 0; i < body.size(); i++) {
                    String b = body.get(i);
                    if (b.startsWith("\u0000")) {
                        int end = b.indexOf('\u0000', 1);
                        lines.put(line, Integer.parseInt(b.substring(1, end)));
                        b = b.substring(end + 1);
                    }
                    out.append(b);
                    line += b.chars().filter(c -> c == '\n').count() + 1;
                    if (i < body.size() - 1 || finalNewline) out.append('\n');
                }
                files.put(file, out.toString().getBytes(StandardCharsets.UTF_8));
                rowOfLine.put(file, lines);
            }
        }
        return new Tables(files, rowOfLine, sheetOf, headers);
    }

    private static List<String> trimmed(List<String> values) {
        List<String> t = new ArrayList<>(values);
        while (!t.isEmpty() && t.get(t.size() - 1).isEmpty()) t.remove(t.size() - 1);
        return t;
    }

    /** Every row of a sheet as text, as wide as its header; a formula or an error value is an error at its cell. */
    private static List<List<String>> cells(Sheet sheet, List<TableError> errors) {
        List<List<String>> rows = new ArrayList<>();
        int width = sheet.getRow(0) == null ? 0 : Math.max(0, sheet.getRow(0).getLastCellNum());
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> values = new ArrayList<>();
            for (int c = 0; c < width; c++) values.add(value(sheet, row == null ? null : row.getCell(c), errors));
            if (row != null) {
                for (int c = width; c < row.getLastCellNum(); c++) {
                    Cell extra = row.getCell(c);
                    if (extra != null && !value(sheet, extra, errors).isEmpty()) {
                        errors.add(new TableError(sheet.getSheetName() + "!" + new CellReference(r, c).formatAsString(false), 0,
                                "workbook_cell_error", "单元格在表头之外：每一列都要有列名（第一行）"));
                    }
                }
            }
            rows.add(values);
        }
        while (rows.size() > 1 && rows.get(rows.size() - 1).stream().allMatch(String::isEmpty)) rows.remove(rows.size() - 1);
        return rows;
    }

    private static final DataFormatter FORMAT = new DataFormatter();

    private static String value(Sheet sheet, Cell cell, List<TableError> errors) {
        if (cell == null) return "";
        String at = sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false);
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case BLANK -> "";
            // a number or date typed into a text cell that Excel converted anyway: written as the tables write it
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            case FORMULA -> {
                errors.add(new TableError(at, 0, "workbook_cell_error", "单元格是公式（" + cell.getCellFormula() + "）：表格只能写值，请复制后“选择性粘贴—值”"));
                yield FORMAT.formatCellValue(cell);
            }
            default -> {
                errors.add(new TableError(at, 0, "workbook_cell_error", "单元格的值无效"));
                yield "";
            }
        };
    }

    private static String text(Cell c) {
        return c == null ? "" : c.getStringCellValue();
    }

    static void write(Path rulesDir, SortedMap<String, byte[]> files) throws IOException {
        Path tables = rulesDir.resolve("tables");
        Files.createDirectories(tables);
        for (var f : files.entrySet()) Files.write(tables.resolve(f.getKey()), f.getValue());
    }
}
