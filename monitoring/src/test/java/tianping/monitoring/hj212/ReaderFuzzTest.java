package tianping.monitoring.hj212;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No input may crash a reader: random bytes, valid packets with bytes flipped, inserted, deleted or cut, and —
 * so that mutations reach the field and data-area parsing behind the CRC check — mutated data segments framed
 * again with a correct length and CRC. Every input must end in packets and problems only, each problem on a
 * line of the input. The seed is fixed, so a failure is reproducible.
 */
class ReaderFuzzTest {

    private static final List<String> SEGMENTS = List.of(
            "QN=20240301080500000;ST=31;CN=2051;PW=123456;MN=14010500000000000000DA01;Flag=4;CP=&&DataTime=20240301080500;"
                    + "a21026-Avg=52.10,a21026-Min=50.00,a21026-Max=55.20,a21026-Flag=N;a19001-Avg=12.0,a19001-Flag=M;a00000-Cou=300000&&",
            "QN=20240301090000123;ST=31;CN=2061;PW=123456;MN=14010500000000000000DA01;Flag=6;PNUM=2;PNO=1;CP=&&DataTime=20240301080000;a21026-Avg=52.1&&",
            "QN=20240301090000123;ST=31;CN=2061;PW=123456;MN=14010500000000000000DA01;Flag=6;PNUM=2;PNO=2;CP=&&a21002-Avg=80.0,a21002-Flag=T&&",
            "ST=32;CN=2031;PW=123456;MN=LD130133000015;CP=&&DataTime=20240301000000;011-Avg=231.0,011-Flag=N;060-Avg=1.803,060-Flag=P&&",
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&");
    private static final byte[] ALPHABET = "#0123456789ABCDEFabcdef;,=-&.+:QNSTCPWMFlagRtdAvgMinMaxCouZsDataTimePNUMPNO \r\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void noInputCrashesTheHj212Reader() throws IOException {
        SplittableRandom random = new SplittableRandom(20170608);
        int packets = 0;
        int parsedAfterCrc = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] input = switch (round % 4) {
                case 0 -> randomBytes(random);
                case 1 -> mutate(framed(random), random);
                case 2 -> reframed(random);
                default -> splice(random);
            };
            Recorder r = Recorder.read(input);
            check(input, r);
            packets += r.packets.size();
            parsedAfterCrc += (int) r.problems.stream().filter(p -> p.code().equals("packet_field") || p.code().equals("packet_value")).count();
        }
        assertTrue(packets > 1000 && parsedAfterCrc > 1000, "变异输入应有相当部分通过 CRC 进入字段解析：" + packets + " 包，" + parsedAfterCrc + " 处字段错误");
    }

    /**
     * Reading a data area by the last packet's layout is only a shortcut: streams where most packets share a
     * layout and some are mutated (behind a correct length and CRC) give exactly the same packets and problems,
     * in the same order, with layouts as without.
     */
    @Test
    void readingByLayoutGivesWhatTheGeneralParserGives() throws IOException {
        SplittableRandom random = new SplittableRandom(2051);
        int mismatched = 0;
        for (int round = 0; round < 2_000; round++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            String base = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
            for (int i = 0; i < 20; i++) {
                byte[] segment = random.nextInt(4) == 0 ? mutate(base.getBytes(StandardCharsets.ISO_8859_1), random)
                        : base.replace("52.10", (random.nextInt(9000) + 1000) / 100.0 + "").getBytes(StandardCharsets.ISO_8859_1);
                stream.write(frame(segment));
            }
            byte[] input = stream.toByteArray();
            Recorder general = new Recorder();
            new Hj212Reader(general, false).read(new ByteArrayInputStream(input));
            Recorder byLayout = new Recorder();
            new Hj212Reader(byLayout, true).read(new ByteArrayInputStream(input));
            assertEquals(general.packets, byLayout.packets);
            assertEquals(general.problems, byLayout.problems);
            mismatched += general.problems.size();
        }
        assertTrue(mismatched > 1000, "变异应使相当部分数据包不合版式：" + mismatched);
    }

    private static byte[] frame(byte[] segment) {
        if (segment.length > 9999) return segment;
        PacketWriter w = new PacketWriter().begin();
        for (byte b : segment) w.character((char) (b & 0xFF));
        w.end();
        return Arrays.copyOf(w.buffer(), w.length());
    }

    @Test
    void noInputCrashesTheCsvReader() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        String valid = "mn,time,code,avg,flag\n61000000000001,2024-03-01 08:00,w01018,42.5,N\n61000000000001,20240301090000,w01018,1E2,\n";
        for (int round = 0; round < 5_000; round++) {
            byte[] input = round % 2 == 0 ? randomBytes(random) : mutate(valid.getBytes(StandardCharsets.US_ASCII), random);
            Recorder r = new Recorder();
            new CsvExportReader(r, Packet.CN_MINUTE).read(new ByteArrayInputStream(input));
            check(input, r);
        }
    }

    private static void check(byte[] input, Recorder r) {
        long lines = 1;
        for (byte b : input) if (b == '\n') lines++;
        for (Problem p : r.problems) {
            assertTrue(p.line() >= 1 && p.line() <= lines, () -> "行号 " + p.line() + " 超出输入：" + Arrays.toString(input));
        }
        for (Packet p : r.packets) {
            assertTrue(p.mn() != null && p.line() >= 1 && p.line() <= lines, () -> "数据包不完整：" + p);
        }
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(400)];
        for (int i = 0; i < b.length; i++) b[i] = random.nextBoolean() ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) random.nextInt(256);
        return b;
    }

    private static byte[] framed(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) text.append(PacketWriter.packet(SEGMENTS.get(random.nextInt(SEGMENTS.size()))));
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A mutated segment with a correct length and CRC, so the parser behind the checks sees it. */
    private static byte[] reframed(SplittableRandom random) {
        byte[] segment = mutate(SEGMENTS.get(random.nextInt(SEGMENTS.size())).getBytes(StandardCharsets.ISO_8859_1), random);
        if (segment.length > 9999) return segment;
        PacketWriter w = new PacketWriter().begin();
        for (byte b : segment) w.character((char) (b & 0xFF));
        w.end();
        return Arrays.copyOf(w.buffer(), w.length());
    }

    private static byte[] splice(SplittableRandom random) {
        byte[] a = framed(random);
        byte[] b = reframed(random);
        int cut = random.nextInt(a.length + 1);
        byte[] out = Arrays.copyOf(a, cut + b.length);
        System.arraycopy(b, 0, out, cut, b.length);
        return out;
    }

    private static byte[] mutate(byte[] in, SplittableRandom random) {
        byte[] b = in.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                case 3 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }
}
