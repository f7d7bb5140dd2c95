package tianping.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.Verifier;
import tianping.cli.ServiceEngine;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code tianping bench serve}: a bounded load test on loopback. For 1, 8 and 64 concurrent clients it sends the
 * example cases to {@code POST /v1/check} for a fixed time (or count) and measures throughput and p50/p99 latency;
 * the baseline is the same cases read, decided, rendered and recorded in-process with as many threads, in the
 * same run. Afterwards every 200 must have its record (no request lost) and the store's chain must verify.
 */
@Command(name = "serve", description = "服务负载测试（127.0.0.1）：1、8、64 个并发客户端的吞吐与 p50/p99 延迟，与进程内决策对比。")
final class BenchServe implements Callable<Integer> {

    @Option(names = "--cases", paramLabel = "DIR", description = "案件目录（缺省 fixtures/cases）")
    Path cases = Path.of("fixtures/cases");

    @Option(names = "--seconds", description = "每档测量秒数（缺省 5）")
    double seconds = 5;

    @Option(names = "--warmup", description = "开始时进程内与服务各预热的秒数（缺省 10；其后每档再预热 1 秒）")
    double warmup = 10;

    @Option(names = "--max-requests", description = "每档请求数上限（缺省 200000）")
    long maxRequests = 200_000;

    @Option(names = "--clients", split = ",", description = "并发客户端数（缺省 1,8,64）")
    int[] clients = {1, 8, 64};

    @Option(names = "--port", description = "端口（缺省 18086）")
    int port = 18086;

    @Option(names = "--client", description = "压测客户端：raw（缺省，每个客户端一个保持连接的套接字，阻塞读写）或 jdk（java.net.http.HttpClient）")
    String client = "raw";

    @Option(names = "--server-threads", description = "服务的 Jetty 线程池上限（缺省同 serve）")
    int serverThreads = ServiceMain.SERVE_THREADS;

    @Option(names = "--store", paramLabel = "jdbc:postgresql://…", description = "用 PostgreSQL 决定库（缺省：临时目录中的 decisions.jsonl）")
    String storeUrl;

    @Spec
    CommandSpec spec;

