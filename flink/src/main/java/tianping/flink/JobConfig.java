package tianping.flink;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Everything the job's tasks need to know, shipped with the job graph: where the register and the readings come
 * from (their names appear in every decision, so they are given as power-batch is given them), the day, the
 * rule set, the bounded lateness and the checkpoint interval.
 *
 * @param rules             a rules directory readable on every task manager, or null for the bundled rule set
 * @param latenessMinutes   how far behind the newest reading a reading may arrive and still count
 * @param checkpointDir     where checkpoints go (a file: or distributed file system URI), or null for Flink's configured one
 * @param kafka             bootstrap servers, or null to read files
 * @param pauseEveryLines   test only: sleep 1 ms every so many readings lines (0: never)
 */
public record JobConfig(String register, String readings, LocalDate date, String out, String rules, int parallelism,
                        int latenessMinutes, long checkpointMillis, String checkpointDir, String kafka, String readingsTopic, String registerTopic,
                        int pauseEveryLines) implements Serializable {
}
