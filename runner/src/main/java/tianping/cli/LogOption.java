package tianping.cli;

import picocli.CommandLine.Option;
import tianping.audit.DecisionLog;
import tianping.audit.SnapshotStore;
import tianping.engine.RuleSet;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Where check and batch record their decisions: the decision log, unless --no-log. */
final class LogOption {

    @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）：每个决定追加一条哈希链记录，规则集存快照")
    Path dir = Path.of(".tianping");

    @Option(names = "--no-log", description = "不记录决定")
    boolean off;

    /** Opens the log and archives the rule set; null when logging is off. Notices (a repaired tail) go to err. */
    DecisionLog open(RuleSet ruleSet, PrintWriter err) throws IOException {
        if (off) return null;
        DecisionLog log = DecisionLog.open(dir, DecisionLog.SEGMENT_BYTES, line -> {
            err.println(line);
            err.flush();
        });
        log.notices().forEach(err::println);
        new SnapshotStore(dir).ensure(ruleSet);
        return log;
    }
}
