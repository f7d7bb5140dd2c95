package tianping.decide;

import tianping.facts.Finding;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fine set within the legal range by a discretion benchmark, with every step of the calculation so an
 * officer can redo it by hand.
 *
 * @param min    the legal minimum in yuan for this finding (exact decimal, as are max and amount)
 * @param max    the legal maximum in yuan for this finding
 * @param amount the fine in yuan
 * @param steps  the calculation, one line per factor and formula step
 */
public record Fine(Finding finding, String provisionId, String legalBasis, BigDecimal min, BigDecimal max, BigDecimal amount,
                   String benchmark, List<String> steps) {

    public Fine {
        steps = List.copyOf(steps);
    }
}
