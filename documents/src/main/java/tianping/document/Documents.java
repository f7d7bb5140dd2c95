package tianping.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** The one entry point: a decision (and its case) → a drafted document in a format. */
public final class Documents {

    /** Reads decisions and cases with every number exact (amounts are BigDecimal from the text, never a double). */
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Documents() {
    }

    public static Draft draft(DocumentKind kind, JsonNode caseTree, JsonNode decision) throws DocumentException {
        return new DraftBuilder().build(kind, caseTree, decision);
    }

    public static byte[] render(DocumentKind kind, DocumentFormat format, JsonNode caseTree, JsonNode decision) throws DocumentException {
        return write(draft(kind, caseTree, decision), format);
    }

    public static byte[] write(Draft d, DocumentFormat format) {
        return format == DocumentFormat.DOCX ? DocxWriter.write(d) : HtmlWriter.write(d);
    }

    public static JsonNode tree(byte[] json) throws IOException {
        return JSON.readTree(json);
    }

    /** The file name a draft is offered under: 案件编号-文书名.扩展名. */
    public static String fileName(DocumentKind kind, DocumentFormat format, String caseId) {
        String safe = caseId == null ? "" : caseId.replaceAll("[^A-Za-z0-9_.-]", "_") + "-";
        return safe + Wording.standard().text("title." + kind.code()) + "." + format.extension();
    }
}
