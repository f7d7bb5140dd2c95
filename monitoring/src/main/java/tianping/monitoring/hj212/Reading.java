package tianping.monitoring.hj212;

/**
 * One factor's values in one packet: {@code a21026-Avg=52.1,a21026-Min=50.0,…,a21026-Flag=N}. A field the
 * packet did not carry is NaN; {@code flag} is {@link #NO_FLAG} when no -Flag was sent. O₂-corrected values the
 * station computed (-ZsAvg) are kept for reference; the derivation corrects measured values itself.
 *
 * @param code the factor code as sent (2017 codes such as a21026, or 2005 codes such as 011)
 */
public record Reading(String code, double rtd, double avg, double min, double max, double cou, double zsAvg, char flag) {

    public static final char NO_FLAG = 0;

    /** This reading completed by the fields {@code other} (the same code, sent in another part of a split packet) carries. */
    Reading merge(Reading other) {
        return new Reading(code, pick(rtd, other.rtd), pick(avg, other.avg), pick(min, other.min), pick(max, other.max),
                pick(cou, other.cou), pick(zsAvg, other.zsAvg), flag != NO_FLAG ? flag : other.flag);
    }

    private static double pick(double mine, double theirs) {
        return Double.isNaN(mine) ? theirs : mine;
    }
}
