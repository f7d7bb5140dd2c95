package tianping.law;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One table of the rule set as legal staff keep it: UTF-8 CSV (a BOM from Excel is accepted), a header row of
 * Chinese column names, one row per item, lines starting with # are comments. Every problem is collected into
 * the shared error list with file and line, so one run reports all of them. A table that is not UTF-8 (Excel's
 * default “CSV” is GBK on a Chinese system) is one error with the fix, not hundreds of garbled-value errors.
 */
final class CsvTable {

    /** How legal staff's tables are written: a header row, # comments, spaces around cells ignored. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private final String file;
    private final List<Row> rows = new ArrayList<>();
    private final List<TableError> errors;
    /** The values each enumerated column allows, as the table's reader checks them (for the workbook's drop-downs). */
    private final java.util.Map<String, List<String>> enumerations = new java.util.LinkedHashMap<>();

    CsvTable(String file, byte[] content, List<String> columns, Set<String> optionalColumns, List<TableError> errors) {
        this.file = file;
        this.errors = errors;
        String text = utf8(file, content, errors);
        if (text == null) return;
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            for (String c : columns) {
                if (!header.contains(c) && !optionalColumns.contains(c)) {
                    errors.add(new TableError(file, 1, "table_header_error", "缺少列“" + c + "”（应有列：" + String.join("，", columns) + "）"));
                }
            }
            for (String h : header) {
                if (!columns.contains(h)) errors.add(new TableError(file, 1, "table_header_error", "未知的列“" + h + "”"));
            }
            for (CSVRecord r : parser) {
                rows.add(new Row(r));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new TableError(file, 0, "table_syntax_error", "CSV 格式错误：" + e.getMessage()));
        }
    }

    List<Row> rows() {
        return rows;
    }

    java.util.Map<String, List<String>> enumerations() {
        return enumerations;
    }

    /** The text of a UTF-8 table; null (with one error naming the first bad line) if the bytes are not UTF-8. */
    private static String utf8(String file, byte[] content, List<TableError> errors) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            errors.add(new TableError(file, firstBadLine(content), "table_encoding_error",
                    "不是 UTF-8 编码的文本（Excel 默认另存的“CSV”在中文系统上是 GBK 编码）：请在 Excel 中选“另存为”，保存类型选“CSV UTF-8（逗号分隔）”"));
            return null;
        }
    }

    /** The 1-based line holding the first byte sequence that is not valid UTF-8. */
    private static long firstBadLine(byte[] content) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(content, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    /** One row, with typed access that records an error (and returns a placeholder) instead of throwing. */
    final class Row {
        private final CSVRecord record;
        private final long line;

        /** Must be built as the parser hands the record over: the parser's line count is then this record's line. */
        private Row(CSVRecord record) {
            this.record = record;
            this.line = record.getParser().getCurrentLineNumber();
        }

        String file() {
            return file;
        }

        long line() {
            return line;
        }

        void error(String code, String message) {
            errors.add(new TableError(file, line(), code, message));
        }

        String optional(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) return null;
            String v = record.get(column).trim();
            return v.isEmpty() ? null : v;
        }

        String text(String column) {
            String v = optional(column);
            if (v == null) {
                error("table_value_error", "列“" + column + "”不能为空");
                return "";
            }
            return v;
        }

        LocalDate date(String column) {
            String v = text(column);
            return v.isEmpty() ? LocalDate.MIN : parseDate(column, v);
        }

        LocalDate optionalDate(String column) {
            String v = optional(column);
            return v == null ? null : parseDate(column, v);
        }

        private LocalDate parseDate(String column, String v) {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                String why = v.length() == 10 ? CalendarDates.impossible(v) : null;
                error("table_value_error", why != null ? "列“" + column + "”的日期“" + v + "”不存在：" + why
                        : "列“" + column + "”应为日期 YYYY-MM-DD，实际为“" + v + "”");
                return LocalDate.MIN;
            }
        }

        BigDecimal number(String column) {
            String v = text(column);
            return v.isEmpty() ? BigDecimal.ZERO : parseNumber(column, v);
        }

        BigDecimal optionalNumber(String column) {
            String v = optional(column);
            return v == null ? null : parseNumber(column, v);
        }

        private BigDecimal parseNumber(String column, String v) {
            try {
                return new BigDecimal(v.replace(",", ""));
            } catch (NumberFormatException e) {
                error("table_value_error", "列“" + column + "”应为数值，实际为“" + v + "”");
                return BigDecimal.ZERO;
            }
        }

        boolean yesNo(String column) {
            enumerations.putIfAbsent(column, List.of("是", "否"));
            String v = text(column);
            if (!v.equals("是") && !v.equals("否") && !v.isEmpty()) {
                error("table_value_error", "列“" + column + "”应为“是”或“否”，实际为“" + v + "”");
            }
            return v.equals("是");
        }

        String oneOf(String column, List<String> allowed) {
            enumerations.putIfAbsent(column, List.copyOf(allowed));
            String v = text(column);
            if (!v.isEmpty() && !allowed.contains(v)) {
                error("table_value_error", "列“" + column + "”应为 " + String.join("、", allowed) + " 之一，实际为“" + v + "”"
                        + Suggestions.didYouMeanValue(v, allowed));
            }
            return v;
        }

        List<Condition> conditions(String column, String origin) {
            try {
                return ConditionParser.parseAll(optional(column), origin);
            } catch (ConditionParser.ConditionException e) {
                error("condition_error", e.getMessage());
                return List.of();
            }
        }

        Validity validity(String fromColumn, String toColumn) {
            LocalDate from = date(fromColumn);
            LocalDate to = optionalDate(toColumn);
            if (to != null && to.isBefore(from)) {
                error("table_value_error", "失效日期 " + to + " 早于生效日期 " + from);
            }
            return new Validity(from, to);
        }
    }
}
