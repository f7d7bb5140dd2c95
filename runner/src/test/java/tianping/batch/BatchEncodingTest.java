package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.Fixtures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invalid Unicode is refused at read in a batch as in check (issue 9 §4): each JSON Lines line is decoded strictly,
 * so malformed UTF-8, a GBK line, a lone surrogate written as raw bytes (ED A0 80) or as the escape \uD800 never
 * becomes U+FFFD and a decision: each such line ends as one case_encoding_error line with its line number, and
 * the good lines around it are decided.
 */
class BatchEncodingTest {

    @Test
    void eachLineWithInvalidUnicodeIsOneLocatedEncodingErrorAndItsNeighboursAreDecided(@TempDir Path dir) throws Exception {
        String good = Lines.MAPPER.writeValueAsString(Lines.MAPPER.readTree(Fixtures.CASES.resolve("shanxi/sx-f-air-applies.json").toFile()));
        String marker = "\"caseId\":\"";
        int at = good.indexOf(marker) + marker.length();
        byte[] head = good.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = good.substring(at).getBytes(StandardCharsets.UTF_8);
        List<byte[]> lines = new ArrayList<>();
        lines.add(good.getBytes(StandardCharsets.UTF_8));                                        // 1 decided
        lines.add(concat(head, new byte[]{(byte) 0xc3, '('}, tail));                              // 2 malformed UTF-8
        lines.add(good.getBytes(Charset.forName("GBK")));                                         // 3 GBK
        lines.add(concat(head, new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, tail));        // 4 raw lone surrogate
        lines.add(concat(head, new byte[]{(byte) 0xc0, (byte) 0xa2}, tail));                      // 5 overlong quote
        lines.add((good.substring(0, at) + "\\uD800" + good.substring(at)).getBytes(StandardCharsets.UTF_8)); // 6 escaped
        lines.add(good.getBytes(StandardCharsets.UTF_8));                                        // 7 decided
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            b.writeBytes(l);
            b.write('\n');
        }
        Path in = Files.write(dir.resolve("cases.jsonl"), b.toByteArray());
        Path out = dir.resolve("out.jsonl");
        ResumeTest.Run r = ResumeTest.run("batch", in.toString(), "--out", out.toString(), "--no-log");
        assertEquals(1, r.code(), r.err());
        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(7, written.size());
        for (int i = 0; i < 7; i++) {
            JsonNode n = Lines.MAPPER.readTree(written.get(i));
            assertEquals(in + ":" + (i + 1), n.get("source").asText());
            if (i == 0 || i == 6) {
                assertEquals("decided", n.get("status").asText(), written.get(i));
                continue;
            }
            assertEquals("rejected", n.get("status").asText(), written.get(i));
            assertEquals(1, n.get("errors").size(), written.get(i));
            assertEquals("case_encoding_error", n.at("/errors/0/code").asText(), written.get(i));
            assertTrue(!written.get(i).contains("\ufffd"), "不以替换字符代替无效字节：" + written.get(i));
        }
        assertTrue(Lines.MAPPER.readTree(written.get(1)).at("/errors/0/message").asText().contains("第 " + (at + 1) + " 字节起不是有效的 UTF-8"),
                written.get(1));
        assertEquals("$.caseId", Lines.MAPPER.readTree(written.get(5)).at("/errors/0/path").asText(), "转义的代理项在其路径上拒收");
        assertTrue(r.err().contains("共 7 件：作出处理意见 2 件，拒绝 5 件"), r.err());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }
}
