package tianping.serve;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters in Prometheus' text format: requests by route and status, a latency histogram per
 * route, decisions by outcome, and the rule-set fingerprint serving. Counting is lock-free (LongAdder); routes are
 * the API's patterns, not raw paths, so the label set stays small.
 */
final class Metrics {

    private static final double[] BUCKETS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Key(String route, int status) {
    }

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
        }

        void add(long nanos) {
            double s = nanos / 1e9;
            int i = 0;
            while (i < BUCKETS.length && s > BUCKETS[i]) i++;
            counts[i].increment();
            sumNanos.add(nanos);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    void request(String route, int status, long nanos) {
        requests.computeIfAbsent(new Key(route, status), k -> new LongAdder()).increment();
        latency.computeIfAbsent(route, k -> new Histogram()).add(nanos);
    }

    /** One case handled: its top outcome, or its status (no_violation, rejected) when not decided. */
    void decision(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    String render(String fingerprint, long reloads, boolean ruleSetFailing) {
        StringBuilder b = new StringBuilder();
        b.append("# HELP tianping_http_requests_total HTTP requests by route and status.\n# TYPE tianping_http_requests_total counter\n");
        new TreeMap<String, Long>(requests.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> "route=\"" + e.getKey().route() + "\",status=\"" + e.getKey().status() + "\"", e -> e.getValue().sum())))
                .forEach((k, v) -> b.append("tianping_http_requests_total{").append(k).append("} ").append(v).append('\n'));
        b.append("# HELP tianping_http_request_duration_seconds Request latency by route.\n# TYPE tianping_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((route, h) -> {
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += h.counts[i].sum();
                b.append("tianping_http_request_duration_seconds_bucket{route=\"").append(route).append("\",le=\"")
                        .append(i < BUCKETS.length ? String.valueOf(BUCKETS[i]) : "+Inf").append("\"} ").append(cumulative).append('\n');
            }
            b.append("tianping_http_request_duration_seconds_sum{route=\"").append(route).append("\"} ").append(h.sumNanos.sum() / 1e9).append('\n');
            b.append("tianping_http_request_duration_seconds_count{route=\"").append(route).append("\"} ").append(cumulative).append('\n');
        });
        b.append("# HELP tianping_decisions_total Cases handled, by top outcome (decided) or status.\n# TYPE tianping_decisions_total counter\n");
        new TreeMap<>(outcomes).forEach((o, n) -> b.append("tianping_decisions_total{outcome=\"").append(escape(o)).append("\"} ").append(n.sum()).append('\n'));
        b.append("# HELP tianping_ruleset_info The rule set serving.\n# TYPE tianping_ruleset_info gauge\n");
        b.append("tianping_ruleset_info{fingerprint=\"").append(fingerprint).append("\"} 1\n");
        b.append("# HELP tianping_ruleset_reloads_total Rule sets loaded from the watched directory after start.\n# TYPE tianping_ruleset_reloads_total counter\n");
        b.append("tianping_ruleset_reloads_total ").append(reloads).append('\n');
        b.append("# HELP tianping_ruleset_load_failing 1 while the watched directory holds a set that fails to load.\n# TYPE tianping_ruleset_load_failing gauge\n");
        b.append("tianping_ruleset_load_failing ").append(ruleSetFailing ? 1 : 0).append('\n');
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
