package tianping.document;

import java.util.Locale;

/** DOCX (editable in WPS and Word) or self-contained, print-ready HTML. */
public enum DocumentFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    HTML("text/html; charset=utf-8");

    private final String contentType;

    DocumentFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By name: docx or html (any case). */
    public static DocumentFormat of(String name) throws DocumentException {
        if (name != null) {
            for (DocumentFormat f : values()) if (f.name().equalsIgnoreCase(name.trim())) return f;
        }
        throw new DocumentException("文书格式“" + name + "”无效，应为 docx 或 html");
    }

    /** By a file name's extension: X.docx or X.html (.htm too). */
    public static DocumentFormat ofFile(String fileName) throws DocumentException {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".docx")) return DOCX;
        if (n.endsWith(".html") || n.endsWith(".htm")) return HTML;
        throw new DocumentException(fileName + "：输出文件的扩展名应为 .docx 或 .html（格式由扩展名决定）");
    }
}
