package tianping.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tianping.cli.PowerBatchSteps;
import tianping.engine.Decider;
import tianping.engine.RuleSet;
import tianping.power.province.ProvinceGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small province-day from power-generate's generator (every planted anomaly class several times over) and
 * power-batch's lines for it: what the job must reproduce.
 */
final class Province {
    static final LocalDate DATE = LocalDate.of(2024, 11, 20);
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path register;
    final Path readings;
    final List<String> batchLines;

    Province(Path dir, int enterprises, int channels) throws Exception {
        this.dir = dir;
        new ProvinceGenerator(new ProvinceGenerator.Spec(enterprises, channels, DATE, 20240619L, 40)).write(dir);
        register = dir.resolve(ProvinceGenerator.ENTERPRISES);
        readings = dir.resolve(ProvinceGenerator.READINGS);
        Path out = dir.resolve("batch.jsonl");
        PowerBatchSteps.batch(new Decider(RuleSet.bundled()), register, readings, DATE, out, 2, null);
        batchLines = sorted(Files.readAllLines(out));
    }

    JobConfig job(Path out, int parallelism, long checkpointMillis, int pauseEveryLines) {
        return new JobConfig(register.toString(), readings.toString(), DATE, out.toString(), null, parallelism, 0,
                checkpointMillis, out.resolveSibling(out.getFileName() + "-checkpoints").toUri().toString(), null, null, null, pauseEveryLines);
    }

    static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(null);
        return s;
    }

    /** Every line of the files of one kind (lines-*, alerts-*) the job wrote, sorted. */
    static List<String> output(Path out, String prefix) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        return sorted(all);
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
