package tianping.power.readings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import tianping.read.Excerpt;

import java.io.IOException;
import java.io.InputStream;

/**
 * Parses readings as JSON: an array of {@code {"enterprise": …, "channel": …, "timestamp": …, "kW": …}} objects
 * ({@code enterprise} may be left out in a case's own file; {@code kW} null = no value sent), streamed so a
 * large file is never held as a tree. Problems are reported with the line of the object.
 */
public final class ReadingsJson {

    /** The caller owns the stream (it hashes what remains after the closing bracket). */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private ReadingsJson() {
    }

    public static void parse(InputStream in, ReadingVisitor visitor) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                visitor.malformed(p.currentLocation().getLineNr(), "应为读数对象的数组 [{\"channel\": …, \"timestamp\": …, \"kW\": …}, …]");
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                long line = p.currentLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    visitor.malformed(line, "应为读数对象 {…}");
                    p.skipChildren();
                    continue;
                }
                object(p, line, visitor);
            }
        } catch (JsonParseException e) {
            visitor.malformed(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), tianping.read.JsonErrorText.syntaxMessage(e));
        }
    }

    private static void object(JsonParser p, long line, ReadingVisitor visitor) throws IOException {
        String enterprise = "";
        String channel = null;
        String timestamp = null;
        double kw = Double.NaN;
        boolean kwSeen = false;
        String problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "enterprise" -> enterprise = v == JsonToken.VALUE_STRING ? p.getText() : enterprise;
                case "channel" -> channel = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "timestamp" -> timestamp = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "kW" -> {
                    kwSeen = true;
                    if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) kw = p.getDoubleValue();
                    else if (v != JsonToken.VALUE_NULL) problem = "kW 应为数值或 null";
                }
                default -> problem = "不认识的字段“" + Excerpt.of(field) + "”（应为 enterprise、channel、timestamp、kW）";
            }
            p.skipChildren();
        }
        if (problem == null && (channel == null || channel.isEmpty())) problem = "缺少测点 channel";
        if (problem == null && timestamp == null) problem = "缺少时间 timestamp";
        if (problem == null && !kwSeen) problem = "缺少功率 kW";
        if (problem == null && (Double.isInfinite(kw))) problem = "功率不是有限的数值（超出数值范围）";
        if (problem == null && kw < 0) problem = "功率不能为负，实际为 " + kw;
        long minute = problem == null ? Timestamps.epochMinute(timestamp) : 0;
        if (problem == null && minute == Timestamps.INVALID) problem = "时间应为 YYYY-MM-DDTHH:MM[:SS]，实际为“" + Excerpt.of(timestamp) + "”";
        if (problem == null && minute == Timestamps.NOT_WHOLE_MINUTE) problem = "时间“" + Excerpt.of(timestamp) + "”不在整分钟上，不在采样网格上";
        if (problem != null) visitor.malformed(line, problem);
        else visitor.reading(enterprise, channel, minute, kw, line);
    }
}
