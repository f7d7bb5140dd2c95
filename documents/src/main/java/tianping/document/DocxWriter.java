package tianping.document;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/**
 * A draft as a Word document (opens and edits in WPS and Word): A4 with the margins of 党政机关公文格式
 * (GB/T 9704-2012: top 37 mm, left 28 mm), body in 仿宋 三号 (16 pt) with a two-character first-line indent,
 * title in 宋体 二号 (22 pt) bold, blanks highlighted in yellow so none is overlooked.
 */
public final class DocxWriter {

    private static final String BODY_FONT = "仿宋";
    private static final String TITLE_FONT = "宋体";

    private DocxWriter() {
    }

    public static byte[] write(Draft draft) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(draft.title());
            doc.getProperties().getCoreProperties().setCreator("tianping");
            page(doc);
            for (Block b : draft.blocks()) paragraph(doc, b);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098)); // 37 mm
        mar.setBottom(BigInteger.valueOf(1984)); // 35 mm
        mar.setLeft(BigInteger.valueOf(1588)); // 28 mm
        mar.setRight(BigInteger.valueOf(1474)); // 26 mm
    }

    private static void paragraph(XWPFDocument doc, Block b) {
        XWPFParagraph p = doc.createParagraph();
        int size = 16;
        boolean bold = false;
        String font = BODY_FONT;
        switch (b.style()) {
            case AUTHORITY -> {
                p.setAlignment(ParagraphAlignment.CENTER);
                size = 22;
                font = TITLE_FONT;
            }
            case TITLE -> {
                p.setAlignment(ParagraphAlignment.CENTER);
                size = 22;
                bold = true;
                font = TITLE_FONT;
                p.setSpacingAfter(200);
            }
            case NUMBER -> p.setAlignment(ParagraphAlignment.CENTER);
            case PARTY -> p.setAlignment(ParagraphAlignment.LEFT);
            case HEADING -> {
                p.setIndentationFirstLine(640);
                bold = true;
            }
            case PARAGRAPH, ITEM -> {
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(640); // two characters of 16 pt
            }
            case SIGNATURE -> p.setAlignment(ParagraphAlignment.RIGHT);
            case NOTE -> {
                size = 10;
                p.setSpacingBefore(400);
            }
        }
        for (Piece piece : b.pieces()) {
            XWPFRun r = p.createRun();
            r.setText(piece.shown());
            r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
            r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
            r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
            r.setFontSize(size);
            r.setBold(bold);
            if (piece.blank()) r.setTextHighlightColor("yellow");
        }
    }
}
