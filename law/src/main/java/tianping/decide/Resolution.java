package tianping.decide;

import tianping.facts.Finding;

import java.util.List;

/**
 * The result of precedence among one finding's proposals of one round: what stands and what was superseded.
 * In round 1 exactly one disposition stands (or the resolution is a {@link #conflict} naming the rules).
 */
public record Resolution(Finding finding, int round, List<Proposal> standing, List<Superseded> superseded,
                         String conflict) {

    public Resolution {
        standing = List.copyOf(standing);
        superseded = List.copyOf(superseded);
    }

    /** The standing disposition proposal (round 1), or null in round 2 or on conflict. */
    public Proposal disposition() {
        return standing.stream().filter(Proposal::isDisposition).findFirst().orElse(null);
    }

    public String dispositionKind() {
        Proposal d = disposition();
        return d == null ? null : d.kind();
    }

    public boolean stands(String kind) {
        return standing.stream().anyMatch(p -> p.kind().equals(kind));
    }

    /** A standing measure of this kind that the law makes mandatory (应当). */
    public boolean standsMandatory(String kind) {
        return standing.stream().anyMatch(p -> p.kind().equals(kind) && p.mandatory());
    }
}
