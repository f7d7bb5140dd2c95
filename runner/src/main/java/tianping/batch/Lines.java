package tianping.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of output lines and decisions: the same settings as the CLI's JSON output (dates as YYYY-MM-DD,
 * fields in declaration order, compact), so a decision in a batch line is byte for byte the one {@code check
 * --json} prints compactly and the log records.
 */
public final class Lines {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private Lines() {
    }

    public static byte[] bytes(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
