package tianping.bench;

import java.util.List;

/** One reading as a Drools fact, for the naive baseline of the power benchmark only. */
public final class NaiveReading {

    private final String channel;
    private final String role;
    private final int slot;
    private final double kw;
    private final double rated;
    private final List<String> serves;

    public NaiveReading(String channel, String role, int slot, double kw, double rated, List<String> serves) {
        this.channel = channel;
        this.role = role;
        this.slot = slot;
        this.kw = kw;
        this.rated = rated;
        this.serves = serves;
    }

    public String getChannel() { return channel; }
    public String getRole() { return role; }
    public int getSlot() { return slot; }
    public double getKw() { return kw; }
    public double getRated() { return rated; }
    public List<String> getServes() { return serves; }
}
