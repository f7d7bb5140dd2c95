package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.power.province.ProvinceGenerator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "power-generate", description = {
        "生成合成的一省一日用电读数（确定性，同一种子结果相同）：enterprises.jsonl、readings.csv、truth.jsonl（植入的异常与应得状态）。",
        "缺省规模取自湖南平台（seeds/001）：7,056 家企业、60,414 个测点、每 15 分钟一个读数。"})
final class PowerGenerateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "输出目录")
    Path dir;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "日期（缺省 2024-11-20）")
    LocalDate date = LocalDate.of(2024, 11, 20);

    @Option(names = "--enterprises", paramLabel = "N", description = "企业数（缺省 7056）")
    int enterprises = 7056;

    @Option(names = "--channels", paramLabel = "N", description = "测点数（缺省 60414）")
    int channels = 60414;

    @Option(names = "--seed", paramLabel = "N", description = "随机种子（缺省 20240619）")
    long seed = 20240619L;

    @Option(names = "--per-mille", paramLabel = "N", description = "每类植入异常的企业占比（千分之，缺省 10）")
    int perMille = 10;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        var s = new ProvinceGenerator(new ProvinceGenerator.Spec(enterprises, channels, date, seed, perMille)).write(dir);
        spec.commandLine().getErr().printf("已生成 %,d 家企业、%,d 个测点、%,d 行读数、%,d 个植入异常（%.1f 秒）：%s%n",
                s.enterprises(), s.channels(), s.readings(), s.anomalies(), (System.nanoTime() - start) / 1e9, dir);
        spec.commandLine().getErr().flush();
        return ExitCode.OK;
    }
}
