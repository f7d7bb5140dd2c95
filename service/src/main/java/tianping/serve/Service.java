package tianping.serve;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One running service: Jetty on 127.0.0.1 (or a given host) in front of {@link Api}, a rule set that follows its
 * directory, and a decision store. Stopping is graceful: the connector stops accepting, requests in flight finish
 * (up to {@link #STOP_TIMEOUT_MS}), and only then is the store synced and closed — no acknowledged decision is lost.
 */
final class Service implements AutoCloseable {

    static final long STOP_TIMEOUT_MS = 30_000;
    static final long IDLE_TIMEOUT_MS = 30_000;

    /**
     * How to run: {@code port} 0 picks a free one. {@code historyFromStore}: fill each case's history with the
     * enterprise's earlier decisions in the store (serve's default; off, the service answers exactly as {@code
     * check --json} does for the case as sent).
     */
    /** @param trust with keys, the --rules directory serves (and reloads) only when signed by one of them */
    record Options(String host, int port, Path rulesDir, Path logDir, String storeUrl, String token, boolean openReads,
                   long watchMillis, int threads, boolean historyFromStore, tianping.trust.TrustedKeys trust) {
        Options(String host, int port, Path rulesDir, Path logDir, String storeUrl, String token, boolean openReads,
                long watchMillis, int threads, boolean historyFromStore) {
            this(host, port, rulesDir, logDir, storeUrl, token, openReads, watchMillis, threads, historyFromStore,
                    tianping.trust.TrustedKeys.NONE);
        }

        Options(String host, int port, Path rulesDir, Path logDir, String storeUrl, String token, boolean openReads,
                long watchMillis, int threads) {
            this(host, port, rulesDir, logDir, storeUrl, token, openReads, watchMillis, threads, false);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final LiveRuleSet rules;
    private final DecisionStore store;
    private final Metrics metrics = new Metrics();
    private boolean stopped;
    private java.util.concurrent.ScheduledExecutorService syncer;

    private Service(Server server, ServerConnector connector, LiveRuleSet rules, DecisionStore store) {
        this.server = server;
        this.connector = connector;
        this.rules = rules;
        this.store = store;
    }

    static Service start(Options o) throws Exception {
        DecisionStore store = o.storeUrl() == null ? new JsonlStore(o.logDir()) : PgStore.open(o.storeUrl());
        LiveRuleSet rules;
        try {
            rules = LiveRuleSet.open(o.rulesDir(), store, o.trust());
        } catch (Exception e) {
            store.close();
            throw e;
        }
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, o.threads()), 4);
        pool.setName("tianping-serve");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(16 << 10);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(o.host());
        connector.setPort(o.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        Service s = new Service(server, connector, rules, store);
        server.setHandler(new GracefulHandler(new Api(rules, store, o.token(), o.openReads(), s.metrics, o.historyFromStore())));
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            store.close();
            rules.close();
            throw e;
        }
        rules.watch(o.watchMillis());
        s.syncEverySecond();
        return s;
    }

    /**
     * The log's lines are written before each answer (a killed process loses nothing answered); forcing them to
     * disk is done once a second, as batch does, rather than per request.
     */
    private void syncEverySecond() {
        syncer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tianping-store-sync");
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(() -> {
            try {
                store.sync();
            } catch (Exception e) {
                // the next sync, or the one at close, tries again; a failing disk also fails the appends
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    int port() {
        return connector.getLocalPort();
    }

    DecisionStore store() {
        return store;
    }

    LiveRuleSet rules() {
        return rules;
    }

    void join() throws InterruptedException {
        server.join();
    }

    /** Graceful stop: in-flight requests finish, then the store is synced and closed. */
    @Override
    public synchronized void close() throws IOException {
        if (stopped) return;
        stopped = true;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("服务停止时出错：" + e, e);
        } finally {
            if (syncer != null) {
                // not shutdownNow: interrupting a sync inside FileChannel.force closes the log's channel (an
                // InterruptibleChannel), and the final sync below then fails with ClosedChannelException
                syncer.shutdown();
                try {
                    syncer.awaitTermination(STOP_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            rules.close();
            store.sync();
            store.close();
        }
    }
}
