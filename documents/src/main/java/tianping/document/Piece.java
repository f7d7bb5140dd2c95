package tianping.document;

/**
 * A run of a draft's text: words, or a blank the officer fills in (its label says what belongs there). A blank
 * is shown as {@value #LINE}〔标注〕 in both formats, highlighted, so that none is missed before the draft is issued.
 */
public record Piece(String text, boolean blank) {

    public static final String LINE = "＿＿＿＿";

    public static Piece text(String s) {
        return new Piece(s, false);
    }

    public static Piece blank(String label) {
        return new Piece(label, true);
    }

    /** What the reader sees. */
    public String shown() {
        return blank ? LINE + "〔" + text + "〕" : text;
    }
}
