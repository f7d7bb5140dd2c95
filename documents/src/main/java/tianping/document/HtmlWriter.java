package tianping.document;

import java.nio.charset.StandardCharsets;

/**
 * A draft as one self-contained HTML page for printing: no script, no external style sheet, font or image (a
 * strict Content-Security-Policy meta says so to the browser too), A4 page rules, every character of the case
 * escaped. Blanks are highlighted on screen and print as their line and label.
 */
public final class HtmlWriter {

    private static final String STYLE = """
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font-family: FangSong, "仿宋", STFangsong, serif; font-size: 16pt; line-height: 1.75; max-width: 156mm; margin: 2em auto; color: #000; }
            .authority, .title { font-family: SimSun, "宋体", STSong, serif; font-size: 22pt; text-align: center; margin: 0; font-weight: normal; }
            .title { font-weight: bold; margin-bottom: 0.5em; }
            .number { text-align: center; margin: 0 0 1em; }
            .party { margin: 0; }
            h2 { font-size: 16pt; font-weight: bold; text-indent: 2em; margin: 0.5em 0 0; }
            p.para, p.item { text-indent: 2em; text-align: justify; margin: 0; }
            .signature { text-align: right; margin: 0; }
            .signature.first { margin-top: 2em; }
            .note { font-size: 10pt; margin-top: 3em; color: #444; }
            .blank { background: #ffef7a; }
            @media print { .blank { background: none; } body { margin: 0; } }
            """;

    private HtmlWriter() {
    }

    public static byte[] write(Draft draft) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(escape(draft.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        boolean firstSignature = true;
        for (Block b : draft.blocks()) {
            String open = switch (b.style()) {
                case AUTHORITY -> "<p class=\"authority\">";
                case TITLE -> "<h1 class=\"title\">";
                case NUMBER -> "<p class=\"number\">";
                case PARTY -> "<p class=\"party\">";
                case HEADING -> "<h2>";
                case PARAGRAPH -> "<p class=\"para\">";
                case ITEM -> "<p class=\"item\">";
                case SIGNATURE -> firstSignature ? "<p class=\"signature first\">" : "<p class=\"signature\">";
                case NOTE -> "<p class=\"note\">";
            };
            if (b.style() == Block.Style.SIGNATURE) firstSignature = false;
            h.append(open);
            for (Piece p : b.pieces()) {
                if (p.blank()) h.append("<span class=\"blank\">").append(escape(p.shown())).append("</span>");
                else h.append(escape(p.text()));
            }
            h.append(open.startsWith("<h1") ? "</h1>" : open.startsWith("<h2") ? "</h2>" : "</p>").append('\n');
        }
        h.append("</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text as HTML: the five characters that could open markup or end an attribute. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
