package tianping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.power.province.ProvinceGenerator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An enterprise's derivedFrom in power-batch is what an auditor computes from the readings file alone:
 * {@code grep '^USCC,' readings.csv | sha256sum}, i.e. the SHA-256 of the lines that begin with the enterprise's
 * USCC and a comma, in file order, each ending in LF. Computed here the auditor's way (split the file's bytes at
 * LF, keep the lines with that prefix, hash them) and compared with what the decision log recorded for each
 * decided enterprise; and a copy of the file with CRLF line ends gives the same fingerprints (the line end is not
 * part of a row).
 */
class PowerRowsFingerprintTest {

    private static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void eachDecidedEnterpriseNamesTheSha256OfItsRowsAsGrepPrintsThem(@TempDir Path dir) throws Exception {
        assertEquals(0, run("power-generate", dir.toString(), "--enterprises", "240", "--channels", "2000", "--per-mille", "15"));
        Path readings = dir.resolve(ProvinceGenerator.READINGS);
        Map<String, String> logged = batch(dir, readings, "lf");
        assertTrue(logged.size() >= 10, "应有足够的被决定企业可比对：" + logged.size());
        byte[] file = Files.readAllBytes(readings);
        for (Map.Entry<String, String> e : logged.entrySet()) {
            assertEquals(grepSha256sum(file, e.getKey()), e.getValue(), e.getKey());
        }

        Path crlf = dir.resolve("crlf").resolve(ProvinceGenerator.READINGS);
        Files.createDirectories(crlf.getParent());
        Files.writeString(crlf, Files.readString(readings, StandardCharsets.UTF_8).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        assertEquals(logged, batch(dir, crlf, "crlf"), "换行符不属于读数行：CRLF 文件的指纹相同");
    }

    /** power-batch with a decision log; enterprise → the sha256 its logged case's derivedFrom names. */
    private static Map<String, String> batch(Path dir, Path readings, String name) throws Exception {
        Path log = dir.resolve("log-" + name);
        assertEquals(1, run("power-batch", "--enterprises", dir.resolve(ProvinceGenerator.ENTERPRISES).toString(), "--readings",
                readings.toString(), "--date", "2024-11-20", "--out", dir.resolve("out-" + name + ".jsonl").toString(),
                "--log", log.toString()));
        StringWriter records = new StringWriter();
        assertEquals(0, Main.run(new String[]{"log", "cat", "--log", log.toString()}, new PrintWriter(records), new PrintWriter(new StringWriter())));
        Map<String, String> out = new HashMap<>();
        for (String line : records.toString().split("\n")) {
            JsonNode c = Json.MAPPER.readTree(line).get("case");
            JsonNode from = c.get("derivedFrom");
            assertEquals(1, from.size(), line);
            String uscc = c.get("enterprise").get("uscc").asText();
            assertEquals(ProvinceGenerator.READINGS + "#" + uscc, from.get(0).get("file").asText());
            out.put(uscc, from.get(0).get("sha256").asText());
        }
        return out;
    }

    /** What {@code grep '^USCC,' FILE | sha256sum} prints, prefixed sha256: as every fingerprint is. */
    private static String grepSha256sum(byte[] file, String uscc) throws Exception {
        byte[] prefix = (uscc + ",").getBytes(StandardCharsets.UTF_8);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int from = 0; from < file.length; ) {
            int to = from;
            while (to < file.length && file[to] != '\n') to++;
            if (to - from >= prefix.length && java.util.Arrays.equals(file, from, from + prefix.length, prefix, 0, prefix.length)) {
                md.update(file, from, to - from);
                md.update((byte) '\n');
            }
            from = to + 1;
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }
}
