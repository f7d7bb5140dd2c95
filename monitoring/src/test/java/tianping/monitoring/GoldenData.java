package tianping.monitoring;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tianping.monitoring.hj212.PacketWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data files of the golden fixtures (fixtures/monitoring/…/data/), written from code so that every mean,
 * flag and bad packet in them is there on purpose. Given the generator, when run, then the committed files are
 * exactly what it writes; {@code mvn verify -Dgolden.update=true} rewrites them after an intended change (then
 * review the fixtures' decisions).
 */
class GoldenData {

    static final Path FIXTURES = Path.of("..", "fixtures", "monitoring");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static final String SX_AIR_MN = "14010500000000000000DA01";
    static final String AH_WATER_MN = "34010400000000000000DW01";
    static final String ZJ_PLATING_MN = "33010600000000000000DW01";
    static final String ZJ_DYEING_MN = "33010600000000000000DW02";
    static final String SX_OLD_MN = "LD140105000001";
    static final String SX_CSV_MN = "14010500000000000000DW01";

    /** Every data file, by path under fixtures/monitoring. */
    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("shanxi/data/sx-air-4h-below-0.1.hj212", shanxiAir(16, 16497));
        files.put("shanxi/data/sx-air-5h.hj212", shanxiAir(15, 16497));
        files.put("shanxi/data/sx-air-multiple-0.1.hj212", shanxiAir(16, 16500));
        files.put("shanxi/data/sx-water-2005.dat", shanxiWater2005());
        files.put("shanxi/data/sx-water-export.csv", shanxiWaterCsv());
        files.put("anhui/data/ah-cod-10-of-30.hj212", anhuiCod(20));
        files.put("anhui/data/ah-cod-9-of-30.hj212", anhuiCod(19));
        files.put("criminal/data/lead-3x.hj212", plating(600));
        files.put("criminal/data/lead-2.99x.hj212", plating(598));
        files.put("evidence/data/signs-to-verify.hj212", dyeing(true));
        files.put("evidence/data/no-signs.hj212", dyeing(false));
        return files;
    }

    @TestFactory
    List<DynamicTest> theFixtureDataAreWhatTheGeneratorWrites() {
        List<DynamicTest> tests = new ArrayList<>();
        files().forEach((path, text) -> tests.add(DynamicTest.dynamicTest(path, () -> {
            Path file = FIXTURES.resolve(path);
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), "缺少 " + file + "：运行 mvn verify -Dgolden.update=true 生成");
            assertEquals(text, Files.readString(file, StandardCharsets.UTF_8), file + " 与生成器不一致（有意的改动请以 -Dgolden.update=true 重新生成并审阅决定）");
        })));
        return tests;
    }

    /**
     * A coal-fired boiler (GB 13271-2014, reference O₂ 9 %) on 2024-03-01. Hour data (CN 2061) except 08:00–12:59,
     * sent as minute data (CN 2051) with O₂ averaging exactly 12.00 % per hour, so corrected = measured × 4/3. SO₂
     * measured means 08–12 h: 162.00, {@code peak09}/100, 164.97, 160.50, 163.50 → corrected 216.00, …, 219.96,
     * 214.00, 218.00 against 200; hour 10 has {@code maintenance10} minutes flagged M. Every 2017 flag occurs
     * (N; T and S on NOx, C on NOx 11:00–11:09, D, B and F on particulates, M in hour 10); one packet has its CRC
     * damaged, one is cut short, and the 14:00 hour packet comes split in two parts, the second first.
     */
    static String shanxiAir(int maintenance10, long peak09) {
        Station s = new Station(SX_AIR_MN, 31);
        LocalDateTime day = LocalDateTime.of(2024, 3, 1, 0, 0);
        SplittableRandom random = new SplittableRandom(140105);
        long[] so2 = {9000, 8900, 9100, 9050, 8800, 9200, 9300, 11000, 16200, peak09, 16497, 16050, 16350,
                9000, 8700, 8900, 9100, 8800, 9000, 9200, 9100, 8950, 9000, 8900};
        for (int h = 0; h < 24; h++) {
            LocalDateTime hour = day.plusHours(h);
            if (h >= 8 && h <= 12) {
                int bad = h == 10 ? maintenance10 : 0;
                long[] values = Station.aroundExactly(so2[h], 60 - bad, 500, random);
                long[] oxygen = Station.aroundExactly(1200, 60 - bad, 15, random);
                for (int m = 0; m < 60; m++) {
                    LocalDateTime t = hour.plusMinutes(m);
                    boolean maintenance = m < bad;
                    char nox = h == 8 && m == 5 ? 'T' : h == 8 && m == 30 ? 'S' : h == 11 && m < 10 ? 'C' : 'N';
                    char dust = h == 9 && (m == 10 || m == 11) ? 'D' : h == 12 && m == 20 ? 'B' : h == 12 && m == 40 ? 'F' : 'N';
                    String packet = PacketWriter.packet(s.segment(2051, t, t,
                            Station.reading("a21026", maintenance ? 98000 : values[m - bad], maintenance ? 'M' : 'N'),
                            Station.reading("a21002", nox == 'T' ? 50000 : 6000 + random.nextLong(-300, 301), nox),
                            Station.reading("a34013", 800 + random.nextLong(-60, 61), dust),
                            Station.reading("a19001", maintenance ? 2090 : oxygen[m - bad], maintenance ? 'M' : 'N'),
                            Station.flow("a00000", 1500000 + random.nextLong(-20000, 20001), 1, 'N')));
                    s.raw(packet.substring(0, packet.length() - 2));
                    // the same packet again, altered on the way (ST=31 became ST=32): its CRC no longer fits
                    if (h == 8 && m == 15) s.raw(packet.substring(0, packet.length() - 2).replaceFirst("ST=31", "ST=32"));
                    // a packet cut off in transmission
                    if (h == 9 && m == 45) s.raw(packet.substring(0, 120));
                }
            } else if (h == 14) {
                String head = "QN=20240301150000000;ST=31;CN=2061;PW=123456;MN=" + SX_AIR_MN + ";Flag=6;PNUM=2;PNO=";
                s.packet(head + "2;CP=&&" + Station.reading("a19001", 1200, 'N') + ";" + Station.flow("a00000", 1500000, 60, 'N') + "&&");
                s.packet(head + "1;CP=&&DataTime=20240301140000;" + Station.reading("a21026", so2[h], 'N') + ";"
                        + Station.reading("a21002", 6000, 'N') + ";" + Station.reading("a34013", 800, 'N') + "&&");
            } else {
                s.hour(hour, Station.reading("a21026", so2[h], 'N'), Station.reading("a21002", 5900 + 10L * h, 'N'),
                        Station.reading("a34013", 790 + h, 'N'), Station.reading("a19001", 1200, 'N'), Station.flow("a00000", 1500000, 60, 'N'));
            }
        }
        return s.text();
    }

    /**
     * A food plant's wastewater outlet in 合肥 (COD 50 mg/L daily, permit), March 2024: day data (CN 2031), except
     * 03-20, sent as hour data with {@code validHours20} hours normal and the rest flagged D. The daily mean
     * exceeds on 10 days from 03-02 to 03-23 (03-20 among them, at 62.00, if its mean is valid).
     */
    static String anhuiCod(int validHours20) {
        Station s = new Station(AH_WATER_MN, 32);
        List<Integer> exceeding = List.of(2, 4, 6, 9, 11, 13, 16, 18, 20, 23);
        SplittableRandom random = new SplittableRandom(340104);
        for (int d = 1; d <= 31; d++) {
            LocalDate day = LocalDate.of(2024, 3, d);
            long cod = exceeding.contains(d) ? 5500 + 150L * (d % 9) : 3200 + random.nextLong(0, 1000);
            if (d == 20) {
                long[] hourly = Station.aroundExactly(6200, validHours20, 400, random);
                for (int h = 0; h < 24; h++) {
                    boolean valid = h < validHours20;
                    s.hour(day.atStartOfDay().plusHours(h), Station.reading("w01018", valid ? hourly[h] : 0, valid ? 'N' : 'D'),
                            Station.reading("w21003", 310, 'N'), Station.flow("w00000", 4500, 60, 'N'));
                }
            } else {
                s.day(day, Station.reading("w01018", cod, 'N'), Station.reading("w21003", 280 + random.nextLong(0, 60), 'N'),
                        Station.flow("w00000", 4400 + random.nextLong(0, 200), 1440, 'N'));
            }
        }
        return s.text();
    }

    /**
     * An electroplating plant's outlet (GB 21900-2008: total lead 0.2 mg/L, total chromium 1.0 mg/L, daily) on
     * 2024-05-06 and 05-07, hour data. The hourly total lead of 05-06 varies around, and averages exactly,
     * {@code lead}/1000 mg/L.
     */
    static String plating(long lead) {
        Station s = new Station(ZJ_PLATING_MN, 32);
        SplittableRandom random = new SplittableRandom(330106);
        for (int d = 6; d <= 7; d++) {
            long[] leads = Station.aroundExactly(d == 6 ? lead : 120, 24, 30, random);
            for (int h = 0; h < 24; h++) {
                LocalDateTime t = LocalDateTime.of(2024, 5, d, h, 0);
                s.hour(t, Station.reading("w20120", leads[h], 3, 'N'), Station.reading("w20116", 420 + random.nextLong(-40, 41), 3, 'N'),
                        Station.flow("w00000", 1200 + random.nextLong(-50, 51), 60, 'N'));
            }
        }
        return s.text();
    }

    /**
     * A dyeing plant's wastewater outlet, 14 days of hour data from 2024-06-01 (COD 50 mg/L daily, registered
     * analyzer range 200). On 06-13 COD runs near 62 (a daily exceedance), one hour reading 95.00. With
     * {@code signs}: a spike to 150 at 02:00 on each of 06-01…06-09, a flat 10.00 from 06-10 to 06-12, the 95.00
     * flagged T (over range, though normal readings of 150 came earlier), and flow 0 from 08:00 to 11:00 on 06-14
     * while power data show production. Without: none of these.
     */
    static String dyeing(boolean signs) {
        Station s = new Station(ZJ_DYEING_MN, 32);
        SplittableRandom random = new SplittableRandom(330106);
        for (int d = 1; d <= 14; d++) {
            for (int h = 0; h < 24; h++) {
                LocalDateTime t = LocalDateTime.of(2024, 6, d, h, 0);
                long cod = 4000 + random.nextLong(-300, 301);
                char flag = 'N';
                if (signs && d <= 9 && h == 2) cod = 15000;
                if (signs && d >= 10 && d <= 12) cod = 1000;
                if (d == 13) cod = h == 14 ? 9500 : 6000 + random.nextLong(-200, 201);
                if (signs && d == 13 && h == 14) flag = 'T';
                long flow = 3000 + random.nextLong(-100, 101);
                if (signs && d == 14 && h >= 8 && h < 11) flow = 0;
                s.hour(t, Station.reading("w01018", cod, flag), Station.reading("w21003", 250 + random.nextLong(0, 50), 'N'),
                        Station.flow("w00000", flow, 60, 'N'));
            }
        }
        return s.text();
    }

    /**
     * An older station (HJ/T 212-2005: no Flag field, 14-character MN, codes 011 COD, 060 NH₃-N, B01 flow) sending
     * day data 2024-04-01…04-07; COD 54.00 on 04-03 (limit 50: 0.08 ×), flagged P (power failure) on 04-05 and
     * F (source stopped) on 04-06.
     */
    static String shanxiWater2005() {
        Station s = new Station(SX_OLD_MN, 32);
        long[] cod = {4100, 4300, 5400, 3900, 4000, 0, 4200};
        char[] flags = {'N', 'N', 'N', 'N', 'P', 'F', 'N'};
        for (int d = 1; d <= 7; d++) {
            String day = String.format("202404%02d000000", d);
            s.packet("ST=32;CN=2031;PW=123456;MN=" + SX_OLD_MN + ";CP=&&DataTime=" + day + ";011-Avg=" + Station.decimal(cod[d - 1], 2)
                    + ",011-Flag=" + flags[d - 1] + ";060-Avg=3.20,060-Flag=N;B01-Avg=" + (flags[d - 1] == 'F' ? "0.00" : "52.00") + ",B01-Flag=N&&");
        }
        return s.text();
    }

    /**
     * A platform's CSV export of hourly COD, 2024-04-01 and 04-02: the hourly values of 04-01 vary around, and
     * average exactly, 55.00 (0.1 × over 50); on 04-02 one hour is flagged M and one has no flag.
     */
    static String shanxiWaterCsv() {
        StringBuilder csv = new StringBuilder("mn,time,code,avg,flag\n");
        SplittableRandom random = new SplittableRandom(140106);
        for (int d = 1; d <= 2; d++) {
            long[] values = Station.aroundExactly(d == 1 ? 5500 : 4150, 24, 300, random);
            for (int h = 0; h < 24; h++) {
                String flag = d == 2 && h == 3 ? "M" : d == 2 && h == 4 ? "" : "N";
                csv.append(SX_CSV_MN).append(String.format(",2024-04-%02d %02d:00,w01018,", d, h)).append(Station.decimal(values[h], 2))
                        .append(',').append(flag).append('\n');
            }
        }
        return csv.toString();
    }
}
