package tianping.monitoring;

import tianping.monitoring.hj212.PacketWriter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes what one data acquisition unit sends, as HJ 212-2017 text: minute, hour and day packets with realistic
 * headers (QN, ST, CN, PW, MN, Flag=4) and readings {@code code-Avg,code-Min,code-Max,code-Flag}. Values are
 * given in hundredths so that means come out exactly as a test intends.
 */
public final class Station {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final String mn;
    private final int st;
    private final StringBuilder out = new StringBuilder();

    /** @param st 31 for an air source, 32 for a water source */
    public Station(String mn, int st) {
        this.mn = mn;
        this.st = st;
    }

    /** One factor's reading: value (in hundredths) and flag; Min and Max are set a little around it. */
    public static String reading(String code, long hundredths, char flag) {
        return reading(code, hundredths, 2, flag);
    }

    /** One factor's reading with {@code scale} decimals: (598, 3) is 0.598. */
    public static String reading(String code, long value, int scale, char flag) {
        return code + "-Avg=" + decimal(value, scale) + "," + code + "-Min=" + decimal(value * 98 / 100, scale) + "," + code + "-Max="
                + decimal(value * 102 / 100, scale) + "," + code + "-Flag=" + flag;
    }

    /** A flow reading: Avg (m³/h) and Cou (m³ in the interval), in hundredths. */
    public static String flow(String code, long hundredths, int minutes, char flag) {
        return code + "-Avg=" + decimal(hundredths, 2) + "," + code + "-Cou=" + decimal(hundredths * minutes / 60, 2) + "," + code + "-Flag=" + flag;
    }

    static String decimal(long value, int scale) {
        String sign = value < 0 ? "-" : "";
        long v = Math.abs(value);
        long pow = (long) Math.pow(10, scale);
        return sign + v / pow + "." + String.format("%0" + scale + "d", v % pow);
    }

    public Station minute(LocalDateTime t, String... readings) {
        return packet(2051, t, t, readings);
    }

    public Station hour(LocalDateTime t, String... readings) {
        return packet(2061, t.plusHours(1), t, readings);
    }

    public Station day(LocalDate d, String... readings) {
        return packet(2031, d.plusDays(1).atStartOfDay(), d.atStartOfDay(), readings);
    }

    /** A line as is: for bad packets. */
    public Station raw(String line) {
        out.append(line).append("\r\n");
        return this;
    }

    /** A packet of this segment, framed with its length and CRC. */
    public Station packet(String segment) {
        out.append(PacketWriter.packet(segment));
        return this;
    }

    /** The data segment of a packet, without framing: for tests that damage packets. */
    public String segment(int cn, LocalDateTime sent, LocalDateTime dataTime, String... readings) {
        return "QN=" + sent.format(TIME) + "000;ST=" + st + ";CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=4;CP=&&DataTime="
                + dataTime.format(TIME) + ";" + String.join(";", readings) + "&&";
    }

    private Station packet(int cn, LocalDateTime sent, LocalDateTime dataTime, String... readings) {
        out.append(PacketWriter.packet(segment(cn, sent, dataTime, readings)));
        return this;
    }

    /** Packets whose segments were edited, framed again with their new length and CRC. */
    public static String reframe(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) continue;
            out.append(PacketWriter.packet(line.substring(6, line.length() - 4)));
        }
        return out.toString();
    }

    public String text() {
        return out.toString();
    }

    /**
     * {@code n} values in hundredths that vary by up to ±{@code spread} around {@code mean} yet sum to exactly
     * {@code n × mean}: noisy minute data with an exact hourly mean.
     */
    public static long[] aroundExactly(long mean, int n, long spread, SplittableRandom random) {
        long[] v = new long[n];
        long sum = 0;
        for (int i = 0; i < n - 1; i++) {
            v[i] = mean + (spread == 0 ? 0 : random.nextLong(-spread, spread + 1));
            sum += v[i];
        }
        v[n - 1] = mean * n - sum;
        return v;
    }
}
