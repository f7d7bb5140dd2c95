package tianping.bench;

import tianping.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tianping.monitoring.hj212.Hj212Reader;
import tianping.monitoring.hj212.LineReader;
import tianping.monitoring.hj212.Packet;
import tianping.monitoring.hj212.PacketHandler;
import tianping.monitoring.hj212.PacketWriter;
import tianping.monitoring.hj212.Problem;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * The HJ 212 reader against a parse-only floor, on the same bytes, in one run. A month of minute data for many
 * outlets is generated one outlet-day at a time into a ~0.6 MB buffer, and each buffer is read three times: by
 * the floor, which reads it line by line as a program reading a text file does ({@link BufferedReader#readLine});
 * by the reader, which checks length and CRC and reads every field, number and flag into packets; and, as a
 * stricter reference, by a bare scan for line ends that builds nothing. The order rotates from buffer to buffer,
 * and only reading is timed. Reported: packets per second of each, and the reader's time relative to both.
 */
@Command(name = "hj212", description = "HJ 212 读取器吞吐：生成一个月的分钟数据（缺省 2000 个排放口 × 30 日，约 8640 万个数据包），"
        + "与逐行读取同样字节的下限在同一次运行中对比，报告每秒数据包数与比值（目标：不超过下限用时的 3 倍）。")
final class Hj212Bench implements Callable<Integer> {

    @Option(names = "--outlets", defaultValue = "2000", description = "排放口数（缺省 ${DEFAULT-VALUE}）")
    int outlets;

    @Option(names = "--days", defaultValue = "30", description = "天数（缺省 ${DEFAULT-VALUE}）")
    int days;

    @Option(names = "--seed", defaultValue = "212", description = "随机种子（缺省 ${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--warmup", defaultValue = "200", description = "正式计时前预热的排放口日数（不计入结果，缺省 ${DEFAULT-VALUE}）")
    int warmup;

    @Spec
    CommandSpec spec;

    /** Counts what the reader delivers, and sums a value of every packet so the work cannot be skipped. */
    private static final class Tally implements PacketHandler {
        long packets;
        long problems;
        double checksum;

        @Override
        public void packet(Packet p) {
            packets++;
            checksum += p.readings().get(0).avg() + p.readings().size();
        }

        @Override
        public void problem(Problem problem) {
            problems++;
        }
    }

    /** The stricter reference: finds every line end, builds nothing. */
    private static final class Scan implements LineReader.Consumer {
        long lines;
        long bytes;

        @Override
        public void line(byte[] b, int from, int to, long number) {
            lines++;
            bytes += to - from;
        }

        @Override
        public void tooLong(long number) {
            lines++;
        }
    }

    /** The floor: the buffer read line by line as text. Returns the lines read; {@code chars} adds their lengths. */
    private static long readLines(byte[] b, int length, long[] chars) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(b, 0, length), StandardCharsets.UTF_8))) {
            long lines = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                chars[0] += line.length();
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (outlets < 1 || days < 1 || warmup < 0) {
            spec.commandLine().getErr().println("--outlets 与 --days 须为正数，--warmup 不能为负");
            return ExitCode.USAGE;
        }
        MinuteData data = new MinuteData(seed, LocalDate.of(2024, 3, 1));
        long[] chars = new long[1];
        for (int i = 0; i < warmup; i++) {
            PacketWriter w = data.outletDay(i, i % days);
            readLines(w.buffer(), w.length(), chars);
            new LineReader(Hj212Reader.MAX_LINE).lines(w.buffer(), 0, w.length(), new Scan());
            new Hj212Reader(new Tally()).read(w.buffer(), 0, w.length());
        }
        Tally tally = new Tally();
        Hj212Reader reader = new Hj212Reader(tally);
        Scan scan = new Scan();
        LineReader lines = new LineReader(Hj212Reader.MAX_LINE);
        long floorLines = 0;
        long[] nanos = new long[3];
        long generateNanos = 0;
        long bytes = 0;
        long started = System.nanoTime();
        for (int outlet = 0; outlet < outlets; outlet++) {
            for (int day = 0; day < days; day++) {
                long t0 = System.nanoTime();
                PacketWriter w = data.outletDay(outlet, day);
                generateNanos += System.nanoTime() - t0;
                bytes += w.length();
                for (int k = 0; k < 3; k++) {
                    int which = (outlet + day + k) % 3;
                    long t = System.nanoTime();
                    switch (which) {
                        case 0 -> floorLines += readLines(w.buffer(), w.length(), chars);
                        case 1 -> reader.read(w.buffer(), 0, w.length());
                        default -> lines.lines(w.buffer(), 0, w.length(), scan);
                    }
                    nanos[which] += System.nanoTime() - t;
                }
            }
        }
        reader.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        long expected = (long) outlets * days * 1440;
        out.printf("数据：%d 个排放口 × %d 日 × 1440 分钟 = %,d 个数据包，%.2f GB（逐排放口日生成于约 %.2f MB 的缓冲区，生成用时 %.1f 秒，不计入）%n",
                outlets, days, expected, bytes / 1e9, bytes / 1e6 / ((long) outlets * days), generateNanos / 1e9);
        line(out, "下限：逐行读取（BufferedReader.readLine）", floorLines, bytes, nanos[0]);
        line(out, "HJ 212 读取器（长度、CRC-16、字段、数值、数据标记）", tally.packets, bytes, nanos[1]);
        line(out, "参照：只找行尾（逐字节扫描，不建任何对象）", scan.lines, bytes, nanos[2]);
        out.printf("比值：读取器用时为下限的 %.2f 倍（目标 ≤ 3 倍）；为只找行尾的 %.2f 倍%n", (double) nanos[1] / nanos[0], (double) nanos[1] / nanos[2]);
        out.printf("核对：读取器 %,d 包（应为 %,d），错误 %,d 处，校验和 %.6e；下限 %,d 行、%,d 字符；总用时 %.1f 秒%n", tally.packets, expected,
                tally.problems, tally.checksum, floorLines, chars[0], seconds);
        out.flush();
        return tally.packets == expected && tally.problems == 0 && floorLines == expected && scan.lines == expected
                ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }

    private static void line(PrintWriter out, String what, long packets, long bytes, long nanos) {
        double s = nanos / 1e9;
        out.printf("%s：%,.0f 包/秒，%,.0f MB/秒（用时 %.2f 秒）%n", what, packets / s, bytes / 1e6 / s, s);
    }
}
