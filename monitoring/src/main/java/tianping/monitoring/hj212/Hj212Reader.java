package tianping.monitoring.hj212;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads HJ 212 packets, one per line: {@code ##} + 4-digit data-segment length + data segment + 4-hex CRC-16 +
 * CR LF. The length and CRC are checked before anything else; then the segment's fields (QN, ST, CN, PW, MN,
 * Flag, PNUM, PNO, CP) and the CP data area ({@code DataTime=…;code-Avg=…,code-Flag=N;…}) are read at byte
 * level. The Flag field's version bits tell HJ 212-2017 (1) from HJ/T 212-2005 (0, or no Flag at all).
 *
 * <p>Nothing in a file stops the reading: every line that is not a usable packet, and every data item that
 * cannot be read, is reported as a {@link Problem} with its line number, and the reader goes on with the next.
 * The reader keeps no packets; it hands each to the {@link PacketHandler} as it is read.
 */
public final class Hj212Reader implements LineReader.Consumer {

    /** The longest packet: ## + length + a 9999-byte data segment + CRC. */
    public static final int MAX_LINE = 2 + 4 + 9999 + 4;

    private final PacketHandler handler;
    private final LineReader lines = new LineReader(MAX_LINE);
    private final Ascii ascii = new Ascii();
    private final SplitPackets splits = new SplitPackets();
    private final List<Reading> readings = new ArrayList<>();

    private long line;
    private int codeFrom = -1;
    private int codeTo;
    private double rtd;
    private double avg;
    private double min;
    private double max;
    private double cou;
    private double zsAvg;
    private char flag;

    public Hj212Reader(PacketHandler handler) {
        this.handler = handler;
    }

    /** Reads a whole file or stream, then reports split packets left incomplete. */
    public void read(InputStream in) throws IOException {
        lines.read(in, this);
        finish();
    }

    /**
     * Reads the complete lines of {@code b[from, to)} and returns the index after the last line ending (for callers
     * that stream buffers themselves); {@link #finish()} after the last buffer.
     */
    public int read(byte[] b, int from, int to) {
        return lines.lines(b, from, to, this);
    }

    /** Reports split packets whose parts did not all arrive. */
    public void finish() {
        splits.incomplete().forEach(handler::problem);
    }

    @Override
    public void tooLong(long number) {
        handler.problem(new Problem(number, "packet_too_long", "行长超过数据包的最大长度 " + MAX_LINE + " 字节，整行不采用"));
    }

    @Override
    public void line(byte[] b, int from, int to, long number) {
        if (from == to) return;
        line = number;
        int length = to - from;
        if (length < 2 || b[from] != '#' || b[from + 1] != '#') {
            problem("packet_header", "不以包头 ## 开始");
            return;
        }
        if (length < 6) {
            problem("packet_truncated", "包不完整：缺少数据段长度");
            return;
        }
        int declared = Ascii.integer(b, from + 2, from + 6);
        if (declared < 0) {
            problem("packet_header", "数据段长度应为 4 位数字，实际为“" + Ascii.text(b, from + 2, from + 6) + "”");
            return;
        }
        int expected = 6 + declared + 4;
        if (length < expected) {
            problem("packet_truncated", "包不完整：声明数据段 " + declared + " 字节，连同包头和 CRC 应为 " + expected
                    + " 字节，实际只有 " + length + " 字节");
            return;
        }
        if (length > expected) {
            problem("packet_length", "数据段长度与声明不符：声明 " + declared + " 字节，实际 " + (length - 10) + " 字节");
            return;
        }
        int segment = from + 6;
        int segmentEnd = segment + declared;
        int sent = Ascii.hex4(b, segmentEnd);
        if (sent < 0) {
            problem("packet_crc", "CRC 应为 4 位十六进制数，实际为“" + Ascii.text(b, segmentEnd, to) + "”");
            return;
        }
        int computed = Crc16.of(b, segment, segmentEnd);
        if (computed != sent) {
            problem("packet_crc", String.format("CRC 校验失败：包中为 %04X，按数据段计算为 %04X", sent, computed));
            return;
        }
        segment(b, segment, segmentEnd);
    }

