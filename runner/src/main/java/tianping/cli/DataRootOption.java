package tianping.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tianping.read.ConfinedFiles;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a case's raw data files may lie besides its own folder (--data-root), and how large one may be
 * (--data-max-bytes). Cases are written by others; without this option a case reads data only from its own
 * folder. The values go to {@link ConfinedFiles#configure}, which every CaseReader of the command applies, so a
 * command only mixes this in.
 */
final class DataRootOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private Path root;
    private long maxBytes = ConfinedFiles.DEFAULT_MAX_BYTES;

    DataRootOption() {
        // a fresh command starts from the defaults, whatever an earlier command in this JVM set
        ConfinedFiles.configure(null, ConfinedFiles.DEFAULT_MAX_BYTES);
    }

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "案件引用的原始数据文件（在线监测、用电读数）除案件所在目录外还可以位于此目录内；缺省只允许案件所在目录")
    void dataRoot(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data-root " + dir + "：不是存在的目录");
        }
        root = dir;
        ConfinedFiles.configure(root, maxBytes);
    }

    @Option(names = "--data-max-bytes", paramLabel = "N",
            description = "单个原始数据文件的大小上限（字节，缺省 4294967296 即 4 GiB）；超过的文件不读取，案件被拒")
    void dataMaxBytes(long n) {
        if (n <= 0) throw new CommandLine.ParameterException(spec.commandLine(), "--data-max-bytes 应为正整数，实际为 " + n);
        maxBytes = n;
        ConfinedFiles.configure(root, maxBytes);
    }
}
