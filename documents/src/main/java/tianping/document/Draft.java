package tianping.document;

import java.util.List;

/** A drafted document: its kind, title and paragraphs, rendered by {@link DocxWriter} and {@link HtmlWriter}. */
public record Draft(DocumentKind kind, String title, List<Block> blocks) {

    public Draft {
        blocks = List.copyOf(blocks);
    }

    /** How many blanks are left for the officer to fill. */
    public long blanks() {
        return blocks.stream().flatMap(b -> b.pieces().stream()).filter(Piece::blank).count();
    }

    /** Every paragraph's text, one a line (what tests and the officer read). */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Block bl : blocks) b.append(bl.text()).append('\n');
        return b.toString();
    }
}
