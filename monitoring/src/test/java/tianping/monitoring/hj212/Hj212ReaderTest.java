package tianping.monitoring.hj212;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given packets as stations send them, when read, then the fields, or the line and reason of each bad one. */
class Hj212ReaderTest {

    static final String MN = "14010500000000000000DA01";

    static String minute(String cp) {
        return PacketWriter.packet("QN=20240301080500000;ST=31;CN=2051;PW=123456;MN=" + MN + ";Flag=4;CP=&&DataTime=20240301080500;" + cp + "&&");
    }

    @Test
    void aMinutePacketOfHj212_2017() {
        Packet p = Recorder.read(minute("a21026-Avg=52.10,a21026-Min=50.00,a21026-Max=55.20,a21026-Flag=N;a19001-Avg=12.0,a19001-Flag=N;"
                + "a00000-Avg=5000,a00000-Cou=300000,a00000-Flag=N")).only();
        assertEquals(Edition.HJ212_2017, p.edition());
        assertEquals(2051, p.cn());
        assertEquals(31, p.st());
        assertEquals(20240301080500000L, p.qn());
        assertEquals(MN, p.mn());
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 5), p.time());
        assertEquals(1, p.line());
        Reading so2 = new Recorder().reading(p, "a21026");
        assertEquals(52.10, so2.avg());
        assertEquals(50.00, so2.min());
        assertEquals(55.20, so2.max());
        assertEquals('N', so2.flag());
        assertTrue(Double.isNaN(so2.cou()));
        assertEquals(300000, new Recorder().reading(p, "a00000").cou());
    }

    @Test
    void hourAndDayData() {
        Recorder r = Recorder.read(
                PacketWriter.packet("QN=20240301090000000;ST=32;CN=2061;PW=123456;MN=" + MN + ";Flag=4;CP=&&DataTime=20240301080000;w01018-Avg=42.5,w01018-Flag=N&&")
                + PacketWriter.packet("QN=20240302000100000;ST=32;CN=2031;PW=123456;MN=" + MN + ";Flag=4;CP=&&DataTime=20240301000000;w01018-Avg=40.1,w01018-Flag=N&&"));
        assertEquals(List.of(2061, 2031), r.packets.stream().map(Packet::cn).toList());
        assertEquals(List.of(1L, 2L), r.packets.stream().map(Packet::line).toList());
    }

    @Test
    void everyDataFlagLetterIsKeptAsSent() {
        StringBuilder cp = new StringBuilder();
        String letters = "NFMSDCTB";
        for (int i = 0; i < letters.length(); i++) cp.append(i == 0 ? "" : ";").append("a2100").append(i).append("-Avg=1,a2100").append(i).append("-Flag=").append(letters.charAt(i));
        Packet p = Recorder.read(minute(cp.toString())).only();
        assertEquals(letters, p.readings().stream().map(x -> String.valueOf(x.flag())).reduce("", String::concat));
    }

    @Test
    void aReadingWithoutFlagHasNone() {
        Packet p = Recorder.read(minute("a21026-Avg=52.1")).only();
        assertEquals(Reading.NO_FLAG, p.readings().get(0).flag());
    }

    @Test
    void theFlagsVersionBitsTellTheEdition() {
        assertEquals(Edition.HJ212_2017, Recorder.read(PacketWriter.packet("ST=32;CN=2051;MN=" + MN + ";Flag=5;CP=&&DataTime=20240301080000;w01018-Avg=1&&")).only().edition());
        assertEquals(Edition.HJ212_2005, Recorder.read(PacketWriter.packet("ST=32;CN=2051;MN=LD130133000015;Flag=1;CP=&&DataTime=20240301080000;011-Avg=1&&")).only().edition());
        assertEquals(Edition.HJ212_2005, Recorder.read(PacketWriter.packet("ST=32;CN=2051;MN=LD130133000015;CP=&&DataTime=20240301080000;011-Avg=1&&")).only().edition());
        Recorder unknown = Recorder.read(PacketWriter.packet("ST=32;CN=2051;MN=" + MN + ";Flag=8;CP=&&DataTime=20240301080000;w01018-Avg=1&&"));
        assertEquals(List.of("packet_version"), unknown.problems.stream().map(Problem::code).toList());
    }

    @Test
    void anHjT212_2005PacketFromTheField() {
        Packet p = Recorder.read("##0178ST=32;CN=2011;PW=123456;MN=0873HHMZWSLH02;CP=&&DataTime=20160103133030;060-Rtd=3.0943,060-Flag=N;"
                + "011-Rtd=18.0412,011-Flag=N;001-Rtd=8.2137,001-Flag=N;B01-Rtd=10.9890,B01-Flag=N&&a9c1\r\n").only();
        assertEquals(Edition.HJ212_2005, p.edition());
        assertEquals("0873HHMZWSLH02", p.mn());
        assertEquals(List.of("060", "011", "001", "B01"), p.readings().stream().map(Reading::code).toList());
        assertEquals(18.0412, new Recorder().reading(p, "011").rtd());
    }

    @Test
    void aSplitPacketIsUsedOnceAllItsPartsHaveArrivedInAnyOrder() {
        String head = "QN=20240301090000123;ST=31;CN=2061;PW=123456;MN=" + MN + ";Flag=6;PNUM=2;PNO=";
        Recorder r = Recorder.read(PacketWriter.packet(head + "2;CP=&&a21002-Avg=80.0,a21002-Flag=N;a21026-Flag=N&&")
                + PacketWriter.packet(head + "1;CP=&&DataTime=20240301080000;a21026-Avg=52.1&&"));
        Packet p = r.only();
        assertEquals(1, p.line(), "the message is reported at the line of its earliest part (PNO 2, line 1)");
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 0), p.time());
        Reading so2 = r.reading(p, "a21026");
        assertEquals(52.1, so2.avg());
        assertEquals('N', so2.flag(), "a code's fields in two parts are joined");
        assertEquals(80.0, r.reading(p, "a21002").avg());
    }

    @Test
    void readPartByPartEachLineIsItsOwnPacketAndTheChecksAreTheSame() {
        String head = "QN=20240301090000123;ST=31;CN=2061;PW=123456;MN=" + MN + ";Flag=6;PNUM=2;PNO=";
        String[] lines = {PacketWriter.packet(head + "2;CP=&&a21002-Avg=80.0,a21002-Flag=N;a21026-Flag=N&&"),
                PacketWriter.packet(head + "1;CP=&&DataTime=20240301080000;a21026-Avg=52.1&&"),
                PacketWriter.packet("QN=20240301090000124;ST=31;CN=2051;PW=123456;MN=" + MN + ";Flag=4;CP=&&DataTime=20240301080100;a21026-Avg=50&&")
                        .replace("a21026-Avg=50", "a21026-Avg=51")};
        Recorder r = new Recorder();
        Hj212Reader reader = Hj212Reader.partByPart(r);
        for (int i = 0; i < lines.length; i++) {
            byte[] b = lines[i].strip().getBytes(StandardCharsets.US_ASCII);
            reader.line(b, 0, b.length, 100 + i);
        }
        assertEquals(2, r.packets.size(), "each part of the split packet is reported at once, as itself");
        assertEquals(List.of(100L, 101L), r.packets.stream().map(Packet::line).toList());
        assertEquals(List.of(MN, MN), r.packets.stream().map(Packet::mn).toList());
        assertEquals(Packet.NO_TIME, r.packets.get(0).dataTime(), "the second part carries no DataTime");
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 0), r.packets.get(1).time());
        assertEquals(1, r.problems.size());
        assertEquals("packet_crc", r.problems.get(0).code(), "a line whose CRC fails is refused as in a file");
        assertEquals(102, r.problems.get(0).line());
        assertEquals(1, Recorder.read(lines[0] + lines[1]).packets.size(), "read as a file, the parts are still one packet");
    }

    @Test
    void aSplitPacketWithAPartMissingIsReportedAtTheEnd() {
        String head = "QN=20240301090000123;ST=31;CN=2061;PW=123456;MN=" + MN + ";Flag=6;PNUM=3;PNO=";
        Recorder r = Recorder.read(PacketWriter.packet(head + "1;CP=&&DataTime=20240301080000;a21026-Avg=52.1&&")
                + "\r\n" + PacketWriter.packet(head + "3;CP=&&a21002-Avg=80.0&&"));
        assertEquals(List.of(), r.packets);
        assertEquals(1, r.problems.size());
        Problem p = r.problems.get(0);
        assertEquals("packet_split", p.code());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("共 3 包，只收到第 1、3 包（第 1、3 行）"), p.message());
    }

    @Test
    void aRepeatedPartAndAConflictingPartCountAreReported() {
        String head = "QN=20240301090000123;ST=31;CN=2061;PW=123456;MN=" + MN + ";Flag=6;";
        Recorder r = Recorder.read(PacketWriter.packet(head + "PNUM=2;PNO=1;CP=&&DataTime=20240301080000;a21026-Avg=52.1&&")
                + PacketWriter.packet(head + "PNUM=2;PNO=1;CP=&&DataTime=20240301080000;a21026-Avg=99&&")
                + PacketWriter.packet(head + "PNUM=3;PNO=2;CP=&&a21002-Avg=80&&")
                + PacketWriter.packet(head + "PNUM=2;PNO=2;CP=&&a21002-Avg=80&&"));
        assertEquals(52.1, r.packets.get(0).readings().get(0).avg(), "the first copy of a part is used");
        assertEquals(List.of(2L, 3L), r.problems.stream().map(Problem::line).toList());
        assertTrue(r.problems.stream().allMatch(p -> p.code().equals("packet_split")));
    }

    @Test
    void aSplitFlagWithoutPartNumbersIsReported() {
        Recorder r = Recorder.read(PacketWriter.packet("QN=1;ST=31;CN=2061;MN=" + MN + ";Flag=6;CP=&&DataTime=20240301080000;a21026-Avg=1&&"));
        assertEquals(List.of("packet_split"), r.problems.stream().map(Problem::code).toList());
    }

    @Test
    void badPacketsAreReportedWithTheirLinesAndTheRestIsRead() {
        String good = minute("a21026-Avg=52.10,a21026-Flag=N");
        String badCrc = good.replace(good.substring(good.length() - 6, good.length() - 2), "0000");
        String text = good                                  // 1
                + badCrc                                    // 2 CRC
                + good.substring(0, 60) + "\r\n"            // 3 truncated mid-segment
                + good.substring(0, good.length() - 6) + "\r\n"   // 4 CRC missing
                + good.replace("&&DataTime", "&&DataTime=20240301080500;DataTime") + "" // 5 longer than declared
                + "QN=20240301080500000;ST=31\r\n"          // 6 no header
                + "##00A1QN=1\r\n"                          // 7 length not digits
                + "\r\n"                                    // 8 blank: skipped silently
                + good;                                     // 9
        Recorder r = Recorder.read(text);
        assertEquals(List.of(1L, 9L), r.packets.stream().map(Packet::line).toList());
        assertEquals(List.of("2 packet_crc", "3 packet_truncated", "4 packet_truncated", "5 packet_length", "6 packet_header", "7 packet_header"),
                r.problems.stream().map(p -> p.line() + " " + p.code()).toList());
        assertTrue(r.problems.get(0).message().contains("包中为 0000"), r.problems.get(0).message());
    }

    @Test
    void aLowerCaseCrcAndBareLineFeedsAreAccepted() {
        String good = minute("a21026-Avg=52.10");
        String lower = good.substring(0, good.length() - 6) + good.substring(good.length() - 6, good.length() - 2).toLowerCase() + "\n";
        assertEquals(1, Recorder.read(lower + lower).packets.size() - 1);
    }

    @Test
    void aLineLongerThanAnyPacketIsSkippedWithoutBufferingIt() {
        String huge = "##" + "9".repeat(Hj212Reader.MAX_LINE * 3) + "\r\n";
        Recorder r = Recorder.read(minute("a21026-Avg=1") + huge + minute("a21026-Avg=2"));
        assertEquals(List.of(1L, 3L), r.packets.stream().map(Packet::line).toList());
        assertEquals(List.of("2 packet_too_long"), r.problems.stream().map(p -> p.line() + " " + p.code()).toList());
    }

    @Test
    void aBadDataItemIsReportedAndTheRestOfThePacketUsed() {
        Recorder r = Recorder.read(minute("a21026-Avg=5x.1,a21026-Flag=N;a21002-Avg=80.0,a21002-Flag=NN;a34013-Avg=10;a21 026-Avg=1;novalue"));
        assertEquals(1, r.packets.size());
        Packet p = r.packets.get(0);
        assertTrue(Double.isNaN(r.reading(p, "a21026").avg()));
        assertEquals(Reading.NO_FLAG, r.reading(p, "a21002").flag());
        assertEquals(10, r.reading(p, "a34013").avg());
        assertEquals(4, r.problems.size());
        assertTrue(r.problems.stream().allMatch(x -> x.code().equals("packet_value") && x.line() == 1), r.problems.toString());
    }

    @Test
    void aDataPacketWithoutAValidTimeIsNotUsed() {
        Recorder r = Recorder.read(PacketWriter.packet("QN=1;ST=31;CN=2051;MN=" + MN + ";Flag=4;CP=&&DataTime=20240231080000;a21026-Avg=1&&"));
        assertEquals(List.of(), r.packets);
        assertEquals(List.of("packet_value", "packet_field"), r.problems.stream().map(Problem::code).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ST=31;CN=2051;Flag=4;CP=&&DataTime=20240301080000&&", "ST=31;MN=" + MN + ";Flag=4;CP=&&DataTime=20240301080000&&",
            "ST=31;CN=2051;MN=" + MN + ";Flag=4", "ST=31;CN=2051;MN=" + MN + ";Flag=4;CP=DataTime=20240301080000",
            "ST=31;CN=20x1;MN=" + MN + ";CP=&&&&", "ST=31;CN=2051;MN=" + MN + "-1;CP=&&&&", "ST=31;CN=2051;MN=" + MN + ";Flag=256;CP=&&&&"})
    void aSegmentWithoutItsEssentialFieldsIsReported(String segment) {
        Recorder r = Recorder.read(PacketWriter.packet(segment));
        assertEquals(List.of(), r.packets);
        assertEquals(List.of("packet_field"), r.problems.stream().map(Problem::code).toList());
    }

    @Test
    void aCommandWithoutDataIsDeliveredForWhoeverWantsIt() {
        Packet p = Recorder.read("##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n").only();
        assertEquals(1062, p.cn());
        assertEquals(Packet.NO_TIME, p.dataTime());
        assertEquals(List.of(), p.readings());
    }

    @Test
    void numbersAreReadExactlyAsJavaWould() {
        for (String n : List.of("0", "-0.5", "52.10", "164.985", "219.98", "0.1", "123456789012345", "1.5E3", "+7")) {
            Packet p = Recorder.read(minute("a21026-Avg=" + n)).only();
            assertEquals(Double.parseDouble(n), p.readings().get(0).avg(), n);
        }
    }
}
