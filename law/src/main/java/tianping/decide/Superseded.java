package tianping.decide;

/** A proposal that did not stand, the proposal that defeated it, and why (the precedence or the article). */
public record Superseded(Proposal loser, Proposal winner, String reason) {
}
