package tianping.document;

import java.util.List;
import java.util.stream.Collectors;

/** One paragraph of a draft, with the role that decides how it is laid out. */
public record Block(Style style, List<Piece> pieces) {

    public enum Style {
        /** the authority's name above the title */ AUTHORITY,
        TITLE,
        /** 文号 */ NUMBER,
        /** 当事人: name, code, representative, address — not indented */ PARTY,
        HEADING,
        PARAGRAPH,
        /** a numbered or listed line under a paragraph */ ITEM,
        /** authority and date, right-aligned */ SIGNATURE,
        /** tianping's note that this is a draft */ NOTE
    }

    public Block {
        pieces = List.copyOf(pieces);
    }

    /** The paragraph as read, blanks shown as ＿＿＿＿〔标注〕. */
    public String text() {
        return pieces.stream().map(Piece::shown).collect(Collectors.joining());
    }
}
