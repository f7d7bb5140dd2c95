package tianping.serve;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tianping document on the command line: from a case, from the log, and refused when the kind does not fit. */
class DocumentCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String err) {
    }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        int code = ServiceMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new Run(code, err.toString());
    }

    @Test
    void fromACaseFromTheLogAndRefused() throws Exception {
        Path docx = tmp.resolve("fine.docx");
        Run r = run("document", "../fixtures/cases/shanxi/sx-f-air-fined.json", "--kind", "处罚", "--out", docx.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("行政处罚决定书草稿，DOCX"), r.err());
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            String text = d.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("罚款人民币贰拾万元整（¥200,000 元）。"), text);
        }
        // the same decision recorded by check, drafted from the log by case id
        Path log = tmp.resolve("log");
        assertEquals(0, Main.run(new String[]{"check", "--log", log.toString(), "../fixtures/cases/shanxi/sx-f-air-applies.json"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        Path html = tmp.resolve("np.html");
        r = run("document", "--from-log", "SX-AIR-01", "--log", log.toString(), "--kind", "不予处罚", "--out", html.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("我局决定对你单位不予行政处罚。"), page);
        assertTrue(page.contains("我局于2024年3月2日对你单位进行了调查"), page);
        // refused: a kind that does not fit, an unknown extension, an existing output
        r = run("document", "--from-log", "1", "--log", log.toString(), "--kind", "处罚", "--out", tmp.resolve("x.docx").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("文书无法制作：决定（案件 SX-AIR-01，结论：不予处罚"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.docx")));
        assertEquals(2, run("document", "../fixtures/cases/shanxi/sx-f-air-fined.json", "--kind", "处罚", "--out", tmp.resolve("x.pdf").toString()).code());
        assertEquals(2, run("document", "../fixtures/cases/shanxi/sx-f-air-fined.json", "--kind", "处罚", "--out", docx.toString()).code());
    }
}
