package tianping.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes what a derivation found into the case JSON in the case format, from the reader's own records
 * ({@link CaseInput.FindingInput}, {@link tianping.facts.Episode}, …) rather than hand-built JSON: the case
 * format has one Java shape for reading and for writing.
 */
public final class DerivedFindings {

    /** Times in the case format: to the minute, as the schema's dateTime and every derivation's grid. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static final ObjectMapper WRITER = CaseReader.mapper().copy()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .registerModule(new SimpleModule().addSerializer(LocalDateTime.class, new LocalDateTimeSerializer(MINUTE)));

    private DerivedFindings() {
    }

    /** Any of the reader's records (an episode, a report) as case JSON. */
    public static JsonNode tree(Object record) {
        return WRITER.valueToTree(record);
    }

    /**
     * A derived finding as case JSON: the officer's facts of the section (harm, conduct…, which data cannot prove)
     * under what the data show; only {@code discoveredBy} the officer may name otherwise.
     */
    public static ObjectNode finding(CaseInput.FindingInput derived, JsonNode officerFacts) {
        ObjectNode finding = officerFacts == null ? WRITER.createObjectNode() : officerFacts.deepCopy();
        ((ObjectNode) tree(derived)).properties().forEach(e -> {
            if (!(e.getKey().equals("discoveredBy") && finding.has("discoveredBy"))) finding.set(e.getKey(), e.getValue());
        });
        return finding;
    }

    public static ArrayNode array(ObjectNode parent, String field) {
        return parent.get(field) instanceof ArrayNode a ? a : parent.putArray(field);
    }
}
