package tianping.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads a file as numbered lines (LF or CRLF, the line end stripped), counting from 1 as power-batch does. Not
 * splittable: on recovery Flink re-reads the file from its start and skips the records already emitted, so the
 * numbers stay right without a checkpointed line counter.
 */
public final class NumberedLineFormat extends SimpleStreamFormat<NumberedLine> {

    @Override
    public StreamFormat.Reader<NumberedLine> createReader(Configuration config, FSDataInputStream stream) {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        return new StreamFormat.Reader<>() {
            private final ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
            private long line;

            @Override
            public NumberedLine read() throws IOException {
                buf.reset();
                int b;
                boolean any = false;
                while ((b = in.read()) >= 0) {
                    any = true;
                    if (b == '\n') break;
                    buf.write(b);
                }
                if (!any) return null;
                line++;
                byte[] bytes = buf.toByteArray();
                int n = bytes.length;
                if (n > 0 && bytes[n - 1] == '\r') bytes = java.util.Arrays.copyOf(bytes, n - 1);
                return new NumberedLine(line, bytes);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public TypeInformation<NumberedLine> getProducedType() {
        return TypeInformation.of(NumberedLine.class);
    }
}
