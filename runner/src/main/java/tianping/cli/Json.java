package tianping.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * JSON output: the batch pipeline's settings ({@link tianping.batch.Lines}: dates as YYYY-MM-DD, fields in
 * declaration order), compact for JSON Lines, indented for one case.
 */
public final class Json {

    public static final ObjectMapper MAPPER = tianping.batch.Lines.MAPPER;
    static final ObjectWriter COMPACT = MAPPER.writer();
    static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /** Compact JSON of a value, for comparisons. */
    public static String write(Object value) {
        return new String(bytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Compact JSON as UTF-8 bytes: Jackson's byte generator is the fast path for Chinese text. */
    public static byte[] bytes(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
