package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.audit.Replayer;
import tianping.engine.RuleSet;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "replay", description = "重放决定记录：以每条记录所记的规则集（内置或快照）对所记案件重新决定，逐字比对；逐条写明一致、引擎已变（决定相同或不同）、规则集已变（快照缺失）或记录被篡改。退出码 0 全部重现，1 有不一致或无法重放。")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--log", paramLabel = "DIR", description = "决定记录目录（缺省 .tianping）")
    Path dir = Path.of(".tianping");

    @picocli.CommandLine.Mixin
    Options options;

    @Spec
    CommandSpec spec;

    /** What a replay is told besides where the records are: one set of options for the log and for the store. */
    public static final class Options {
        @Option(names = "--threads", paramLabel = "N", description = "并行线程数（缺省为 CPU 核数）")
        public int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--quiet", description = "只输出不一致的记录和汇总")
        public boolean quiet;

        @picocli.CommandLine.Mixin
        TrustKeyOption trust;

        public tianping.trust.TrustedKeys keys() throws java.io.IOException {
            return trust.keys();
        }
    }

    @Override
    public Integer call() throws Exception {
        return report(new Replayer(dir, RuleSet.bundled(), options.threads, options.keys()), options.quiet, spec.commandLine().getOut());
    }

    /**
     * Runs a replay and prints it as {@code replay} does (each record not reproduced with its differences, then the
     * summary), for the records of a log folder or of a decision store alike. @return the exit code
     */
    public static int report(Replayer replayer, boolean quiet, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        Replayer.Summary s = replayer.replay(o -> {
            if (o.status().equals(Replayer.IDENTICAL)) {
                if (!quiet) out.println("#" + o.seq() + " " + o.source() + "：一致");
                return;
            }
            out.println("#" + o.seq() + " " + o.source() + "：" + o.status());
            o.differences().forEach(d -> out.println("    " + d));
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("重放 %,d 个决定：一致 %,d，不一致 %,d，无法重放 %,d%s%s%s（%.2f 秒，%,.0f 件/秒）%n", s.decisions(),
                s.identical(), s.different(), s.failed(),
                s.tampered() > 0 ? "；记录被篡改 " + s.tampered() + " 条" : "",
                s.engineChanged() > 0 ? "；引擎已变 " + s.engineChanged() + " 条" : "",
                s.repairs() > 0 ? "；修复记录 " + s.repairs() + " 条" : "", seconds, s.decisions() / seconds);
        out.flush();
        return s.allIdentical() ? ExitCode.OK : ExitCode.CASE_REJECTED;
    }
}
