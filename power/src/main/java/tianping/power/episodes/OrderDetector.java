package tianping.power.episodes;

import java.util.List;

/**
 * P6: production while an order is in force, for at least the minimum duration: under 停产整治 or 查封扣押 a
 * covered channel running at all; under 限制生产 drawing more than the allowed load ({@link Signals#beyondAllowance}).
 */
public final class OrderDetector implements Detector {

    private final List<OrderWindow> orders;

    public OrderDetector(List<OrderWindow> orders) {
        this.orders = List.copyOf(orders);
    }

    @Override
    public void detect(Signals sig, List<Anomaly> found) {
        Thresholds t = sig.thresholds();
        int min = sig.minSlots(t.minDuration());
        var series = sig.series();
        for (OrderWindow order : orders) {
            for (int p : order.channels()) {
                sig.beyondAllowance(p, order.allowedLoad(), order.from(), order.to(), min, (from, to, limit) -> {
                    String allowed = order.kind().equals("限制生产")
                            ? "限制生产决定允许负荷为额定功率的 " + Evidence.percent(order.allowedLoad()) + "（" + Evidence.kw(limit) + "）"
                            : order.kind() + "期间不得生产（运行功率 " + Evidence.kw(limit) + " 以上即为生产）";
                    String evidence = Kind.P6.label() + "：" + order.kind() + "决定 " + order.orderId() + " 执行期间，"
                            + series.channel(p).label() + " 连续 " + Evidence.duration(to - from, t.intervalMinutes()) + "平均 "
                            + Evidence.kw(series.meanKw(p, from, to)) + "，" + allowed + "；"
                            + Evidence.window(series, from, to, List.of(sig.id(p))) + "；"
                            + Evidence.thresholds(t.productionOn(), t.minDuration());
                    found.add(new Anomaly(Kind.P6, p, from, to, List.of(sig.id(p)), evidence, min, false, order.orderId(), null));
                });
            }
        }
    }
}
