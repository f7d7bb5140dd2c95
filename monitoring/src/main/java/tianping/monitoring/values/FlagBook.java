package tianping.monitoring.values;

import tianping.law.DataFlag;
import tianping.law.LawBook;
import tianping.monitoring.hj212.Edition;
import tianping.monitoring.hj212.Reading;

import java.util.HashMap;
import java.util.Map;

/**
 * What each data flag means, by edition, from the rule set's data-flags.csv. A letter the table does not list
 * for the packet's edition is not guessed at: its values are treated as invalid, and say why.
 */
public final class FlagBook {

    private final LawBook law;
    private final Map<String, DataFlag> cache = new HashMap<>();

    public FlagBook(LawBook law) {
        this.law = law;
    }

    /** Does the rule set have the flag table at all (rule sets older than the monitoring tables do not)? */
    public boolean loaded() {
        return law.dataFlag(Edition.HJ212_2017.label(), "N").isPresent();
    }

    /** Is the flag one the table lists (rather than a letter the table does not know)? */
    public boolean listed(DataFlag flag) {
        return law.dataFlag(flag.edition(), flag.flag()).isPresent();
    }

    public DataFlag of(Edition edition, char letter) {
        String flag = letter == Reading.NO_FLAG ? DataFlag.NO_FLAG : String.valueOf(letter);
        return cache.computeIfAbsent(edition.label() + flag, k -> law.dataFlag(edition.label(), flag)
                .orElseGet(() -> new DataFlag(edition.label(), flag, edition.label() + " 没有此标记", "无效", "")));
    }
}
