package tianping.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.power.province.GroundTruth;
import tianping.power.province.ProvinceGenerator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The province generator and power-batch on a small province: every planted anomaly found, none on the clean. */
class PowerBatchTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return code + "\n" + err + out;
    }

    @Test
    void aSmallProvinceMatchesItsGroundTruth(@TempDir Path dir) throws Exception {
        String gen = run("power-generate", dir.toString(), "--enterprises", "360", "--channels", "3100", "--per-mille", "12");
        assertTrue(gen.startsWith("0\n"), gen);
        Path out = dir.resolve("decisions.jsonl");
        String batch = run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(),
                "--readings", dir.resolve(ProvinceGenerator.READINGS).toString(), "--date", "2024-11-20", "--out", out.toString(),
                "--log", dir.resolve("log").toString());
        assertTrue(batch.startsWith("1\n"), "有被拒企业与名录外企业，退出码 1：" + batch);
        GroundTruth.Report r = GroundTruth.check(dir.resolve(ProvinceGenerator.TRUTH), out);
        assertTrue(r.passed(), r.toString());
        assertEquals(360, r.enterprises());
        assertTrue(r.planted() >= 13 * 4, "每类至少植入 4 个：" + r.planted());
        String lines = Files.readString(out);
        assertTrue(lines.contains("\"status\":\"unregistered\"") && lines.contains(ProvinceGenerator.UNREGISTERED));
        assertTrue(lines.contains("\"code\":\"reading_conflicting_duplicate\""));

        long decided = lines.lines().filter(l -> l.contains("\"status\":\"decided\"")).count();
        String replay = run("replay", "--log", dir.resolve("log").toString());
        assertTrue(replay.startsWith("0\n") && replay.contains("重放 " + decided + " 个决定：一致 " + decided + "，"),
                "每个作出的决定都记入决定记录并可原样重放：" + replay);
    }

    @Test
    void aRegisterForAnotherDayIsRejectedLineByLineAndItsReadingsAreNotCalledUnregistered(@TempDir Path dir) throws Exception {
        run("power-generate", dir.toString(), "--enterprises", "48", "--channels", "420");
        Path out = dir.resolve("out.jsonl");
        String batch = run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(),
                "--readings", dir.resolve(ProvinceGenerator.READINGS).toString(), "--date", "2024-11-21", "--out", out.toString(), "--no-log");
        assertTrue(batch.startsWith("1\n"), batch);
        var lines = Files.readAllLines(out);
        assertEquals(48, lines.stream().filter(l -> l.contains("\"status\":\"rejected\"") && l.contains("$.power.period")).count(), String.join("\n", lines));
        assertEquals(1, lines.stream().filter(l -> l.contains("\"status\":\"unregistered\"")).count(), "只有植入的名录外企业");

        String missing = run("power-batch", "--enterprises", dir.resolve("none.jsonl").toString(), "--readings",
                dir.resolve(ProvinceGenerator.READINGS).toString(), "--date", "2024-11-20", "--out", out.toString(), "--no-log");
        assertTrue(missing.startsWith("1\n") && missing.contains("none.jsonl：文件不存在或不可读"), missing);
    }

    @Test
    void theGeneratorIsDeterministic(@TempDir Path dir) throws Exception {
        run("power-generate", dir.resolve("a").toString(), "--enterprises", "48", "--channels", "420");
        run("power-generate", dir.resolve("b").toString(), "--enterprises", "48", "--channels", "420");
        for (String f : new String[]{ProvinceGenerator.ENTERPRISES, ProvinceGenerator.READINGS, ProvinceGenerator.TRUTH}) {
            assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
        }
        long channels = Files.readAllLines(dir.resolve("a").resolve(ProvinceGenerator.ENTERPRISES)).stream()
                .mapToLong(l -> l.split("\"ratedKw\"", -1).length - 1).sum();
        assertEquals(420, channels);
    }
}
