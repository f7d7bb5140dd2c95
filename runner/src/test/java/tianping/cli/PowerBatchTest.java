package tianping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.power.province.GroundTruth;
import tianping.power.province.ProvinceGenerator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

    /**
     * The batch path (register, shared grid, parallel derivation) and the single-case path (a case file with its
     * own readings file, derived by the case reader) are one method: every enterprise the batch decided is decided
     * the same by check — outcome, rules fired in order, and each finding's disposition and measures.
     */
    @Test
    void theBatchDecidesEachEnterpriseAsCheckDoesOnItsOwnCase(@TempDir Path dir) throws Exception {
        run("power-generate", dir.toString(), "--enterprises", "240", "--channels", "2000", "--per-mille", "15");
        Path out = dir.resolve("out.jsonl");
        run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(), "--readings",
                dir.resolve(ProvinceGenerator.READINGS).toString(), "--date", "2024-11-20", "--out", out.toString(), "--no-log");
        List<String> register = Files.readAllLines(dir.resolve(ProvinceGenerator.ENTERPRISES));
        List<String> readings = Files.readAllLines(dir.resolve(ProvinceGenerator.READINGS));
        int compared = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode batch = Json.MAPPER.readTree(line);
            if (!batch.path("status").asText().equals("decided")) continue;
            String uscc = batch.get("enterprise").asText();
            Path own = dir.resolve(uscc);
            Files.createDirectories(own);
            Files.write(own.resolve("readings.csv"), Stream.concat(Stream.of(readings.get(0)),
                    readings.stream().filter(r -> r.startsWith(uscc + ","))).toList());
            ObjectNode c = (ObjectNode) Json.MAPPER.readTree(register.get(batch.get("line").asInt() - 1));
            ((ObjectNode) c.get("power")).putArray("readings").add("readings.csv");
            Files.writeString(own.resolve("case.json"), Json.MAPPER.writeValueAsString(c));
            StringWriter json = new StringWriter();
            assertEquals(0, Main.run(new String[]{"check", "--no-log", "--json", own.resolve("case.json").toString()},
                    new PrintWriter(json), new PrintWriter(new StringWriter())));
            JsonNode single = Json.MAPPER.readTree(json.toString());
            JsonNode decided = batch.get("decision");
            assertEquals(decided.get("outcome"), single.get("outcome"), uscc);
            assertEquals(decided.get("trace").findValuesAsText("rule"), single.get("trace").findValuesAsText("rule"), uscc);
            for (int f = 0; f < decided.get("findings").size(); f++) {
                for (String field : new String[]{"violation", "disposition", "measures", "warning"}) {
                    assertEquals(decided.get("findings").get(f).get(field), single.get("findings").get(f).get(field), uscc + " " + field);
                }
            }
            compared++;
        }
        assertTrue(compared >= 10, "应有足够的被决定企业可比对：" + compared);

        Path alone = dir.resolve("one-thread.jsonl");
        run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(), "--readings",
                dir.resolve(ProvinceGenerator.READINGS).toString(), "--date", "2024-11-20", "--out", alone.toString(), "--no-log", "--threads", "1");
        assertEquals(-1L, Files.mismatch(out, alone), "结果与线程数无关，逐字节相同");
    }

    /**
     * The feed may list the enterprises in any order within a tick, and in another order each tick: here the
     * tick-by-tick feed as generated and the same rows with each tick's enterprises rotated by the tick's number and
     * every other tick reversed. Each enterprise's rows keep their order, so its rows' fingerprint is unchanged; only
     * line numbers move.
     */
    @Test
    void theEnterprisesOrderWithinATickChangesNoDecision(@TempDir Path dir) throws Exception {
        run("power-generate", dir.toString(), "--enterprises", "120", "--channels", "1000", "--per-mille", "15");
        Path readings = dir.resolve(ProvinceGenerator.READINGS);
        List<String> rows = Files.readAllLines(readings);
        List<String> shuffled = new ArrayList<>(List.of(rows.get(0)));
        // a tick: consecutive runs of rows, one run per enterprise, until an enterprise comes again (the generator
        // also plants rows out of time order and repeated rows: they stay where they are within their enterprise's rows)
        List<Map<String, List<String>>> ticks = new ArrayList<>(List.of(new LinkedHashMap<>()));
        String previous = null;
        for (String row : rows.subList(1, rows.size())) {
            String enterprise = row.substring(0, Math.max(0, row.indexOf(',')));
            if (!enterprise.equals(previous) && ticks.get(ticks.size() - 1).containsKey(enterprise)) ticks.add(new LinkedHashMap<>());
            ticks.get(ticks.size() - 1).computeIfAbsent(enterprise, k -> new ArrayList<>()).add(row);
            previous = enterprise;
        }
        assertTrue(ticks.size() >= 96, "一日 96 个时刻：" + ticks.size());
        int t = 0;
        for (var tick : ticks) {
            List<List<String>> groups = new ArrayList<>(tick.values());
            Collections.rotate(groups, t);
            if (t++ % 2 == 1) Collections.reverse(groups);
            groups.forEach(shuffled::addAll);
        }
        assertEquals(rows.size(), shuffled.size());
        assertTrue(!shuffled.equals(rows));
        Path other = Files.createDirectories(dir.resolve("other")).resolve(ProvinceGenerator.READINGS);
        Files.write(other, shuffled);

        Path asGenerated = dir.resolve("a.jsonl");
        Path reordered = dir.resolve("b.jsonl");
        for (Path[] run : new Path[][]{{readings, asGenerated}, {other, reordered}}) {
            run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(), "--readings", run[0].toString(),
                    "--date", "2024-11-20", "--out", run[1].toString(), "--no-log");
        }
        List<String> a = Files.readAllLines(asGenerated);
        List<String> b = Files.readAllLines(reordered).stream().map(l -> l.replace(other.toString(), readings.toString())).toList();
        assertEquals(120 + 1, a.size(), "每家企业一行，另有名录外企业一行");
        assertTrue(a.stream().anyMatch(l -> l.contains("\"status\":\"decided\"")));
        Pattern lineNumber = Pattern.compile("(" + Pattern.quote(ProvinceGenerator.READINGS) + ":)\\d+");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(lineNumber.matcher(a.get(i)).replaceAll("$1N"), lineNumber.matcher(b.get(i)).replaceAll("$1N"), "第 " + (i + 1) + " 行");
        }
        long same = IntStream.range(0, a.size()).filter(i -> a.get(i).equals(b.get(i))).count();
        assertTrue(same > a.size() / 2, "不引行号的结果逐字节相同：" + same + " / " + a.size());
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
        assertTrue(missing.startsWith("1\n") && missing.contains("none.jsonl: 文件不存在或不可读"), missing);
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

    /** One line over the bound (here 2 MiB) is that line's error; every reading after it is still read (issue 9 §3). */
    @Test
    void anOverlongReadingsLineRejectsThatLineOnly(@TempDir Path dir) throws Exception {
        run("power-generate", dir.toString(), "--enterprises", "48", "--channels", "420");
        Path readings = dir.resolve(ProvinceGenerator.READINGS);
        List<String> rows = Files.readAllLines(readings);
        List<String> withLong = new ArrayList<>(rows.subList(0, rows.size() / 2));
        withLong.add("x".repeat(2 << 20));
        withLong.addAll(rows.subList(rows.size() / 2, rows.size()));
        Path bad = Files.createDirectories(dir.resolve("long")).resolve(ProvinceGenerator.READINGS);
        Files.write(bad, withLong);
        Path good = dir.resolve("good.jsonl");
        Path out = dir.resolve("out.jsonl");
        String enterprises = dir.resolve(ProvinceGenerator.ENTERPRISES).toString();
        run("power-batch", "--enterprises", enterprises, "--readings", readings.toString(), "--date", "2024-11-20", "--out", good.toString(), "--no-log");
        String batch = run("power-batch", "--enterprises", enterprises, "--readings", bad.toString(), "--date", "2024-11-20", "--out", out.toString(), "--no-log");
        assertTrue(batch.startsWith("1\n"), batch);
        List<String> lines = Files.readAllLines(out);
        List<String> feedErrors = lines.stream().filter(l -> l.contains("\"status\":\"feed_error\"")).toList();
        assertEquals(1, feedErrors.size(), String.join("\n", lines));
        assertTrue(feedErrors.get(0).contains("第 " + (rows.size() / 2 + 1) + " 行：行过长") && feedErrors.get(0).contains("\"path\":\"" + ProvinceGenerator.READINGS + ":" + (rows.size() / 2 + 1) + "\""), feedErrors.get(0));
        List<String> expected = Files.readAllLines(good).stream().map(l -> l.replace(readings.toString(), bad.toString())).toList();
        List<String> rest = lines.stream().filter(l -> !l.contains("\"status\":\"feed_error\"")).toList();
        assertEquals(expected.size(), rest.size());
        for (int i = 0; i < rest.size(); i++) {
            JsonNode a = Json.MAPPER.readTree(expected.get(i));
            JsonNode b = Json.MAPPER.readTree(rest.get(i));
            assertEquals(a.get("status"), b.get("status"), rest.get(i));
            assertEquals(a.get("episodes"), b.get("episodes"), rest.get(i));
            assertEquals(a.get("readings"), b.get("readings"), rest.get(i));
        }
    }

    /**
     * A reading no meter can give (above 用电读数合理上限倍数 × rated kW, parameters.csv) is a reading error in
     * power-batch as it is in check: that enterprise is rejected at the reading's line, the parameter named.
     */
    @Test
    void anImplausibleReadingRejectsItsEnterpriseAsCheckDoes(@TempDir Path dir) throws Exception {
        run("power-generate", dir.toString(), "--enterprises", "48", "--channels", "420");
        Path readings = dir.resolve(ProvinceGenerator.READINGS);
        List<String> rows = new ArrayList<>(Files.readAllLines(readings));
        String[] first = rows.get(1).split(",");
        rows.set(1, first[0] + "," + first[1] + "," + first[2] + ",1000000000");
        Files.write(readings, rows);
        Path out = dir.resolve("out.jsonl");
        String batch = run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(), "--readings",
                readings.toString(), "--date", "2024-11-20", "--out", out.toString(), "--no-log");
        assertTrue(batch.startsWith("1\n"), batch);
        List<String> lines = Files.readAllLines(out).stream().filter(l -> l.contains("\"" + first[0] + "\"")).toList();
        assertEquals(1, lines.size(), String.join("\n", lines));
        String line = lines.get(0);
        assertTrue(line.contains("\"status\":\"rejected\"") && line.contains("\"code\":\"reading_implausible\"")
                && line.contains(ProvinceGenerator.READINGS + ":2") && line.contains("用电读数合理上限倍数"), line);
    }
}
