package tianping.monitoring.hj212;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvExportReaderTest {

    private static Recorder read(String text) throws IOException {
        Recorder r = new Recorder();
        new CsvExportReader(r, Packet.CN_HOUR).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    @Test
    void eachRowIsAOneReadingPacketOfTheExportsInterval() throws IOException {
        Recorder r = read("\uFEFFmn,time,code,avg,flag\r\n"
                + "61000000000001,2024-03-01 08:00,w01018,42.5,N\r\n"
                + "61000000000001,2024-03-01T09:00:00,w01018,43,\r\n"
                + "61000000000001,20240301100000,w01018,-0.5,M\r\n");
        assertEquals(List.of(), r.problems);
        assertEquals(3, r.packets.size());
        Packet first = r.packets.get(0);
        assertEquals(Packet.CN_HOUR, first.cn());
        assertEquals(Edition.HJ212_2017, first.edition());
        assertEquals(2, first.line());
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 0), first.time());
        assertEquals(42.5, first.readings().get(0).avg());
        assertEquals(Reading.NO_FLAG, r.packets.get(1).readings().get(0).flag());
        assertEquals('M', r.packets.get(2).readings().get(0).flag());
    }

    @Test
    void badRowsAreReportedWithTheirLines() throws IOException {
        Recorder r = read("mn,time,code,avg,flag\n"
                + "61000000000001,2024-03-01 08:00,w01018,42.5,N\n"
                + "61000000000001,2024-03-01 08:00,w01018\n"
                + "61000000000001,2024-02-30 08:00,w01018,1,N\n"
                + "61000000000001,2024-03-01 09:00,w01018,abc,N\n"
                + "61000000000001,2024-03-01 09:00,w01018,1,n\n"
                + "6100-0001,2024-03-01 09:00,w01018,1,N\n"
                + "61000000000001,2024-03-01 09:00,w01018,1,N\n");
        assertEquals(List.of(2L, 8L), r.packets.stream().map(Packet::line).toList());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), r.problems.stream().map(Problem::line).toList());
    }

    @Test
    void aWrongHeaderStopsTheReading() throws IOException {
        Recorder r = read("mn;time;code;avg;flag\n61000000000001,2024-03-01 08:00,w01018,42.5,N\n");
        assertEquals(List.of(), r.packets);
        assertEquals(List.of("1 csv_header"), r.problems.stream().map(p -> p.line() + " " + p.code()).toList());
        assertEquals(List.of("1 csv_header"), read("").problems.stream().map(p -> p.line() + " " + p.code()).toList());
    }

    @Test
    void quotedCellsAreReadAsSpreadsheetsWriteThemAndAnOpenQuoteSpoilsOnlyItsLine() throws IOException {
        Recorder r = read("mn,time,code,avg,flag\n"
                + "\"61000000000001\", \"2024-03-01 08:00\" ,w01018,\"42.5\",N\n"
                + "61000000000001,\"2024-03-01 09:00,w01018,1,N\n"
                + "61000000000001,2024-03-01 10:00,w01018,44,N\n");
        assertEquals(List.of(2L, 4L), r.packets.stream().map(Packet::line).toList());
        assertEquals(42.5, r.packets.get(0).readings().get(0).avg());
        assertEquals("61000000000001", r.packets.get(0).mn());
        assertEquals(List.of("3 csv_row"), r.problems.stream().map(p -> p.line() + " " + p.code()).toList());
    }
}
