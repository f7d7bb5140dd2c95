package tianping.audit;

import tianping.core.Sha256;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of the decision log, kept as the exact bytes written. A record is
 * {@code {"seq":N,"prev":H,...fields...,"hash":H}} where {@code hash} is the sha256 of every byte before
 * {@code ,"hash":} — so any edited byte breaks its own hash, and {@code prev} (the previous record's hash) chains
 * the records: a deleted, inserted or reordered record breaks the chain where it happened.
 *
 * <p>A decision record carries the rule-set fingerprint, the input fingerprint, the engine version, where the case
 * came from, the case itself (canonical JSON, so its sha256 is the input fingerprint) and the decision as it was
 * output; and a {@link Stamp} — the decision's id, when the record was written and by whom — which is inside the
 * chain (an edited stamp breaks the record's hash) but outside what the decision depends on: it is neither in the
 * case nor in the decision, so replay never compares it. Records written before stamps existed have none.
 * A repair record notes bytes of a torn last line that were set aside before writing resumed.
 */
public final class LogRecord {

    public static final String GENESIS = "sha256:" + "0".repeat(64);
    private static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.UTF_8);
    private static final JsonFactory JSON = new JsonFactory();

    private final byte[] line;

    private LogRecord(byte[] line) {
        this.line = line;
    }

    /** Wraps a line read from the log (without its newline); parsing is lazy. */
    public static LogRecord of(byte[] line) {
        return new LogRecord(line);
    }

    /**
     * Who wrote a record and when, outside the decision: a fresh random decision id, the wall-clock instant (UTC,
     * milliseconds) and the operator as user@host.
     */
    public record Stamp(String id, String at, String operator) {
        public static Stamp now() {
            return new Stamp(java.util.UUID.randomUUID().toString(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                    Operator.NAME);
        }
    }

    /** user@host of this process, looked up once (the host from the kernel, never from DNS, which may hang). */
    private static final class Operator {
        static final String NAME = System.getProperty("user.name", "?") + "@" + host();

        private static String host() {
            try {
                String h = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
                if (!h.isEmpty()) return h;
            } catch (IOException | RuntimeException e) {
                // not Linux: the environment, then the JDK
            }
            String h = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
            if (h != null && !h.isBlank()) return h.trim();
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "?";
            }
        }
    }

    public static LogRecord decision(long seq, String prev, String ruleSet, String input, String engine, String source,
                                     byte[] canonicalCase, byte[] decision) {
        return decision(seq, prev, Stamp.now(), ruleSet, input, engine, source, canonicalCase, decision);
    }

    public static LogRecord decision(long seq, String prev, Stamp stamp, String ruleSet, String input, String engine, String source,
                                     byte[] canonicalCase, byte[] decision) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(canonicalCase.length + decision.length + 640);
        write(b, "{\"seq\":" + seq + ",\"prev\":\"" + prev + "\",\"ruleSet\":\"" + ruleSet + "\",\"input\":\"" + input
                + "\",\"id\":" + quote(stamp.id()) + ",\"at\":" + quote(stamp.at()) + ",\"operator\":" + quote(stamp.operator())
                + ",\"engine\":" + quote(engine) + ",\"source\":" + quote(source) + ",\"case\":");
        b.writeBytes(canonicalCase);
        write(b, ",\"decision\":");
        b.writeBytes(decision);
        return seal(b);
    }

    public static LogRecord repair(long seq, String prev, long offset, byte[] torn, String savedAs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        write(b, "{\"seq\":" + seq + ",\"prev\":\"" + prev + "\",\"repair\":{\"offset\":" + offset + ",\"bytes\":" + torn.length
                + ",\"sha256\":\"" + Sha256.of(torn, 0, torn.length) + "\",\"savedAs\":" + quote(savedAs) + "}");
        return seal(b);
    }

    private static LogRecord seal(ByteArrayOutputStream b) {
        byte[] body = b.toByteArray();
        String hash = Sha256.of(body, 0, body.length);
        write(b, ",\"hash\":\"" + hash + "\"}");
        return new LogRecord(b.toByteArray());
    }

    public byte[] line() {
        return line;
    }

    /** The hash the record claims, or null if the line has no hash field (a torn or foreign line). */
    public String claimedHash() {
        int at = hashFieldAt();
        if (at < 0 || line.length < at + HASH_FIELD.length + 2) return null;
        return new String(line, at + HASH_FIELD.length, line.length - at - HASH_FIELD.length - 2, StandardCharsets.UTF_8);
    }

    /** The hash of the record's bytes before its hash field, or null if it has none. */
    public String actualHash() {
        int at = hashFieldAt();
        return at < 0 ? null : Sha256.of(line, 0, at);
    }

    private int hashFieldAt() {
        outer:
        for (int i = line.length - HASH_FIELD.length; i >= 0; i--) {
            for (int j = 0; j < HASH_FIELD.length; j++) if (line[i + j] != HASH_FIELD[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** The fields of the record, read without building the case or decision trees. */
    public Fields fields() throws IOException {
        long seq = -1;
        String prev = null, ruleSet = null, input = null, engine = null, source = null, id = null, at = null, operator = null;
        int caseFrom = -1, caseTo = -1, decisionFrom = -1, decisionTo = -1;
        boolean repair = false;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("记录不是 JSON 对象");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "seq" -> seq = p.getLongValue();
                    case "prev" -> prev = p.getText();
                    case "ruleSet" -> ruleSet = p.getText();
                    case "input" -> input = p.getText();
                    case "engine" -> engine = p.getText();
                    case "source" -> source = p.getText();
                    case "id" -> id = p.getText();
                    case "at" -> at = p.getText();
                    case "operator" -> operator = p.getText();
                    case "case", "decision" -> {
                        int from = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int to = (int) p.currentLocation().getByteOffset();
                        if (name.equals("case")) {
                            caseFrom = from;
                            caseTo = to;
                        } else {
                            decisionFrom = from;
                            decisionTo = to;
                        }
                    }
                    case "repair" -> {
                        repair = true;
                        p.skipChildren();
                    }
                    default -> {
                        if (t.isStructStart()) p.skipChildren();
                    }
                }
            }
        }
        return new Fields(seq, prev, ruleSet, input, engine, source, repair,
                caseFrom < 0 ? null : Arrays.copyOfRange(line, caseFrom, caseTo),
                decisionFrom < 0 ? null : Arrays.copyOfRange(line, decisionFrom, decisionTo),
                id == null && at == null && operator == null ? null : new Stamp(id, at, operator));
    }

    /**
     * @param caseJson the case as canonical JSON bytes; @param decision the decision as output; @param stamp who
     * wrote it and when (null in records written before stamps, and in repair records)
     */
    public record Fields(long seq, String prev, String ruleSet, String input, String engine, String source,
                         boolean repair, byte[] caseJson, byte[] decision, Stamp stamp) {
    }

    /** What the chain needs of a record: its seq, the previous hash it names, and its rule set (null if none). */
    public record Link(long seq, String prev, String ruleSet) {
    }

    private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREV = ",\"prev\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RULE_SET = "\",\"ruleSet\":\"".getBytes(StandardCharsets.UTF_8);
    private static final int HASH_TEXT = GENESIS.length();

    /**
     * The record's link, read from the fixed prefix every writer produces ({"seq":N,"prev":"sha256:…","ruleSet":…)
     * without tokenising the case and decision — what makes verifying half a million records fast; any other
     * shape falls back to the parser. Null if the line is not a record.
     */
    public Link link() {
        int i = startsWith(0, SEQ) ? SEQ.length : -1;
        long seq = 0;
        int digits = 0;
        while (i >= 0 && i < line.length && line[i] >= '0' && line[i] <= '9' && digits < 18) {
            seq = seq * 10 + (line[i++] - '0');
            digits++;
        }
        if (i > 0 && digits > 0 && startsWith(i, PREV) && line.length > i + PREV.length + HASH_TEXT) {
            int p = i + PREV.length;
            String prev = new String(line, p, HASH_TEXT, StandardCharsets.ISO_8859_1);
            int r = p + HASH_TEXT;
            String ruleSet = startsWith(r, RULE_SET) && line.length > r + RULE_SET.length + HASH_TEXT
                    ? new String(line, r + RULE_SET.length, HASH_TEXT, StandardCharsets.UTF_8) : null;
            if (line[r] == '"' && prev.startsWith("sha256:") && (ruleSet != null || line[r + 1] == ',')) return new Link(seq, prev, ruleSet);
        }
        try {
            Fields f = fields();
            return f.seq() < 1 || f.prev() == null ? null : new Link(f.seq(), f.prev(), f.ruleSet());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean startsWith(int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > line.length) return false;
        for (int j = 0; j < prefix.length; j++) if (line[at + j] != prefix[j]) return false;
        return true;
    }

    private static void write(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
