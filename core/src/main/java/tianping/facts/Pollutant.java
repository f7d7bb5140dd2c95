package tianping.facts;

/**
 * A pollutant factor from the catalogue (rules/tables/pollutants.csv), keyed by its HJ 212-2017 code.
 *
 * @param pollutantClass 常规 / 有毒 / 第一类 (第一类 = Class-I water pollutant, GB 8978)
 * @param metalGroup     两高解释 (2023) Art. 1 heavy-metal group: "三倍" (Pb, Hg, Cd, Cr, As, Tl, Sb),
 *                       "十倍" (Ni, Cu, Zn, Ag, V, Mn, Co) or empty
 * @param persistentOrganic 持久性有机污染物 (POP)
 */
public record Pollutant(
        String code,
        String name,
        String medium,
        String pollutantClass,
        String metalGroup,
        boolean persistentOrganic,
        String source) {

    public boolean toxicOrClassI() {
        return !pollutantClass.equals("常规");
    }

    public boolean heavyMetal() {
        return !metalGroup.isEmpty();
    }
}
