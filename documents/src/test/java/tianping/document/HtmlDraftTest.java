package tianping.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML draft is self-contained and escapes whatever the case says, however hostile. */
class HtmlDraftTest {

    static final String HOSTILE_NAME = "<script>alert(\"x\")</script>&某'公司\"";
    static final String HOSTILE_ACT = "</p><img src=x onerror=alert(1)><link rel=stylesheet href=http://evil.example/a.css>［伪造空白］{名称}";

    static JsonNode hostileDecision() throws Exception {
        ObjectNode d = (ObjectNode) DraftsTest.tree("shanxi/sx-f-air-fined.decision.json");
        ((ObjectNode) d.get("enterprise")).put("name", HOSTILE_NAME);
        ((ObjectNode) d.get("findings").get(0)).put("violationName", HOSTILE_ACT);
        ((ObjectNode) d.get("findings").get(0)).put("violatedProvision", "x\"><style>body{display:none}</style>");
        return d;
    }

    @Test
    void hostileCaseTextIsEscapedAndNeverBecomesMarkupOrABlank() throws Exception {
        String html = new String(Documents.render(DocumentKind.PENALTY, DocumentFormat.HTML, null, hostileDecision()), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<link"), html);
        assertFalse(html.contains("<style>body"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;某&#39;公司&quot;："), html);
        assertTrue(html.contains("&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;"), html);
        // the case's own brackets and braces stay text: not a blank, not a placeholder
        assertTrue(html.contains("［伪造空白］{名称}"), html);
        assertFalse(html.contains("〔伪造空白〕"), html);
        // the page needs nothing from outside: no attribute that loads anything, a CSP that forbids it
        assertFalse(html.matches("(?s).*<[^>]*\\s(src|href)=.*"), html);
        assertTrue(html.contains("default-src 'none'"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">") && html.contains("@page { size: A4"));
        assertTrue(html.contains("<span class=\"blank\">＿＿＿＿〔地址〕</span>"), html);
        assertTrue(html.contains("罚款人民币贰拾万元整（¥200,000 元）。"), html);
    }

    @Test
    void theDocxKeepsHostileTextAsPlainText() throws Exception {
        byte[] b = Documents.render(DocumentKind.PENALTY, DocumentFormat.DOCX, null, hostileDecision());
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(b))) {
            String all = d.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(all.contains(HOSTILE_NAME + "："), all);
            assertTrue(all.contains(HOSTILE_ACT), all);
        }
    }
}
