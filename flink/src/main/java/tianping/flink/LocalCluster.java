package tianping.flink;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * A Flink MiniCluster on this machine (job manager and task managers in this JVM, REST bound to 127.0.0.1 on
 * the flink helper's ports): what {@code tianping flink local}, the bench and the tests run the job on. Task
 * managers can be killed while a job runs, to test recovery.
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * How a run ended: status, whether it restarted, the checkpoint it last recovered from (-1: none), wall time.
     */
    public record Run(JobStatus status, long restarts, long restoredCheckpoint, long completedCheckpoints, double seconds, Throwable failure,
                      java.util.Map<String, Object> accumulators) {
    }

    private final MiniCluster cluster;

    public LocalCluster(int taskManagers, int slotsPerTaskManager) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "18090-18099");
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(16));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(32));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(32));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(300));
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(taskManagers).setNumSlotsPerTaskManager(slotsPerTaskManager).build());
        cluster.start();
    }

    public MiniCluster cluster() {
        return cluster;
    }

    /** Submits the job; {@link #await} waits for it. */
    public JobID submit(JobConfig config) throws Exception {
        return submit(env -> PowerJob.build(env, config));
    }

    /** Submits the HJ 212 monitoring job. */
    public JobID submit(Hj212Config config) throws Exception {
        return submit(env -> Hj212Job.build(env, config));
    }

    private JobID submit(java.util.function.Consumer<StreamExecutionEnvironment> job) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job.accept(env);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        return cluster.submitJob(graph).get().getJobID();
    }

    public Run await(JobID id, long startNanos) throws Exception {
        JobResult result = cluster.requestJobResult(id).get();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        var graph = cluster.getArchivedExecutionGraph(id).get();
        long restarts = graph.getStatusTimestamp(JobStatus.RESTARTING) > 0 ? 1 : 0;
        var stats = graph.getCheckpointStatsSnapshot();
        var restored = stats == null ? null : stats.getLatestRestoredCheckpoint();
        Throwable failure = result.getSerializedThrowable().map(t -> (Throwable) t).orElse(null);
        return new Run(result.getApplicationStatus().deriveJobStatus(), restarts, restored == null ? -1 : restored.getCheckpointId(),
                stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints(), seconds, failure,
                failure == null ? result.toJobExecutionResult(LocalCluster.class.getClassLoader()).getAllAccumulatorResults() : java.util.Map.of());
    }

    /** Runs the job to its end. */
    public Run run(JobConfig config) throws Exception {
        long start = System.nanoTime();
        return await(submit(config), start);
    }

    public Run run(Hj212Config config) throws Exception {
        long start = System.nanoTime();
        return await(submit(config), start);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
