package tianping.document;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four 决定书 drafts, by the short name the command line and the API take ({@code --kind 处罚}). */
public enum DocumentKind {
    NO_PENALTY("不予处罚"),
    NOTICE("告知"),
    PENALTY("处罚"),
    RECTIFY("责令改正");

    private final String code;

    DocumentKind(String code) {
        this.code = code;
    }

    /** The short name: 不予处罚, 告知, 处罚, 责令改正. */
    public String code() {
        return code;
    }

    /** The kind by its short name or its full title (不予行政处罚决定书 …); a Chinese error otherwise. */
    public static DocumentKind of(String name) throws DocumentException {
        if (name != null) {
            for (DocumentKind k : values()) {
                if (k.code.equals(name.trim()) || Wording.standard().text("title." + k.code).equals(name.trim())) return k;
            }
        }
        throw new DocumentException("文书种类“" + name + "”无效，应为 " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(k -> k.code + "（" + Wording.standard().text("title." + k.code) + "）")
                .collect(Collectors.joining("、"));
    }
}
