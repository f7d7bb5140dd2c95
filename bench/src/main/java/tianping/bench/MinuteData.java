package tianping.bench;

import tianping.monitoring.hj212.PacketWriter;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Realistic HJ 212-2017 minute data (CN 2051) for the reader benchmark, one outlet-day at a time into a reusable
 * buffer, so a month for thousands of outlets is never on disk or in memory at once. Two outlets in three are
 * flue-gas outlets (SO₂, NOx, particulates, O₂, flow), one in three wastewater outlets (COD, NH₃-N, TP, pH, flow);
 * values wander around typical levels with a daily cycle; each day has a calibration (C), some days maintenance
 * (M), and now and then a fault (D), a communication failure (B) or an over-range reading (T). Deterministic: the
 * same seed, outlet and day always give the same bytes.
 */
public final class MinuteData {

    private record Factor(String code, long typical, long range) {
    }

    private static final Factor[] AIR = {new Factor("a21026", 3500, 20000), new Factor("a21002", 8000, 50000),
            new Factor("a34013", 1200, 10000), new Factor("a19001", 1050, 2500), new Factor("a00000", 1500000, 0)};
    private static final Factor[] WATER = {new Factor("w01018", 4000, 50000), new Factor("w21003", 300, 5000),
            new Factor("w21011", 40, 1000), new Factor("w01001", 720, 1400), new Factor("w00000", 12000, 0)};

    private final long seed;
    private final LocalDate firstDay;
    private final PacketWriter writer = new PacketWriter();
    private final long[] level = new long[5];

    public MinuteData(long seed, LocalDate firstDay) {
        this.seed = seed;
        this.firstDay = firstDay;
    }

    /** Whether an outlet is a flue-gas outlet (two in three) rather than a wastewater outlet. */
    public static boolean air(int outlet) {
        return outlet % 3 != 2;
    }

    /** The MN of an outlet's data acquisition unit (region 440300). */
    public static String mn(int outlet) {
        return String.format("%06d%014d%s", 440300, outlet, air(outlet) ? "DA01" : "DW01");
    }

    /** One outlet's 1,440 minute packets of one day; the bytes are {@code buffer()[0, length())}. */
    public PacketWriter outletDay(int outlet, int day) {
        SplittableRandom r = new SplittableRandom(seed ^ (outlet * 0x9E3779B97F4A7C15L) ^ (day * 0xC2B2AE3D27D4EB4FL));
        boolean air = air(outlet);
        Factor[] factors = air ? AIR : WATER;
        String mn = mn(outlet);
        String head = ";ST=" + (air ? 31 : 32) + ";CN=2051;PW=123456;MN=" + mn + ";Flag=4;CP=&&DataTime=";
        LocalDate date = firstDay.plusDays(day);
        int calibration = r.nextInt(1440 - 10);
        int maintenance = r.nextInt(10) == 0 ? r.nextInt(1440 - 30) : -1;
        for (int i = 0; i < factors.length; i++) level[i] = factors[i].typical();
        writer.clear();
        for (int minute = 0; minute < 1440; minute++) {
            writer.begin().text("QN=");
            stamp(date, minute);
            writer.text("000").text(head);
            stamp(date, minute);
            double cycle = 1 + 0.15 * Math.sin(minute * Math.PI / 720);
            for (int i = 0; i < factors.length; i++) {
                Factor f = factors[i];
                level[i] += (f.typical() - level[i]) / 20 + r.nextLong(-f.typical() / 25 - 1, f.typical() / 25 + 2);
                long value = Math.max(0, (long) (level[i] * cycle));
                char flag = 'N';
                if (f.range() > 0) {
                    if (minute >= calibration && minute < calibration + 10) flag = 'C';
                    else if (maintenance >= 0 && minute >= maintenance && minute < maintenance + 30) flag = 'M';
                    else if (r.nextInt(2000) == 0) flag = "DBS".charAt(r.nextInt(3));
                    if (r.nextInt(5000) == 0) {
                        value = f.range();
                        flag = 'T';
                    }
                }
                writer.character(';').text(f.code()).text("-Avg=").decimal(value, 2);
                if (f.range() == 0) {
                    writer.character(',').text(f.code()).text("-Cou=").decimal(value * 60 / 3600, 2);
                } else {
                    writer.character(',').text(f.code()).text("-Min=").decimal(value * 97 / 100, 2)
                            .character(',').text(f.code()).text("-Max=").decimal(value * 103 / 100, 2);
                }
                writer.character(',').text(f.code()).text("-Flag=").character(flag);
            }
            writer.text("&&").end();
        }
        return writer;
    }

    private void stamp(LocalDate date, int minute) {
        writer.digits(date.getYear(), 4).digits(date.getMonthValue(), 2).digits(date.getDayOfMonth(), 2)
                .digits(minute / 60, 2).digits(minute % 60, 2).digits(0, 2);
    }
}
