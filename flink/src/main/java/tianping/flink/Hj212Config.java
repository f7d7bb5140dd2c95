package tianping.flink;

import java.io.Serializable;

/**
 * The HJ 212 monitoring job's settings, shipped with the job graph.
 *
 * @param cases           the register of monitoring cases (a JSON Lines file as {@code batch} takes it: one case skeleton
 *                        a line, named {@code FILE:N} in every line and decision) or its name for a topic
 * @param packets         the packets file (one HJ 212 packet a line) or its name for a topic
 * @param workDir         where each task writes an enterprise's packets as the case's data file before deciding it
 *                        (null: the JVM's temporary directory)
 * @param latenessMinutes how far behind the newest packet a packet may arrive and still count
 * @param kafka           bootstrap servers, or null to read files
 * @param pauseEveryLines test only: sleep 1 ms every so many packet lines (0: never)
 */
public record Hj212Config(String cases, String packets, String out, String rules, int parallelism, int latenessMinutes,
                          long checkpointMillis, String checkpointDir, String kafka, String packetsTopic, String casesTopic,
                          String workDir, int pauseEveryLines) implements Serializable {
}
