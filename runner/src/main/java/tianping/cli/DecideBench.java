package tianping.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "decide", description = "冷启动 check 用时与单 JVM 热态决策吞吐（待实现）。")
final class DecideBench implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench decide 尚未实现");
    }
}
