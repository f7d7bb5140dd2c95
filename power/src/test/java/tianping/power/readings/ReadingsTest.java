package tianping.power.readings;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readings onto the grid: gaps, duplicates, out-of-order rows and bad rows with their line numbers. */
class ReadingsTest {

    private static final String E = "91430111MA4T00P00F";
    private static final Grid GRID = Grid.between(LocalDateTime.parse("2024-11-20T00:00"), LocalDateTime.parse("2024-11-21T00:00"), 15);
    private static final List<Channel> CHANNELS = List.of(new Channel("P1", null, Role.PRODUCTION, 100, null, null),
            new Channel("T1", null, Role.TREATMENT, 20, "大气", List.of("P1")));

    /** Every reading to the builder, every malformed row a problem of the file. */
    private static ReadingVisitor into(SeriesBuilder b, int file) {
        return new ReadingVisitor() {
            @Override
            public void reading(String enterprise, String channel, long minute, double kw, long line) {
                b.add(channel, minute, kw, file, line);
            }

            @Override
            public void malformed(long line, String message) {
                b.problem(file, line, "reading_malformed", message);
            }
        };
    }

    private static SeriesBuilder csv(String text) throws IOException {
        SeriesBuilder b = new SeriesBuilder(E, CHANNELS, GRID);
        int file = b.file("r.csv");
        ReadingsCsv.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), into(b, file));
        return b;
    }

    @Test
    void outOfOrderRowsAreSortedByTheGridAndGapsStayGaps() throws IOException {
        SeriesBuilder b = csv("enterprise,channel,timestamp,kW\r\n"
                + E + ",P1,2024-11-20T00:30,12.5\r\n"
                + E + ",P1,2024-11-20T00:00,10\r\n"
                + "\"" + E + "\",\"P1\",\"2024-11-20 00:15:00\",11\r\n"
                + E + ",T1,2024-11-20T00:00,\r\n");
        EnterpriseSeries s = b.build();
        assertEquals(List.of(), b.problems());
        assertEquals(10.0, s.kw(0, 0));
        assertEquals(11.0, s.kw(0, 1));
        assertEquals(12.5, s.kw(0, 2));
        assertTrue(!s.has(0, 3) && !s.has(1, 0), "缺测与空功率均为缺口");
        assertEquals(new ReadingStats(3, 0, 2, 1, 2 * 96 - 3), s.stats());
    }

    @Test
    void anIdenticalDuplicateIsKeptOnceAConflictingOneIsReportedWithBothLines() throws IOException {
        SeriesBuilder b = csv("enterprise,channel,timestamp,kW\n"
                + E + ",P1,2024-11-20T00:00,10\n"
                + E + ",P1,2024-11-20T00:00,10.0\n"
                + E + ",T1,2024-11-20T00:00,5\n"
                + E + ",T1,2024-11-20T00:00,6\n");
        assertEquals(1, b.build().stats().identicalDuplicates());
        assertEquals(1, b.problems().size());
        ReadingProblem p = b.problems().get(0);
        assertEquals("r.csv:5", p.where());
        assertEquals("reading_conflicting_duplicate", p.code());
        assertTrue(p.message().contains("r.csv:4 为 5.0 kW"), p.message());
    }

    @Test
    void badRowsAreReportedWithTheirLines() throws IOException {
        SeriesBuilder b = csv("enterprise,channel,timestamp,kW\n"
                + E + ",P1,2024-11-20T00:00\n"
                + E + ",P1,2024-11-20T25:00,1\n"
                + E + ",P1,2024-11-20T00:00,-1\n"
                + E + ",P1,2024-11-20T00:00,abc\n"
                + E + ",X9,2024-11-20T00:00,1\n"
                + E + ",P1,2024-11-20T00:07,1\n"
                + E + ",P1,2024-11-21T00:00,1\n"
                + E + ",P1,2024-11-20T00:00:30,1\n"
                + E + ",P1,2024-11-20T00:00,1,2\n");
        List<String> got = b.problems().stream().map(p -> p.line() + " " + p.code()).toList();
        assertEquals(List.of("2 reading_malformed", "3 reading_malformed", "4 reading_malformed", "5 reading_malformed",
                "6 reading_unknown_channel", "7 reading_off_grid", "8 reading_outside_period", "9 reading_malformed",
                "10 reading_malformed"), got);
    }

    @Test
    void aWrongHeaderIsRefused() throws IOException {
        SeriesBuilder b = csv("uscc,point,time,power\n" + E + ",P1,2024-11-20T00:00,1\n");
        assertEquals(1, b.problems().get(0).line());
        assertTrue(b.problems().get(0).message().startsWith("表头应为"));
    }

    @Test
    void jsonReadingsCarryTheLineOfEachObject() throws IOException {
        SeriesBuilder b = new SeriesBuilder(E, CHANNELS, GRID);
        int file = b.file("r.json");
        String json = "[\n{\"channel\": \"P1\", \"timestamp\": \"2024-11-20T00:00\", \"kW\": 10},\n"
                + "{\"channel\": \"T1\", \"timestamp\": \"2024-11-20T00:00\", \"kW\": null},\n"
                + "{\"channel\": \"T1\", \"timestamp\": \"yesterday\", \"kW\": 1}\n]";
        ReadingsJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), into(b, file));
        assertEquals(10.0, b.build().kw(0, 0));
        assertEquals(1, b.problems().size());
        assertEquals("r.json:4", b.problems().get(0).where());
    }

    @Test
    void timestampsParseStraightFromBytes() {
        assertEquals(LocalDateTime.parse("2024-02-29T23:45"), Timestamps.toTime(Timestamps.epochMinute("2024-02-29T23:45")));
        assertEquals(Timestamps.INVALID, Timestamps.epochMinute("2023-02-29T00:00"));
        assertEquals(Timestamps.NOT_WHOLE_MINUTE, Timestamps.epochMinute("2024-02-01T00:00:01"));
    }
}
