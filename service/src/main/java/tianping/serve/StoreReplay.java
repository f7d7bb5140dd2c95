package tianping.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tianping.audit.DecisionLog;
import tianping.audit.Replayer;
import tianping.cli.ImpactCommand;
import tianping.cli.ReplayCommand;
import tianping.engine.RuleSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tianping replay --store URL} and {@code tianping impact --store URL}: {@code replay} and {@code impact} over
 * the PostgreSQL store, by the log's own code. The records are exported (as for {@code log verify --store}) to a
 * temporary decisions.jsonl; the rule sets they name come from the store's own snapshots, checked against their
 * fingerprints as they are read, never from a local {@code rulesets/} folder.
 */
final class StoreReplay {

    private StoreReplay() {
    }

    @Command(name = "replay", description = "重放决定库：以每条记录所记的规则集（内置，或库中所存的快照）对所记案件重新决定，逐字比对；逐条写明一致、引擎已变（决定相同或不同）、规则集已变（快照缺失）或记录被篡改。退出码 0 全部重现，1 有不一致或无法重放。")
    static final class Replay implements Callable<Integer> {
        @Mixin
        StoreCommands.StoreOption store;

        @Mixin
        ReplayCommand.Options options;

        @Override
        public Integer call() throws Exception {
            var keys = options.keys();
            Path tmp = Files.createTempDirectory("tianping-store-replay-");
            try (PgStore s = store.open()) {
                s.exportTo(tmp.resolve(DecisionLog.FILE));
                return ReplayCommand.report(new Replayer(tmp, s.snapshots(), RuleSet.bundled(), options.threads, keys), options.quiet, store.out());
            } finally {
                deleteTree(tmp);
            }
        }
    }

    @Command(name = "impact", description = "规则变更影响（决定库）：以现行与候选两个规则集决定库中记录的以往案件，列出哪些决定会变、从什么变成什么、由哪些规则引起（同 impact）。")
    static final class Impact implements Callable<Integer> {
        @Mixin
        StoreCommands.StoreOption store;

        @Mixin
        ImpactCommand.Options options;

        @Override
        public Integer call() throws Exception {
            Path tmp = Files.createTempDirectory("tianping-store-impact-");
            try (PgStore s = store.open()) {
                s.exportTo(tmp.resolve(DecisionLog.FILE));
                // the command line's impact over the exported records: the same analysis, report and exit codes
                List<String> args = new ArrayList<>(List.of("impact"));
                args.addAll(options.arguments());
                args.add(tmp.toString());
                return tianping.cli.Main.run(args.toArray(String[]::new), store.out(), store.err());
            } finally {
                deleteTree(tmp);
            }
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
