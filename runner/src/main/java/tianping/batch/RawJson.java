package tianping.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON that was already serialised (a decision, exactly as it is logged), embedded in an output line as is: a
 * decision is serialised once, and a line rebuilt from the log on resume carries the logged bytes unchanged.
 */
public record RawJson(byte[] bytes) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(new Utf8(bytes));
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }

    /** The bytes as Jackson's raw-value string: the UTF-8 generator copies them without decoding. */
    private record Utf8(byte[] bytes) implements SerializableString {
        @Override public String getValue() { return new String(bytes, StandardCharsets.UTF_8); }
        @Override public int charLength() { return getValue().length(); }
        @Override public char[] asQuotedChars() { throw new UnsupportedOperationException(); }
        @Override public byte[] asUnquotedUTF8() { return bytes; }
        @Override public byte[] asQuotedUTF8() { throw new UnsupportedOperationException(); }
        @Override public int appendQuotedUTF8(byte[] buffer, int offset) { throw new UnsupportedOperationException(); }
        @Override public int appendQuoted(char[] buffer, int offset) { throw new UnsupportedOperationException(); }
        @Override public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) return -1;
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }
        @Override public int appendUnquoted(char[] buffer, int offset) {
            String s = getValue();
            if (offset + s.length() > buffer.length) return -1;
            s.getChars(0, s.length(), buffer, offset);
            return s.length();
        }
        @Override public int writeQuotedUTF8(OutputStream out) { throw new UnsupportedOperationException(); }
        @Override public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }
        @Override public int putQuotedUTF8(ByteBuffer buffer) { throw new UnsupportedOperationException(); }
        @Override public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) return -1;
            buffer.put(bytes);
            return bytes.length;
        }
    }
}
