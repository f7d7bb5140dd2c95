package tianping.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import tianping.audit.DecisionLog;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The job's output, one partition per sink subtask i, in a directory: {@code lines-i.jsonl} (power-batch's
 * lines), {@code alerts-i.jsonl} (提醒) and the hash-chained decision log {@code log-i/decisions.jsonl}, one chain
 * per partition, with its head exported to {@code log-i/head.json} at every checkpoint (what {@code tianping log
 * verify --log DIR/log-i --head DIR/log-i/head.json} checks).
 *
 * <p>Exactly once by truncation: the writer's checkpointed state is the length of its three files; on recovery
 * each is cut back to the length of the checkpoint it restarts from (the log by whole records, so its chain stays
 * whole), and what the sources replay after that checkpoint is written again once. A consumer that must never see
 * a line later withdrawn reads a partition only up to the lengths of its last exported head.
 */
public final class ChainedFileSink implements Sink<Out>, SupportsWriterState<Out, ChainedFileSink.State> {

    /** The lengths of a partition's files at a checkpoint. */
    public record State(int partition, long lines, long alerts, long log) {
    }

    private final String dir;

    public ChainedFileSink(String dir) {
        this.dir = dir;
    }

    @Override
    public StatefulSinkWriter<Out, State> createWriter(WriterInitContext context) throws IOException {
        return new Writer(Path.of(dir), context.getTaskInfo().getIndexOfThisSubtask(), null);
    }

    @Override
    public StatefulSinkWriter<Out, State> restoreWriter(WriterInitContext context, Collection<State> recovered) throws IOException {
        int partition = context.getTaskInfo().getIndexOfThisSubtask();
        State mine = recovered.stream().filter(s -> s.partition() == partition).findFirst().orElse(null);
        return new Writer(Path.of(dir), partition, mine);
    }

    @Override
    public SimpleVersionedSerializer<State> getWriterStateSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(State s) throws IOException {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(b)) {
                    out.writeInt(s.partition());
                    out.writeLong(s.lines());
                    out.writeLong(s.alerts());
                    out.writeLong(s.log());
                }
                return b.toByteArray();
            }

            @Override
            public State deserialize(int version, byte[] bytes) throws IOException {
                try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    return new State(in.readInt(), in.readLong(), in.readLong(), in.readLong());
                }
            }
        };
    }

    /** The files of one partition. */
    static final class Writer implements StatefulSinkWriter<Out, State> {
        private final int partition;
        private final Path linesFile;
        private final Path alertsFile;
        private final Path logDir;
        private final FileChannel linesChannel;
        private final FileChannel alertsChannel;
        private final OutputStream lines;
        private final OutputStream alerts;
        private final DecisionLog log;

        Writer(Path dir, int partition, State restored) throws IOException {
            this.partition = partition;
            Files.createDirectories(dir);
            linesFile = dir.resolve("lines-" + partition + ".jsonl");
            alertsFile = dir.resolve("alerts-" + partition + ".jsonl");
            logDir = dir.resolve("log-" + partition);
            Files.createDirectories(logDir);
            linesChannel = cut(linesFile, restored == null ? 0 : restored.lines());
            alertsChannel = cut(alertsFile, restored == null ? 0 : restored.alerts());
            cut(logDir.resolve(DecisionLog.FILE), restored == null ? 0 : restored.log()).close();
            lines = new BufferedOutputStream(Channels.newOutputStream(linesChannel), 1 << 16);
            alerts = new BufferedOutputStream(Channels.newOutputStream(alertsChannel), 1 << 12);
            // never sealed: the checkpointed state is a length of the active file
            log = DecisionLog.openUnsealed(logDir);
            exportHead();
        }

        /** Opens a file for appending after cutting it back to a checkpointed length. */
        private static FileChannel cut(Path file, long length) throws IOException {
            FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            c.truncate(length);
            c.position(length);
            return c;
        }

        @Override
        public void write(Out o, Context context) throws IOException {
            OutputStream target = o.kind == Out.ALERT ? alerts : lines;
            target.write(o.json.getBytes(StandardCharsets.UTF_8));
            target.write('\n');
            if (o.logged()) log.append(o.ruleSet, o.input, o.engine, o.source, o.canonicalInput, o.decision);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            lines.flush();
            alerts.flush();
            linesChannel.force(false);
            alertsChannel.force(false);
            log.sync();
        }

        @Override
        public List<State> snapshotState(long checkpointId) throws IOException {
            flush(false);
            exportHead();
            List<State> out = new ArrayList<>();
            out.add(new State(partition, linesChannel.position(), alertsChannel.position(), Files.size(log.file())));
            return out;
        }

        /** Writes the chain's head (count and last hash), replacing the previous one whole. */
        private void exportHead() throws IOException {
            Path tmp = logDir.resolve("head.json.tmp");
            Files.writeString(tmp, "{\"count\":" + log.count() + ",\"head\":\"" + log.head() + "\"}\n");
            Files.move(tmp, logDir.resolve("head.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void close() throws Exception {
            flush(true);
            exportHead();
            lines.close();
            alerts.close();
            log.close();
        }
    }
}
