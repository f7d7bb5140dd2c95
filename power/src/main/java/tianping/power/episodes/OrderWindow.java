package tianping.power.episodes;

import java.util.List;

/**
 * An order in force over grid slots [from, to): 停产整治 or 查封扣押 (no production at all) or 限制生产 (at most
 * {@code allowedLoad} of rated power), on the channels it covers.
 */
public record OrderWindow(String orderId, String kind, int from, int to, List<Integer> channels, double allowedLoad) {

    public OrderWindow {
        channels = List.copyOf(channels);
    }
}
