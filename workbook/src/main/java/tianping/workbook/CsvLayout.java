package tianping.workbook;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table file as lines of three kinds — comments (#…), blank lines and records (the header first) — each with its
 * exact text. The workbook keeps this layout beside the cells, so that an import writes every unchanged record and
 * every comment byte for byte as it was, and only an edited record is written anew.
 */
record CsvLayout(boolean bom, List<Unit> units, boolean finalNewline) {

    enum Kind { COMMENT, BLANK, RECORD }

    /** One comment, blank line or record; a record may span lines (a quoted line break) and keeps a \r it had. */
    record Unit(Kind kind, String raw) {
        List<String> fields() {
            return parseRecord(raw);
        }
    }

    static CsvLayout of(String text) {
        boolean bom = text.startsWith("\uFEFF");
        if (bom) text = text.substring(1);
        boolean finalNewline = text.endsWith("\n");
        if (finalNewline) text = text.substring(0, text.length() - 1);
        List<Unit> units = new ArrayList<>();
        if (text.isEmpty() && !finalNewline) return new CsvLayout(bom, units, false);
        StringBuilder record = null;
        for (String line : text.split("\n", -1)) {
            if (record != null) {
                record.append('\n').append(line);
            } else if (line.startsWith("#")) {
                units.add(new Unit(Kind.COMMENT, line));
                continue;
            } else if (line.strip().isEmpty()) {
                units.add(new Unit(Kind.BLANK, line));
                continue;
            } else {
                record = new StringBuilder(line);
            }
            if (quotes(record) % 2 == 0) {
                units.add(new Unit(Kind.RECORD, record.toString()));
                record = null;
            }
        }
        if (record != null) units.add(new Unit(Kind.RECORD, record.toString()));
        return new CsvLayout(bom, units, finalNewline);
    }

    private static long quotes(CharSequence s) {
        return s.chars().filter(c -> c == '"').count();
    }

    /** The fields of one record as the loader reads them (surrounding spaces and a final \r aside). */
    static List<String> parseRecord(String raw) {
        String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // an unterminated quote: kept whole in one cell, and the loader reports the table's syntax error
            return List.of(text);
        }
    }

    /** One record written anew: a field is quoted only when it must be (comma, quote, line break, edge spaces, a leading #). */
    static String writeRecord(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
                    || f.strip().length() != f.length() || (out.isEmpty() && f.startsWith("#"));
            out.add(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return String.join(",", out);
    }
}
