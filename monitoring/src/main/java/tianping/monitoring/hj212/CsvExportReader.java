package tianping.monitoring.hj212;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the plain table some monitoring platforms export instead of packets: a header {@code mn,time,code,avg,flag}
 * and one value per row, e.g. {@code 61000000000001,2024-03-01 08:00,w01018,42.5,N}. Time is
 * {@code YYYY-MM-DD HH:MM[:SS]} (or with T) or {@code YYYYMMDDhhmmss}; codes and flags are HJ 212-2017's; an
 * empty flag means none was recorded. Every row becomes a one-reading {@link Packet} of the command the
 * export's interval corresponds to, so the rest of the derivation treats both forms alike. Bad rows are
 * reported with their line and skipped; a wrong header is reported as {@code csv_header} and ends the reading.
 * Cells are split by Commons CSV (quoted cells, spaces around them); lines come from {@link LineReader}, so a file
 * is read one bounded line at a time however long it is, and a quote left open never swallows the rest of the file.
 */
public final class CsvExportReader implements LineReader.Consumer {

    public static final String HEADER = "mn,time,code,avg,flag";
    private static final int MAX_LINE = 1024;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private final PacketHandler handler;
    private final int cn;
    private final Ascii ascii = new Ascii();
    private boolean headerSeen;
    private boolean stopped;

    /** @param cn the command the rows' interval corresponds to: {@link Packet#CN_MINUTE}, {@link Packet#CN_HOUR} or {@link Packet#CN_DAY} */
    public CsvExportReader(PacketHandler handler, int cn) {
        this.handler = handler;
        this.cn = cn;
    }

    public void read(InputStream in) throws IOException {
        new LineReader(MAX_LINE).read(in, this);
        if (!headerSeen && !stopped) handler.problem(new Problem(1, "csv_header", "文件为空，应有表头 " + HEADER));
    }

    @Override
    public void tooLong(long number) {
        if (!stopped) handler.problem(new Problem(number, "csv_row", "行长超过 " + MAX_LINE + " 字节，整行不采用"));
    }

    @Override
    public void line(byte[] b, int from, int to, long number) {
        if (stopped) return;
        if (!headerSeen) {
            int start = to - from >= 3 && b[from] == (byte) 0xEF && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF ? from + 3 : from;
            String header = new String(b, start, Math.min(to - start, HEADER.length() + 64), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (!header.equalsIgnoreCase(HEADER)) {
                handler.problem(new Problem(number, "csv_header", "表头应为 " + HEADER + "，实际为“" + Ascii.text(b, start, to) + "”"));
                stopped = true;
                return;
            }
            headerSeen = true;
            return;
        }
        if (from == to) return;
        List<String> cells = cells(b, from, to);
        if (cells == null) {
            row(number, "引号不成对：“" + Ascii.text(b, from, to) + "”");
            return;
        }
        if (cells.size() != 5) {
            row(number, "应有 5 列（" + HEADER + "），实际为“" + Ascii.text(b, from, to) + "”");
            return;
        }
        byte[] mn = ascii(cells.get(0));
        if (mn.length > 24 || !Ascii.alphanumeric(mn, 0, mn.length)) {
            row(number, "mn 应为不超过 24 位的字母数字，实际为“" + Ascii.text(mn, 0, mn.length) + "”");
            return;
        }
        byte[] t = ascii(cells.get(1));
        long time = time(t, 0, t.length);
        if (time == Packet.NO_TIME) {
            row(number, "time 应为 YYYY-MM-DD HH:MM[:SS] 或 YYYYMMDDhhmmss，实际为“" + Ascii.text(t, 0, t.length) + "”");
            return;
        }
        byte[] code = ascii(cells.get(2));
        if (!Ascii.alphanumeric(code, 0, code.length)) {
            row(number, "code 应为 HJ 212 因子代码，实际为“" + Ascii.text(code, 0, code.length) + "”");
            return;
        }
        byte[] value = ascii(cells.get(3));
        double avg = Ascii.number(value, 0, value.length);
        if (Double.isNaN(avg)) {
            row(number, "avg 不是数值：“" + Ascii.text(value, 0, value.length) + "”");
            return;
        }
        char flag = Reading.NO_FLAG;
        String f = cells.get(4);
        if (!f.isEmpty()) {
            if (f.length() != 1 || !(f.charAt(0) >= 'A' && f.charAt(0) <= 'Z')) {
                byte[] fb = f.getBytes(StandardCharsets.UTF_8);
                row(number, "flag 应为一个大写字母或留空，实际为“" + Ascii.text(fb, 0, fb.length) + "”");
                return;
            }
            flag = f.charAt(0);
        }
        Reading reading = new Reading(ascii.string(code, 0, code.length), Double.NaN, avg, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, flag);
        handler.packet(new Packet(number, Edition.HJ212_2017, -1, -1, cn, ascii.string(mn, 0, mn.length), -1, time, List.of(reading)));
    }

    /** One line's cells, or null if its quoting is broken. */
    private static List<String> cells(byte[] b, int from, int to) {
        try (CSVParser parser = CSVParser.parse(new String(b, from, to - from, StandardCharsets.UTF_8), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.get(0).toList() : null;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    /** A cell's bytes as the packet checks read them (non-ASCII text fails those checks and is shown escaped). */
    private static byte[] ascii(String cell) {
        return cell.getBytes(StandardCharsets.UTF_8);
    }

    private long time(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 14) return ascii.dateTime(b, from, to);
        if (len != 16 && len != 19) return Packet.NO_TIME;
        if (b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != ' ' && b[from + 10] != 'T') || b[from + 13] != ':'
                || len == 19 && b[from + 16] != ':') {
            return Packet.NO_TIME;
        }
        byte[] digits = new byte[14];
        int[] at = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
        for (int i = 0; i < 14; i++) digits[i] = at[i] < len ? b[from + at[i]] : (byte) '0';
        return ascii.dateTime(digits, 0, 14);
    }

    private void row(long number, String message) {
        handler.problem(new Problem(number, "csv_row", message + "，该行不采用"));
    }
}
