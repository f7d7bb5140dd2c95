package tianping.monitoring.hj212;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the plain table some monitoring platforms export instead of packets: a header {@code mn,time,code,avg,flag}
 * and one value per row, e.g. {@code 61000000000001,2024-03-01 08:00,w01018,42.5,N}. Time is
 * {@code YYYY-MM-DD HH:MM[:SS]} (or with T) or {@code YYYYMMDDhhmmss}; codes and flags are HJ 212-2017's; an
 * empty flag means none was recorded. Every row becomes a one-reading {@link Packet} of the command the
 * export's interval corresponds to, so the rest of the derivation treats both forms alike. Bad rows are
 * reported with their line and skipped; a wrong header is reported as {@code csv_header} and ends the reading.
 */
public final class CsvExportReader implements LineReader.Consumer {

    public static final String HEADER = "mn,time,code,avg,flag";
    private static final int MAX_LINE = 1024;

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
        int[] cells = new int[6];
        int n = 0;
        cells[n++] = from;
        for (int i = from; i < to && n < 6; i++) if (b[i] == ',') cells[n++] = i + 1;
        if (n != 5) {
            row(number, "应有 5 列（" + HEADER + "），实际为“" + Ascii.text(b, from, to) + "”");
            return;
        }
        int mnTo = cells[1] - 1;
        int timeTo = cells[2] - 1;
        int codeTo = cells[3] - 1;
        int avgTo = cells[4] - 1;
        if (mnTo - from > 24 || !Ascii.alphanumeric(b, from, mnTo)) {
            row(number, "mn 应为不超过 24 位的字母数字，实际为“" + Ascii.text(b, from, mnTo) + "”");
            return;
        }
        long time = time(b, cells[1], timeTo);
        if (time == Packet.NO_TIME) {
            row(number, "time 应为 YYYY-MM-DD HH:MM[:SS] 或 YYYYMMDDhhmmss，实际为“" + Ascii.text(b, cells[1], timeTo) + "”");
            return;
        }
        if (!Ascii.alphanumeric(b, cells[2], codeTo)) {
            row(number, "code 应为 HJ 212 因子代码，实际为“" + Ascii.text(b, cells[2], codeTo) + "”");
            return;
        }
        double avg = Ascii.number(b, cells[3], avgTo);
        if (Double.isNaN(avg)) {
            row(number, "avg 不是数值：“" + Ascii.text(b, cells[3], avgTo) + "”");
            return;
        }
        char flag = Reading.NO_FLAG;
        if (to > cells[4]) {
            byte c = b[cells[4]];
            if (to - cells[4] != 1 || !(c >= 'A' && c <= 'Z')) {
                row(number, "flag 应为一个大写字母或留空，实际为“" + Ascii.text(b, cells[4], to) + "”");
                return;
            }
            flag = (char) c;
        }
        Reading reading = new Reading(ascii.string(b, cells[2], codeTo), Double.NaN, avg, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, flag);
        handler.packet(new Packet(number, Edition.HJ212_2017, -1, -1, cn, ascii.string(b, from, mnTo), -1, time, List.of(reading)));
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
