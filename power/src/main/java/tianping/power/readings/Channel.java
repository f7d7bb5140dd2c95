package tianping.power.readings;

import java.util.List;

/**
 * One measuring point of an enterprise (分表计电测点).
 *
 * @param ratedKw the rated power the on/off and load fractions are taken of
 * @param medium  大气 or 水 for a treatment channel (which finding its anomalies become); for a total meter, the
 *                enterprise's main discharge; null for production channels
 * @param serves  for a treatment channel, the production channels whose emissions it treats
 */
public record Channel(String id, String name, Role role, double ratedKw, String medium, List<String> serves) {

    public Channel {
        serves = serves == null ? List.of() : List.copyOf(serves);
        name = name == null ? "" : name;
    }

    /** How the channel is named in evidence: its id, with its name if it has one. */
    public String label() {
        return name.isEmpty() ? id : id + "（" + name + "）";
    }
}
