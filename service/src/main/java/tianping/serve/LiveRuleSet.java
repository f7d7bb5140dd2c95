package tianping.serve;

import tianping.cli.ServiceEngine;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The rule set the service decides with, swapped whole when its directory changes. The directory is polled (every
 * file's size and modification time); a changed set is compiled and checked by the same loader as {@code check
 * --rules} before it replaces the one serving. A set that fails to load leaves the old one serving and its
 * errors are kept for {@code /health}. Each request takes one engine at its start, so a swap never mixes sets
 * within a request. Every rule set is archived in the decision store ({@link DecisionStore#archive}: the log's
 * {@code rulesets/} folder, or the database) before it serves, so no decision names a rule set the store lacks.
 */
final class LiveRuleSet implements AutoCloseable {

    /** The last failed load: when it was seen (the directory's state) and its located errors. */
    record Failure(String state, List<String> errors) {
    }

    private final Path dir;
    private final DecisionStore snapshots;
    private final tianping.trust.TrustedKeys trust;
    private volatile ServiceEngine engine;
    private volatile Failure failure;
    private volatile String loadedState;
    private volatile long loads;
    private ScheduledExecutorService poller;

    private LiveRuleSet(Path dir, DecisionStore snapshots, tianping.trust.TrustedKeys trust, ServiceEngine engine, String state) {
        this.dir = dir;
        this.snapshots = snapshots;
        this.trust = trust;
        this.engine = engine;
        this.loadedState = state;
    }

    /**
     * The bundled rule set, or {@code dir} compiled now (a failure here stops the service from starting); with
     * {@code trust} naming keys, {@code dir} — now and at every reload — must be signed by one of them. Each is
     * archived in {@code snapshots} (the store its decisions go to; null: none) before it serves.
     */
    static LiveRuleSet open(Path dir, DecisionStore snapshots, tianping.trust.TrustedKeys trust) throws RuleSetException, IOException {
        String state = dir == null ? null : state(dir);
        RuleSet rs = dir == null ? RuleSet.bundled() : RuleSet.fromDirectory(dir, trust);
        if (snapshots != null) snapshots.archive(rs);
        return new LiveRuleSet(dir, snapshots, trust, new ServiceEngine(rs), state);
    }

    ServiceEngine engine() {
        return engine;
    }

    Failure failure() {
        return failure;
    }

    Path dir() {
        return dir;
    }

    long reloads() {
        return loads;
    }

    /** Starts polling the directory (nothing to watch for the bundled set). */
    void watch(long periodMillis) {
        if (dir == null) return;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tianping-rules-watch");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Looks once: loads the directory if it changed since the last load or failed attempt. */
    synchronized void poll() {
        String now;
        try {
            now = state(dir);
        } catch (IOException e) {
            failure = new Failure(null, List.of(dir + "：无法读取：" + e.getMessage()));
            return;
        }
        if (now.equals(loadedState) || (failure != null && now.equals(failure.state()))) return;
        try {
            RuleSet rs = RuleSet.fromDirectory(dir, trust);
            if (snapshots != null) snapshots.archive(rs);
            engine = new ServiceEngine(rs);
            loadedState = now;
            failure = null;
            loads++;
        } catch (RuleSetException e) {
            failure = new Failure(now, e.errors().stream().map(Object::toString).toList());
        } catch (IOException | RuntimeException e) {
            failure = new Failure(now, List.of(dir + "：" + e));
        }
    }

    /** Every file's path, size and modification time: a change to any file changes it. */
    private static String state(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                b.append(p).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (poller != null) poller.shutdownNow();
    }
}
