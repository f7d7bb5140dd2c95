package tianping.monitoring.section;

import java.util.List;

/**
 * A monitored outlet (排放口): its permit number, which doubles as the id of the finding derived for it, the MN
 * of its data acquisition unit, and the limits its factors are held to.
 *
 * @param sourceType     the source type whose reference O₂ content concentrations are corrected to
 *                       (reference-oxygen.csv); null: the limits apply to measured concentrations
 * @param minuteInterval minutes one minute value (CN 2051) stands for; null means 1
 */
public record Outlet(String id, String mn, String name, String medium, String sourceType, Integer minuteInterval,
                     List<FactorLimit> factors) {

    public Outlet {
        factors = List.copyOf(factors);
    }

    public int interval() {
        return minuteInterval == null ? 1 : minuteInterval;
    }

    public String violation() {
        return medium.equals("大气") ? "air_exceedance" : "water_exceedance";
    }
}
