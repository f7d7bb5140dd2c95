package tianping.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.DecisionLog;
import tianping.audit.SnapshotStore;
import tianping.audit.Verifier;
import tianping.engine.RuleSet;
import tianping.law.RuleSetException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code tianping log export|import|verify --store URL}: moves records between decisions.jsonl and the PostgreSQL
 * store with the chain intact (lines are copied byte for byte; an import must continue the store's chain and the
 * file's own chain is verified first), the rule-set snapshots with them (the log folder's {@code rulesets/} and the
 * store's tables hold the same files byte for byte; a snapshot that does not hash to its fingerprint is refused),
 * and checks the store's chain and snapshots with the log's verifier.
 */
@Command(name = "log", description = "决定库：导出、导入、核验哈希链与规则集快照。",
        subcommands = {StoreCommands.Export.class, StoreCommands.Import.class, StoreCommands.Verify.class})
final class StoreCommands {

    /** {@code --store URL}, and the streams of the command it is mixed into: what every store command shares. */
    static final class StoreOption {
        @Option(names = "--store", required = true, paramLabel = "jdbc:postgresql://…", description = "决定库（PostgreSQL）的 JDBC 地址")
        String url;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        PgStore open() throws IOException {
            return PgStore.open(url);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    /**
     * {@code --log DIR} of export and import; each command's own description is in the messages
     * ({@code tianping.log.export.log.dir}, {@code tianping.log.import.log.dir}).
     */
    static final class LogDirOption {
        @Option(names = "--log", required = true, paramLabel = "DIR", descriptionKey = "log.dir",
                description = "决定记录目录：decisions.jsonl 与规则集快照 rulesets/")
        Path dir;
    }

    @Command(name = "export", description = "把决定库的全部记录按序号写成 decisions.jsonl（逐字节同库中所存），连同规则集快照（DIR/rulesets/，同命令行的决定记录）。")
    static final class Export implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Mixin
        LogDirOption log;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = store.err();
            Path file = log.dir.resolve(DecisionLog.FILE);
            if (Files.exists(file)) {
                err.println(file + "：已存在，不覆盖");
                return 2;
            }
            Files.createDirectories(log.dir);
            try (PgStore s = store.open()) {
                PgStore.Exported x = s.exportLog(log.dir);
                Verifier.Result r = Verifier.verify(file, s.head());
                err.println("导出 " + r.records() + " 条至 " + file + "，链头 " + r.head() + (r.ok() ? "，核验完好" : "，核验发现问题："));
                r.problems().forEach(err::println);
                err.println("规则集快照 " + (x.written().size() + x.present().size()) + " 个至 " + log.dir.resolve("rulesets")
                        + (x.present().isEmpty() ? "" : "（其中 " + x.present().size() + " 个已在目录中，未改动）")
                        + (x.refused().isEmpty() ? "" : "；" + x.refused().size() + " 处问题，有问题的快照未写出："));
                x.refused().forEach(err::println);
                return r.ok() && x.refused().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "import", description = "把 decisions.jsonl 的记录逐字节接入决定库（须接在库的链头之后；先核验文件的链），连同 DIR/rulesets/ 中的规则集快照（与指纹不符的拒收，什么都不导入）。")
    static final class Import implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Mixin
        LogDirOption log;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = store.err();
            Path file = log.dir.resolve(DecisionLog.FILE);
            Verifier.Result own = Verifier.verify(file, null);
            if (!own.ok()) {
                err.println(file + "：哈希链有问题，不导入：");
                own.problems().forEach(err::println);
                return 1;
            }
            List<String> refused = new ArrayList<>();
            SortedMap<String, SortedMap<String, byte[]>> snapshots = snapshots(log.dir, own, refused);
            if (!refused.isEmpty()) {
                err.println(log.dir.resolve("rulesets") + "：规则集快照有问题，不导入：");
                refused.forEach(err::println);
                return 1;
            }
            try (PgStore s = store.open()) {
                long n;
                try {
                    n = s.importLines(file, snapshots);
                } catch (IOException e) {
                    err.println(file + "：未导入：" + e.getMessage());
                    return 1;
                }
                Verifier.Result r = s.verifyWithSnapshots();
                err.println("导入 " + n + " 条，规则集快照 " + snapshots.size() + " 个；决定库共 " + r.records() + " 条，链头 " + r.head()
                        + (r.ok() ? "，核验完好" : "，核验发现问题："));
                r.problems().forEach(err::println);
                return r.ok() ? 0 : 1;
            }
        }

        /**
         * Every snapshot folder of {@code dir/rulesets/}, each checked against its fingerprint (a changed file, a
         * link, a name no plain relative path: into {@code refused}, located); and for a rule set the records name
         * that has no folder but is the bundled one, the bundled snapshot (the fingerprint names its files exactly).
         */
        private static SortedMap<String, SortedMap<String, byte[]>> snapshots(Path dir, Verifier.Result own, List<String> refused)
                throws IOException, RuleSetException {
            SnapshotStore folder = new SnapshotStore(dir);
            SortedMap<String, SortedMap<String, byte[]>> out = new TreeMap<>();
            String where = dir.resolve("rulesets").toString();
            for (String fp : folder.fingerprints()) {
                try {
                    out.put(fp, PgSnapshots.checked(fp, folder.archived(fp), where + "/" + fp.substring(7)));
                } catch (RuleSetException e) {
                    e.errors().forEach(x -> refused.add(x.toString()));
                }
            }
            RuleSet bundled = null;
            for (String fp : own.ruleSets()) {
                if (out.containsKey(fp)) continue;
                if (bundled == null) bundled = RuleSet.bundled();
                if (bundled.fingerprint().equals(fp)) out.put(fp, PgSnapshots.filesOf(bundled));
                // any other is looked for in the store, which refuses the import if it lacks it too
            }
            return out;
        }
    }

    @Command(name = "verify", description = "核验决定库的哈希链（同 log verify 的核验器）与记录所用的每个规则集快照（库中所存，逐文件核对指纹）。")
    static final class Verify implements Callable<Integer> {
        @Mixin
        StoreOption store;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = store.out();
            try (PgStore s = store.open()) {
                Verifier.Result r = s.verifyWithSnapshots();
                Verifier.Head head = s.head();
                if (r.records() != head.count() || !r.head().equals(head.head())) {
                    out.println("链头不符：库中链头记为 #" + head.count() + " " + head.head() + "，记录到 #" + r.records() + " " + r.head());
                    return 1;
                }
                out.println("决定库 " + r.records() + " 条，链头 " + r.head() + "，规则集快照 " + r.ruleSets().size() + " 个"
                        + (r.ok() ? "：核验完好" : "：发现 " + r.problems().size() + " 处问题"));
                r.problems().forEach(out::println);
                return r.ok() ? 0 : 1;
            }
        }
    }
}
