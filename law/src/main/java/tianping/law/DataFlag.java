package tianping.law;

import java.util.List;

/**
 * A data flag of an HJ 212 edition (data-flags.csv) and what it means for enforcement: whether a value so
 * marked may be used for means and exceedance, or must be excluded, or stands with a note.
 *
 * @param edition  HJ 212-2017 or HJ/T 212-2005; the same letter means different things in the two (F)
 * @param flag     the letter as transmitted, or 无 for a value sent without a flag
 * @param judgement 有效 / 无效 / 停运 (invalid, and the source or analyzer is reported stopped) /
 *                  超量程 (valid; the true value is at least the one sent) / 人工设定 (valid; to be audited)
 */
public record DataFlag(String edition, String flag, String meaning, String judgement, String source) {

    public static final String NO_FLAG = "无";
    public static final List<String> JUDGEMENTS = List.of("有效", "无效", "停运", "超量程", "人工设定");

    /** May the value be used for means and exceedance? */
    public boolean usable() {
        return judgement.equals("有效") || judgement.equals("超量程") || judgement.equals("人工设定");
    }
}
