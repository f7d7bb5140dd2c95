package tianping.power.episodes;

import tianping.law.AlertAllowance;

/** A heavy-pollution alert over grid slots [from, to), with what the enterprise's grade may produce during it. */
public record AlertWindow(String level, int from, int to, AlertAllowance allowance) {
}