    private void segment(byte[] b, int from, int to) {
        long qn = -1;
        int st = -1;
        int cn = -1;
        int packetFlag = -1;
        int total = -1;
        int number = -1;
        String mn = null;
        int p = from;
        while (true) {
            if (p >= to) {
                problem("packet_field", "缺少 CP 数据区");
                return;
            }
            int eq = indexOf(b, p, to, (byte) '=');
            if (eq < 0) {
                problem("packet_field", "字段“" + Ascii.text(b, p, to) + "”缺少 =");
                return;
            }
            if (is(b, p, eq, "CP")) {
                if (to - eq - 1 < 4 || b[eq + 1] != '&' || b[eq + 2] != '&' || b[to - 2] != '&' || b[to - 1] != '&') {
                    problem("packet_field", "CP 数据区应为 CP=&&…&& 并位于数据段末尾");
                    return;
                }
                p = eq + 3;
                break;
            }
            int end = indexOf(b, eq + 1, to, (byte) ';');
            if (end < 0) end = to;
            int v = eq + 1;
            if (is(b, p, eq, "QN")) {
                qn = Ascii.longInteger(b, v, end);
                if (qn < 0) problem("packet_field", "QN 应为数字（YYYYMMDDhhmmsszzz），实际为“" + Ascii.text(b, v, end) + "”");
            } else if (is(b, p, eq, "ST")) {
                st = Ascii.integer(b, v, end);
                if (st < 0) problem("packet_field", "ST 应为数字，实际为“" + Ascii.text(b, v, end) + "”");
            } else if (is(b, p, eq, "CN")) {
                cn = Ascii.integer(b, v, end);
                if (cn < 0) {
                    problem("packet_field", "CN 应为数字，实际为“" + Ascii.text(b, v, end) + "”");
                    return;
                }
            } else if (is(b, p, eq, "MN")) {
                if (end - v > 24 || !Ascii.alphanumeric(b, v, end)) {
                    problem("packet_field", "MN 应为不超过 24 位的字母数字，实际为“" + Ascii.text(b, v, end) + "”");
                    return;
                }
                mn = ascii.string(b, v, end);
            } else if (is(b, p, eq, "Flag")) {
                packetFlag = Ascii.integer(b, v, end);
                if (packetFlag < 0 || packetFlag > 255) {
                    problem("packet_field", "Flag 应为 0–255 的数字，实际为“" + Ascii.text(b, v, end) + "”");
                    return;
                }
            } else if (is(b, p, eq, "PNUM")) {
                total = Ascii.integer(b, v, end);
                if (total < 1 || total > SplitPackets.MAX_PARTS) {
                    problem("packet_field", "PNUM 应为 1–9999，实际为“" + Ascii.text(b, v, end) + "”");
                    return;
                }
            } else if (is(b, p, eq, "PNO")) {
                number = Ascii.integer(b, v, end);
                if (number < 1 || number > SplitPackets.MAX_PARTS) {
                    problem("packet_field", "PNO 应为 1–9999，实际为“" + Ascii.text(b, v, end) + "”");
                    return;
                }
            }
            p = end + 1;
        }
        if (mn == null) {
            problem("packet_field", "缺少 MN");
            return;
        }
        if (cn < 0) {
            problem("packet_field", "缺少 CN");
            return;
        }
        Edition edition;
        if (packetFlag < 0 || packetFlag >>> 2 == 0) {
            edition = Edition.HJ212_2005;
        } else if (packetFlag >>> 2 == 1) {
            edition = Edition.HJ212_2017;
        } else {
            problem("packet_version", "Flag=" + packetFlag + " 的版本位为 " + (packetFlag >>> 2)
                    + "，不是 HJ 212-2017（1）或 HJ/T 212-2005（0）");
            return;
        }
        long time = dataArea(b, p, to - 2);
        Packet packet = new Packet(line, edition, qn, st, cn, mn, packetFlag, time, List.copyOf(readings));
        if (packetFlag >= 0 && (packetFlag & 2) != 0) {
            if (total < 0 || number < 0 || number > total) {
                problem("packet_split", "分包（Flag 的 D 位为 1）须有 PNUM 与不大于它的 PNO，实际 PNUM=" + total + "，PNO=" + number);
                return;
            }
            packet = splits.add(packet, total, number, handler);
            if (packet == null) return;
        }
        if (isData(packet.cn()) && packet.dataTime() == Packet.NO_TIME) {
            handler.problem(new Problem(packet.line(), "packet_field", "数据包（CN=" + packet.cn() + "）缺少有效的 DataTime"));
            return;
        }
        handler.packet(packet);
    }