    /** One measured level. */
    record Level(int clients, long requests, double seconds, double p50Ms, double p99Ms, long errors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(cases)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".decision.json")
                    && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        List<byte[]> bodies = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path p : files) {
            bodies.add(Files.readAllBytes(p));
            sources.add(p.toString());
        }
        Path tmp = Files.createTempDirectory("tianping-bench-serve-");
        try {
            out.printf("案件 %d 个（%s），先预热 %.0f 秒，每档测量 %.0f 秒（至多 %,d 次请求）；本机 %d 核，Java %s，与他人共用，绝对值有噪声，看比值%n",
                    files.size(), cases, warmup, seconds, maxRequests, Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
            // the service and the in-process baseline run in one JVM and share the JIT: both are warmed first, then
            // each level is measured in-process and then through the service, so neither gets the other's warm-up
            ServiceEngine engine = new ServiceEngine(RuleSet.bundled());
            String token = "bench-" + Long.toHexString(System.nanoTime()) + "-token";
            List<Level> inProcess = new ArrayList<>();
            List<Level> inProcessBefore = new ArrayList<>();
            List<Level> served = new ArrayList<>();
            long ok;
            Verifier.Result verified;
            long recorded;
            try (DecisionStore store = open(tmp.resolve("in-process"));
                 Service s = Service.start(new Service.Options("127.0.0.1", port, null, tmp.resolve("served"), storeUrl, token, false, 3_600_000, serverThreads))) {
                store.archive(engine.ruleSet()); // the in-process baseline records decisions of the bundled rule set too
                long before = s.store().head().count();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                inProcess(engine, store, bodies, sources, 2, warmup, 0.001, tmp);
                served(http, s.port(), token, bodies, sources, 8, warmup, 0.001);
                double levelWarmup = Math.min(warmup, 1);
                // the JIT is still improving on a loaded machine: the baseline is measured before and after the
                // service at each level, and the service is compared with their mean
                for (int c : clients) {
                    Level before1 = inProcess(engine, store, bodies, sources, c, levelWarmup, seconds, tmp);
                    served.add(served(http, s.port(), token, bodies, sources, c, levelWarmup, seconds));
                    Level after1 = inProcess(engine, store, bodies, sources, c, levelWarmup, seconds, tmp);
                    inProcessBefore.add(before1);
                    inProcess.add(after1);
                }
                // with PostgreSQL the baseline writes to the same store: its appends are not the service's
                recorded = s.store().head().count() - before - (storeUrl == null ? 0 : inProcessAppends.get());
                verified = s.store().verify();
                ok = counted.get();
            }
            out.println();
            out.println("客户端 | 服务 件/秒 | p50 毫秒 | p99 毫秒 | 进程内 件/秒（之前 / 之后） | 进程内 p50/p99 毫秒（之后） | 服务/进程内（均值）");
            for (int i = 0; i < clients.length; i++) {
                Level s = served.get(i), p = inProcess.get(i), b = inProcessBefore.get(i);
                double mean = (p.perSecond() + b.perSecond()) / 2;
                out.printf("%5d | %,10.0f | %7.2f | %7.2f | %,9.0f / %,9.0f | %6.2f / %6.2f | %.2f%s%n", s.clients(), s.perSecond(), s.p50Ms(), s.p99Ms(),
                        b.perSecond(), p.perSecond(), p.p50Ms(), p.p99Ms(), s.perSecond() / mean, s.errors() > 0 ? "（错误 " + s.errors() + "）" : "");
            }
            out.printf("存储：%s；作出处理意见的请求 %,d 个（含预热），新增记录 %,d 条：%s；哈希链核验 %s（%,d 条）%n",
                    storeUrl == null ? "decisions.jsonl" : "PostgreSQL", ok, recorded, ok == recorded ? "无丢失" : "不符！",
                    verified.ok() ? "完好" : "发现问题 " + verified.problems(), verified.records());
            out.flush();
            long errors = served.stream().mapToLong(Level::errors).sum();
            return ok == recorded && verified.ok() && errors == 0 ? 0 : 1;
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private DecisionStore open(Path dir) throws java.io.IOException {
        return storeUrl == null ? new JsonlStore(dir) : PgStore.open(storeUrl);
    }

    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong inProcessAppends = new AtomicLong();

    /** Runs {@code threads} loops of {@code work} for warm-up then measurement; returns the measured level. */
    private Level run(int threads, double warmSeconds, double measureSeconds, Work work) throws Exception {
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        long[][] latencies = new long[threads][];
        long[] errors = new long[threads];
        AtomicLong budget = new AtomicLong(maxRequests);
        CountDownLatch done = new CountDownLatch(threads);
        long[] bounds = new long[2];
        Thread[] ts = new Thread[threads];
        CountDownLatch warmed = new CountDownLatch(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads, () -> {
            bounds[0] = System.nanoTime();
            bounds[1] = bounds[0] + (long) (measureSeconds * 1e9);
        });
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try {
                    int i = id * 7;
                    while (System.nanoTime() < warmEnd) work.once(i++);
                    warmed.countDown();
                    start.await();
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < bounds[1] && budget.decrementAndGet() >= 0) {
                        long t0 = System.nanoTime();
                        if (!work.once(i++)) errors[id]++;
                        if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
                        lat[n++] = System.nanoTime() - t0;
                    }
                    latencies[id] = Arrays.copyOf(lat, n);
                } catch (Exception e) {
                    errors[id]++;
                    if (latencies[id] == null) latencies[id] = new long[0];
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + t);
            ts[t].start();
        }
        done.await();
        long end = System.nanoTime();
        double elapsed = (Math.min(end, bounds[1]) - bounds[0]) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Level(threads, all.length, Math.max(elapsed, 1e-9), pct(all, 0.50), pct(all, 0.99), Arrays.stream(errors).sum());
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    @FunctionalInterface
    private interface Work {
        /** One request; false when it failed. */
        boolean once(int i) throws Exception;
    }

    private Level inProcess(ServiceEngine engine, DecisionStore store, List<byte[]> bodies, List<String> sources, int threads, double warm, double measure, Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        return run(threads, warm, measure, i -> {
            int k = Math.floorMod(i, bodies.size());
            ServiceEngine.Result r = engine.decide(sources.get(k), bodies.get(k), empty);
            if (r.kind() == ServiceEngine.Kind.DECIDED) {
                store.append(r.caseFile(), r.decision(), r.source(), r.decisionJson());
                inProcessAppends.incrementAndGet();
                return ServiceEngine.checkJson(r) != null;
            }
            return r.kind() == ServiceEngine.Kind.NO_VIOLATION;
        });
    }

    private Level served(HttpClient http, int port, String token, List<byte[]> bodies, List<String> sources, int threads, double warm, double measure) throws Exception {
        if (client.equals("raw")) return servedRaw(port, token, bodies, sources, threads, warm, measure);
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/check");
        return run(threads, warm, measure, i -> {
            int k = Math.floorMod(i, bodies.size());
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header(Api.SOURCE_HEADER, sources.get(k)).POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k))).build();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) return false;
            if (r.headers().firstValue(Api.SEQ_HEADER).isPresent()) counted.incrementAndGet();
            return true;
        });
    }

    /**
     * The lightest client: each thread keeps one connection and writes a prebuilt HTTP/1.1 request, then reads the
     * answer on the same thread, so the load generator costs little beside the service on the same two cores and no
     * handoff to a client selector thread is timed. java.net.http ({@code --client jdk}) measures the same service
     * through a general-purpose client.
     */
    private Level servedRaw(int port, String token, List<byte[]> bodies, List<String> sources, int threads, double warm, double measure) throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (int k = 0; k < bodies.size(); k++) {
            String head = "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token + "\r\n" + Api.SOURCE_HEADER
                    + ": " + sources.get(k) + "\r\nContent-Type: application/json\r\nContent-Length: " + bodies.get(k).length + "\r\n\r\n";
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            b.writeBytes(bodies.get(k));
            requests.add(b.toByteArray());
        }
        List<RawConnection> open = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<RawConnection> mine = new ThreadLocal<>();
        try {
            return run(threads, warm, measure, i -> {
                RawConnection c = mine.get();
                if (c == null) {
                    c = new RawConnection(port);
                    open.add(c);
                    mine.set(c);
                }
                int status = c.exchange(requests.get(Math.floorMod(i, requests.size())));
                if (c.closed) mine.remove();
                if (status != 200) return false;
                if (c.seq) counted.incrementAndGet();
                return true;
            });
        } finally {
            for (RawConnection c : open) c.close();
        }
    }

    /** One kept-alive HTTP/1.1 connection; answers carry Content-Length (Api sets it). */
    private static final class RawConnection implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private byte[] body = new byte[1 << 16];
        boolean seq;
        boolean closed;

        RawConnection(int port) throws java.io.IOException {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        /** Sends one request and reads its whole answer. @return the status */
        int exchange(byte[] request) throws java.io.IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine == null || statusLine.length() < 12) throw new java.io.IOException("连接被关闭");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            seq = false;
            for (String h; !(h = line()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(h.substring(colon + 1).trim());
                else if (name.equalsIgnoreCase(Api.SEQ_HEADER)) seq = true;
                else if (name.equalsIgnoreCase("Connection") && h.substring(colon + 1).trim().equalsIgnoreCase("close")) closed = true;
            }
            if (length < 0) throw new java.io.IOException("回答没有 Content-Length");
            if (body.length < length) body = new byte[(int) length];
            if (in.readNBytes(body, 0, (int) length) < length) throw new java.io.IOException("回答不完整");
            if (closed) close();
            return status;
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) return b.length() == 0 ? null : b.toString();
                if (c != '\r') b.append((char) c);
            }
            return b.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (java.io.IOException e) {
                // closing a finished connection: nothing to keep
            }
        }
    }
}
