package tianping.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finding decisions in a decision log ({@code DIR/decisions.jsonl}) without verifying it: one record by its
 * sequence number or case, or every record of an enterprise. (Verification is {@code log verify}'s; a reader
 * that wants a decision need not pay for it.)
 */
public final class StoredRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredRecords() {
    }

    /** Is this id a sequence number (all digits) rather than a case id? */
    public static boolean isSeq(String id) {
        return id != null && id.matches("[0-9]{1,18}");
    }

    /**
     * The decision record with this seq, or — when {@code id} is not all digits — the last decision record of that
     * case id (a case decided again is found as decided last).
     */
    public static Optional<LogRecord.Fields> find(Path logDir, String id) throws IOException {
        Path file = logDir.resolve(DecisionLog.FILE);
        if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
        boolean bySeq = isSeq(id);
        byte[] needle = ("\"caseId\":" + JSON.writeValueAsString(id)).getBytes(StandardCharsets.UTF_8);
        LogRecord.Fields found = null;
        try (LogLines lines = new LogLines(file)) {
            for (byte[] line; (line = lines.next()) != null; ) {
                if (!bySeq && !contains(line, needle)) continue;
                LogRecord.Fields f;
                try {
                    f = LogRecord.of(line).fields();
                } catch (IOException e) {
                    continue; // a torn or foreign line is log verify's to report
                }
                if (f.repair() || f.caseJson() == null) continue;
                if (bySeq ? f.seq() == Long.parseLong(id) : id.equals(caseId(f))) {
                    found = f;
                    if (bySeq) break;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every decision record of the enterprise with this USCC, in seq order. */
    public static List<LogRecord> ofEnterprise(Path logDir, String uscc) throws IOException {
        Path file = logDir.resolve(DecisionLog.FILE);
        List<LogRecord> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        byte[] needle = JSON.writeValueAsString(uscc).getBytes(StandardCharsets.UTF_8);
        try (LogLines lines = new LogLines(file)) {
            for (byte[] line; (line = lines.next()) != null; ) {
                if (!contains(line, needle)) continue;
                try {
                    LogRecord r = LogRecord.of(line);
                    LogRecord.Fields f = r.fields();
                    if (!f.repair() && f.caseJson() != null && uscc.equals(JSON.readTree(f.caseJson()).path("enterprise").path("uscc").asText())) out.add(r);
                } catch (IOException e) {
                    // a torn or foreign line holds no decision to learn from
                }
            }
        }
        return out;
    }

    /** The case id of a decision record. */
    public static String caseId(LogRecord.Fields f) throws IOException {
        JsonNode c = JSON.readTree(f.caseJson());
        return c.path("caseId").asText(null);
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