    private static boolean isData(int cn) {
        return cn == 2011 || cn == Packet.CN_MINUTE || cn == Packet.CN_HOUR || cn == Packet.CN_DAY;
    }

    /** Reads the CP data area into {@link #readings}; returns DataTime, or {@link Packet#NO_TIME} if it has none. */
    private long dataArea(byte[] b, int from, int to) {
        readings.clear();
        codeFrom = -1;
        flush(b);
        long time = Packet.NO_TIME;
        int p = from;
        while (p < to) {
            int end = p;
            while (end < to && b[end] != ';' && b[end] != ',') end++;
            if (end > p) {
                long t = item(b, p, end);
                if (t != Packet.NO_TIME) time = t;
            }
            p = end + 1;
        }
        flush(b);
        return time;
    }

    /** One data item {@code key=value}; returns DataTime if that is what it was. */
    private long item(byte[] b, int from, int to) {
        int eq = indexOf(b, from, to, (byte) '=');
        if (eq < 0) {
            problem("packet_value", "数据项“" + Ascii.text(b, from, to) + "”缺少 =，该项不采用");
            return Packet.NO_TIME;
        }
        if (is(b, from, eq, "DataTime")) {
            long t = ascii.dateTime(b, eq + 1, to);
            if (t == Packet.NO_TIME) problem("packet_value", "DataTime“" + Ascii.text(b, eq + 1, to) + "”不是有效的时间 YYYYMMDDhhmmss");
            return t;
        }
        int dash = indexOf(b, from, eq, (byte) '-');
        if (dash < 0) return Packet.NO_TIME;
        if (!Ascii.alphanumeric(b, from, dash)) {
            problem("packet_value", "因子代码“" + Ascii.text(b, from, dash) + "”无效，该项不采用");
            return Packet.NO_TIME;
        }
        if (codeFrom < 0 || !Arrays.equals(b, codeFrom, codeTo, b, from, dash)) {
            flush(b);
            codeFrom = from;
            codeTo = dash;
        }
        int v = eq + 1;
        if (is(b, dash + 1, eq, "Flag")) {
            byte c = to - v == 1 ? b[v] : 0;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') flag = (char) c;
            else problem("packet_value", Ascii.text(b, from, eq) + " 应为一个字母，实际为“" + Ascii.text(b, v, to) + "”，该项不采用");
            return Packet.NO_TIME;
        }
        int field = is(b, dash + 1, eq, "Avg") ? 1 : is(b, dash + 1, eq, "Rtd") ? 2 : is(b, dash + 1, eq, "Min") ? 3
                : is(b, dash + 1, eq, "Max") ? 4 : is(b, dash + 1, eq, "Cou") ? 5 : is(b, dash + 1, eq, "ZsAvg") ? 6 : 0;
        if (field == 0) return Packet.NO_TIME;
        double value = Ascii.number(b, v, to);
        if (Double.isNaN(value)) {
            problem("packet_value", Ascii.text(b, from, eq) + " 的值“" + Ascii.text(b, v, to) + "”不是数值，该项不采用");
            return Packet.NO_TIME;
        }
        switch (field) {
            case 1 -> avg = value;
            case 2 -> rtd = value;
            case 3 -> min = value;
            case 4 -> max = value;
            case 5 -> cou = value;
            default -> zsAvg = value;
        }
        return Packet.NO_TIME;
    }

    /** Ends the reading being collected; a code sent again later in the packet completes its earlier reading. */
    private void flush(byte[] b) {
        if (codeFrom >= 0) {
            Reading r = new Reading(ascii.string(b, codeFrom, codeTo), rtd, avg, min, max, cou, zsAvg, flag);
            int same = -1;
            for (int i = 0; i < readings.size(); i++) if (readings.get(i).code().equals(r.code())) same = i;
            if (same >= 0) readings.set(same, readings.get(same).merge(r));
            else readings.add(r);
        }
        codeFrom = -1;
        rtd = avg = min = max = cou = zsAvg = Double.NaN;
        flag = Reading.NO_FLAG;
    }

    private void problem(String code, String message) {
        handler.problem(new Problem(line, code, message));
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) if (b[i] == c) return i;
        return -1;
    }

    /** Are the bytes {@code b[from, to)} exactly the ASCII text {@code s}? */
    private static boolean is(byte[] b, int from, int to, String s) {
        if (to - from != s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[from + i] != s.charAt(i)) return false;
        return true;
    }
}
