package tianping.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a batch's {@code --out} before anything is read or written: it must be in an existing folder, must not be
 * an input (or a file the input folder would read as a case), nor the decision log, and an existing result is never
 * emptied silently — only with {@code --overwrite}, or continued with {@code --resume}.
 */
public final class OutFile {

    /** What may become of an existing --out. */
    public enum Mode { FRESH, OVERWRITE, RESUME }

    private OutFile() {
    }

    /**
     * @param inputs  the batch's input files or folders
     * @param logFile the decision log file, or null when not logging
     * @throws UsageException saying what is wrong and what to do
     */
    public static void check(Path out, List<Path> inputs, Path logFile, Mode mode) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--out " + out + "：所在目录 " + parent + " 不存在（请先建立该目录）");
        }
        if (Files.isDirectory(out)) throw new UsageException("--out " + out + "：是目录，应为结果文件");
        Path real = parent.toRealPath().resolve(out.getFileName());
        for (Path in : inputs) {
            if (!Files.exists(in)) continue;
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new UsageException("--out " + out + "：就是输入 " + in + "，写出结果会毁掉输入；请另选结果文件");
            }
            if (Files.isDirectory(in) && real.startsWith(in.toRealPath()) && CaseEntries.isCaseName(real)) {
                throw new UsageException("--out " + out + "：在输入目录 " + in + " 中，且名为 .json/.jsonl，会被当作案件读取；请写到输入目录之外");
            }
        }
        if (logFile != null && Files.exists(logFile) && Files.exists(out) && Files.isSameFile(logFile, out)) {
            throw new UsageException("--out " + out + "：就是决定记录 " + logFile + "；请另选结果文件");
        }
        if (mode == Mode.FRESH && Files.exists(out) && Files.size(out) > 0) {
            throw new UsageException("--out " + out + "：已存在且有内容，不会覆盖。续跑被中断的批量核查请加 --resume，确需覆盖请加 --overwrite");
        }
    }
}
