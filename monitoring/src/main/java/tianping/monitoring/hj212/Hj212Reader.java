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
    private final double[] number = new double[1];

    /** The MN, and the codes in order, of the last packet: the next packet mostly has the same. */
    private final String[] lastCodes = new String[16];
    private final byte[][] lastCodeBytes = new byte[16][];
    private String lastMn;
    private byte[] lastMnBytes;

    private final boolean layouts;
    /** Whether split packets are reassembled (a file) or each part is reported as it is (routing a feed line by line). */
    private final boolean reassemble;
    /** The layout of the last data area read without a problem, or null. */
    private Layout layout;
    private long problems;

    private long line;
    /** Where the line {@link #end} framed starts, and its segment's CRC. */
    private int framed = -1;
    private int framedCrc;
    /** The reading being collected: its code in the buffer, and its fields so far. */
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
        this(handler, true);
    }

    /** @param layouts whether data areas laid out as the last one are read by that {@link Layout} (tests compare both) */
    Hj212Reader(PacketHandler handler, boolean layouts) {
        this(handler, layouts, true);
    }

    private Hj212Reader(PacketHandler handler, boolean layouts, boolean reassemble) {
        this.handler = handler;
        this.layouts = layouts;
        this.reassemble = reassemble;
    }

    /**
     * A reader for a feed taken line by line ({@link #line}, one packet each), as a stream processor routes packets
     * to their outlet before any file exists: every check is the same, but a part of a split packet is reported as
     * the packet it is (its own MN, line and, where it has one, DataTime) instead of being held for the other parts;
     * the parts are reassembled when the outlet's packets are read as a file.
     */
    public static Hj212Reader partByPart(PacketHandler handler) {
        return new Hj212Reader(handler, true, false);
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

    /**
     * A packet states its length, so a well-formed line need not be searched for its end: the line feed must
     * follow the CRC. The segment's CRC, computed here, also proves no line feed lies inside; it is kept for
     * {@link #line}, which then does not compute it again.
     */
    @Override
    public int end(byte[] b, int from, int to) {
        framed = -1;
        if (to - from < 12 || b[from] != '#' || b[from + 1] != '#') return -1;
        int declared = Ascii.integer(b, from + 2, from + 6);
        if (declared < 0) return -1;
        int crcAt = from + 6 + declared;
        int after = crcAt + 4;
        int feed;
        if (after < to && b[after] == '\n') feed = after;
        else if (after + 1 < to && b[after] == '\r' && b[after + 1] == '\n') feed = after + 1;
        else return -1;
        for (int i = crcAt; i < after; i++) if (b[i] == '\n') return -1;
        int crc = Crc16.ofLine(b, from + 6, crcAt);
        if (crc == Crc16.LINE_BREAK) return -1;
        framed = from;
        framedCrc = crc;
        return feed;
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
        int computed = from == framed ? framedCrc : Crc16.of(b, segment, segmentEnd);
        framed = -1;
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
            int key = key(b, p, eq);
            if (key == CP) {
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
            switch (key) {
                case QN -> {
                    qn = Ascii.longInteger(b, v, end);
                    if (qn < 0) problem("packet_field", "QN 应为数字（YYYYMMDDhhmmsszzz），实际为“" + Ascii.text(b, v, end) + "”");
                }
                case ST -> {
                    st = Ascii.integer(b, v, end);
                    if (st < 0) problem("packet_field", "ST 应为数字，实际为“" + Ascii.text(b, v, end) + "”");
                }
                case CN -> {
                    cn = Ascii.integer(b, v, end);
                    if (cn < 0) {
                        problem("packet_field", "CN 应为数字，实际为“" + Ascii.text(b, v, end) + "”");
                        return;
                    }
                }
                case MN -> {
                    mn = equal(b, v, end, lastMnBytes) ? lastMn : ascii.known(b, v, end);
                    if (mn == null) {
                        if (end - v > 24 || !Ascii.alphanumeric(b, v, end)) {
                            problem("packet_field", "MN 应为不超过 24 位的字母数字，实际为“" + Ascii.text(b, v, end) + "”");
                            return;
                        }
                        mn = ascii.string(b, v, end);
                    }
                    if (mn != lastMn) {
                        lastMn = mn;
                        lastMnBytes = Arrays.copyOfRange(b, v, end);
                    }
                }
                case FLAG_FIELD -> {
                    packetFlag = Ascii.integer(b, v, end);
                    if (packetFlag < 0 || packetFlag > 255) {
                        problem("packet_field", "Flag 应为 0–255 的数字，实际为“" + Ascii.text(b, v, end) + "”");
                        return;
                    }
                }
                case PNUM -> {
                    total = Ascii.integer(b, v, end);
                    if (total < 1 || total > SplitPackets.MAX_PARTS) {
                        problem("packet_field", "PNUM 应为 1–9999，实际为“" + Ascii.text(b, v, end) + "”");
                        return;
                    }
                }
                case PNO -> {
                    number = Ascii.integer(b, v, end);
                    if (number < 1 || number > SplitPackets.MAX_PARTS) {
                        problem("packet_field", "PNO 应为 1–9999，实际为“" + Ascii.text(b, v, end) + "”");
                        return;
                    }
                }
                default -> {
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
            if (!reassemble) {
                handler.packet(packet);
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

    private static final int QN = 1;
    private static final int ST = 2;
    private static final int CN = 3;
    private static final int MN = 4;
    private static final int FLAG_FIELD = 5;
    private static final int PNUM = 6;
    private static final int PNO = 7;
    private static final int CP = 8;

    /** Which header field a key names (PW and keys of later editions are not read: 0). */
    private static int key(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 2) {
            byte c0 = b[from];
            byte c1 = b[from + 1];
            if (c1 == 'N') return c0 == 'Q' ? QN : c0 == 'C' ? CN : c0 == 'M' ? MN : 0;
            if (c0 == 'S' && c1 == 'T') return ST;
            return c0 == 'C' && c1 == 'P' ? CP : 0;
        }
        if (n == 4) return is(b, from, to, "Flag") ? FLAG_FIELD : is(b, from, to, "PNUM") ? PNUM : 0;
        return n == 3 && is(b, from, to, "PNO") ? PNO : 0;
    }

    private static boolean isData(int cn) {
        return cn == 2011 || cn == Packet.CN_MINUTE || cn == Packet.CN_HOUR || cn == Packet.CN_DAY;
    }

    static final int AVG = 1;
    static final int RTD = 2;
    static final int MIN = 3;
    static final int MAX = 4;
    static final int COU = 5;
    static final int ZS_AVG = 6;
    static final int FLAG = 7;

    /**
     * Reads the CP data area into {@link #readings}; returns DataTime, or {@link Packet#NO_TIME} if it has none.
     * One pass over the bytes: each item's key up to its =, noting the - between code and field, then its value
     * up to the ; or , that ends it, a number read as it is passed (the bulk of a month of data is these items).
     */
    private long dataArea(byte[] b, int from, int to) {
        if (layout != null) {
            long time = layout.read(b, from, to, ascii, number, readings);
            if (time != Layout.MISMATCH) return time;
        }
        long problemsBefore = problems;
        long time = items(b, from, to);
        if (layouts) layout = problems == problemsBefore ? Layout.of(b, from, to, readings) : null;
        return time;
    }

    /** The general reading of a data area, item by item, every problem reported. */
    private long items(byte[] b, int from, int to) {
        readings.clear();
        codeFrom = -1;
        flush(b);
        long time = Packet.NO_TIME;
        int p = from;
        while (p < to) {
            int start = p;
            int dash = -1;
            int codeLength = codeTo - codeFrom;
            boolean sameCode = codeFrom >= 0 && start + codeLength < to && b[start + codeLength] == '-'
                    && same(b, codeFrom, codeTo, start, start + codeLength);
            if (sameCode) {
                dash = start + codeLength;
                p = dash + 4 < to && b[dash + 4] == '=' ? dash + 4 : dash + 1;
            }
            for (; p < to; p++) {
                byte c = b[p];
                if (c == '=' || c == ';' || c == ',') break;
                if (c == '-' && dash < 0) dash = p;
            }
            if (p == to || b[p] != '=') {
                if (p > start) problem("packet_value", "数据项“" + Ascii.text(b, start, p) + "”缺少 =，该项不采用");
                p++;
                continue;
            }
            if (dash < 0) {
                long t = parameter(b, start, p, to);
                if (t != Packet.NO_TIME) time = t;
                p = Ascii.itemEnd(b, p + 1, to);
            } else {
                p = value(b, start, dash, p, to, sameCode);
            }
            p++;
        }
        flush(b);
        return time;
    }

    /**
     * An item without a factor code: DataTime, whose time is returned, or another parameter (RtdInterval, …),
     * which is not data ({@link Packet#NO_TIME}).
     */
    private long parameter(byte[] b, int from, int eq, int to) {
        if (!is(b, from, eq, "DataTime")) return Packet.NO_TIME;
        int end = Ascii.itemEnd(b, eq + 1, to);
        long t = ascii.dateTime(b, eq + 1, end);
        if (t == Packet.NO_TIME) {
            problem("packet_value", "DataTime“" + Ascii.text(b, eq + 1, end) + "”不是有效的时间 YYYYMMDDhhmmss");
        }
        return t;
    }

    /** The value of {@code code-Field=value} ({@code sameCode}: the code of the reading being collected); returns where the item ends. */
    private int value(byte[] b, int from, int dash, int eq, int to, boolean sameCode) {
        int v = eq + 1;
        if (!sameCode && (codeFrom < 0 || !same(b, codeFrom, codeTo, from, dash))) {
            if (!Ascii.alphanumeric(b, from, dash)) {
                problem("packet_value", "因子代码“" + Ascii.text(b, from, dash) + "”无效，该项不采用");
                return Ascii.itemEnd(b, v, to);
            }
            flush(b);
            codeFrom = from;
            codeTo = dash;
        }
        int field = field(b, dash + 1, eq);
        if (field == 0) return Ascii.itemEnd(b, v, to);
        if (field == FLAG) {
            int end = Ascii.itemEnd(b, v, to);
            byte c = end - v == 1 ? b[v] : 0;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') flag = (char) c;
            else problem("packet_value", Ascii.text(b, from, eq) + " 应为一个字母，实际为“" + Ascii.text(b, v, end) + "”，该项不采用");
            return end;
        }
        int end = Ascii.decimal(b, v, to, number);
        double value = number[0];
        if (Double.isNaN(value)) {
            problem("packet_value", Ascii.text(b, from, eq) + " 的值“" + Ascii.text(b, v, end) + "”不是数值，该项不采用");
            return end;
        }
        switch (field) {
            case AVG -> avg = value;
            case RTD -> rtd = value;
            case MIN -> min = value;
            case MAX -> max = value;
            case COU -> cou = value;
            default -> zsAvg = value;
        }
        return end;
    }

    /** Which field a suffix names: Avg, Rtd, Min, Max, Cou, ZsAvg, Flag; 0 for those not read (ZsRtd, EFlag, …). */
    static int field(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 3) {
            byte c0 = b[from];
            byte c1 = b[from + 1];
            byte c2 = b[from + 2];
            if (c0 == 'A' && c1 == 'v' && c2 == 'g') return AVG;
            if (c0 == 'M' && c1 == 'i' && c2 == 'n') return MIN;
            if (c0 == 'M' && c1 == 'a' && c2 == 'x') return MAX;
            if (c0 == 'R' && c1 == 't' && c2 == 'd') return RTD;
            if (c0 == 'C' && c1 == 'o' && c2 == 'u') return COU;
            return 0;
        }
        if (n == 4) return is(b, from, to, "Flag") ? FLAG : 0;
        if (n == 5) return is(b, from, to, "ZsAvg") ? ZS_AVG : 0;
        return 0;
    }

    /** Are two codes in the buffer the same? Codes of one packet differ mostly at the end, so that is compared first. */
    private static boolean same(byte[] b, int aFrom, int aTo, int bFrom, int bTo) {
        int n = aTo - aFrom;
        if (n != bTo - bFrom) return false;
        for (int i = n - 1; i >= 0; i--) if (b[aFrom + i] != b[bFrom + i]) return false;
        return true;
    }

    /** Ends the reading being collected; a code sent again later in the packet completes its earlier reading. */
    private void flush(byte[] b) {
        if (codeFrom >= 0) {
            int at = readings.size();
            boolean recurs = at < lastCodes.length && equal(b, codeFrom, codeTo, lastCodeBytes[at]);
            String code = recurs ? lastCodes[at] : ascii.string(b, codeFrom, codeTo);
            if (!recurs && at < lastCodes.length) {
                lastCodes[at] = code;
                lastCodeBytes[at] = Arrays.copyOfRange(b, codeFrom, codeTo);
            }
            Reading r = new Reading(code, rtd, avg, min, max, cou, zsAvg, flag);
            int same = -1;
            for (int i = 0; i < readings.size(); i++) {
                String other = readings.get(i).code();
                if (other.hashCode() == code.hashCode() && other.equals(code)) same = i;
            }
            if (same >= 0) readings.set(same, readings.get(same).merge(r));
            else readings.add(r);
        }
        codeFrom = -1;
        rtd = avg = min = max = cou = zsAvg = Double.NaN;
        flag = Reading.NO_FLAG;
    }

    private void problem(String code, String message) {
        problems++;
        handler.problem(new Problem(line, code, message));
    }

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) if (b[i] == c) return i;
        return -1;
    }

    /** Are the bytes {@code b[from, to)} those of {@code bytes} (null: no)? */
    private static boolean equal(byte[] b, int from, int to, byte[] bytes) {
        if (bytes == null || bytes.length != to - from) return false;
        for (int i = bytes.length - 1; i >= 0; i--) if (b[from + i] != bytes[i]) return false;
        return true;
    }

    /** Are the bytes {@code b[from, to)} exactly the ASCII text {@code s}? */
    static boolean is(byte[] b, int from, int to, String s) {
        if (to - from != s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[from + i] != s.charAt(i)) return false;
        return true;
    }
}
