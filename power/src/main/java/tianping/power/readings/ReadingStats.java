package tianping.power.readings;

/**
 * What normalising the readings of one enterprise did.
 *
 * @param readings            readings placed on the grid
 * @param identicalDuplicates repeated rows with the same value, kept once
 * @param outOfOrder          readings earlier than the previous reading of their channel (placed by time)
 * @param blanks              rows with an empty power field (counted as gaps)
 * @param missingSlots        grid slots of all channels without a reading
 */
public record ReadingStats(long readings, long identicalDuplicates, long outOfOrder, long blanks, long missingSlots) {

    public String describe() {
        return readings + " 个读数（重复且相同 " + identicalDuplicates + " 个已合并，乱序 " + outOfOrder + " 个已按时间归位，缺测 "
                + missingSlots + " 个时段）";
    }
}
