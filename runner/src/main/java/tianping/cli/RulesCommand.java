package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.SnapshotStore;
import tianping.core.Sha256;
import tianping.law.RuleFiles;
import tianping.law.RuleSetDiff;
import tianping.batch.UsageException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tianping rules …}: work on rule sets as a whole. */
@Command(name = "rules", description = "规则集：比较两个规则集（diff）。", subcommands = RulesCommand.Diff.class)
final class RulesCommand {

    /**
     * {@code tianping rules diff A B}: what changed between two rule sets in legal terms — rows added, removed or
     * changed field by field with their source and dates, rules added, removed or changed. Neither set is compiled.
     */
    @Command(name = "diff", description = "比较两个规则集：表格行的新增、删除、逐列修改（附来源与日期），手写规则的新增、删除、修改。A、B 为规则目录，或决定记录中规则集快照的指纹（sha256:…，配合 --log）。")
    static final class Diff implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "A", description = "原规则集：目录或指纹")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "新规则集：目录或指纹")
        String b;

        @Option(names = "--log", paramLabel = "DIR", description = "指纹所在的决定记录目录（缺省 .tianping）")
        Path log = Path.of(".tianping");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RuleFiles x = open(a);
            RuleFiles y = open(b);
            List<RuleSetDiff.Change> changes = RuleSetDiff.between(x, y);
            out.println("规则集差异：" + x.origin() + " → " + y.origin() + "，共 " + changes.size() + " 处");
            String file = null;
            for (RuleSetDiff.Change c : changes) {
                if (!c.file().equals(file)) {
                    file = c.file();
                    out.println();
                    out.println(file);
                }
                out.println("  " + c.kind() + "  " + c.key());
                for (String f : c.fields()) out.println("      " + f);
                if (!c.provenance().isEmpty()) out.println("      （" + c.provenance() + "）");
            }
            out.flush();
            return ExitCode.OK;
        }

        private RuleFiles open(String where) throws Exception {
            if (Sha256.isWellFormed(where)) return new SnapshotStore(log).files(where);
            Path dir = Path.of(where);
            if (!Files.isDirectory(dir)) throw new UsageException(where + "：不是规则目录，也不是 sha256: 加 64 位十六进制数字的规则集指纹");
            return RuleFiles.fromDirectory(dir);
        }
    }
}
