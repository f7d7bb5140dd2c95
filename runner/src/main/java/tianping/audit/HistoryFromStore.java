package tianping.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a case's {@code history.findings} with what tianping itself decided about the same enterprise before the
 * case's decision date, so that the ladders (一次帮扶两次督导三次严惩, 首违 within twelve months …) count those
 * decisions without an officer retyping them. Each entry added carries {@code fromRecord} (seq, case, hash) and the
 * case so filled is what gets decided and recorded: replay re-decides the recorded case and needs no store.
 *
 * <p>Taken: the last record of each other case of the enterprise decided strictly before this case's decision date
 * (a case decided again counts once, as decided last; this case's own earlier records never count). Each of its
 * findings becomes a prior finding with the outcome the decision reached — 罚款 / 按日连续处罚 with the amount,
 * 不予处罚 of every kind, 提醒, 帮扶, 督导; 不再处罚 (time-barred) as 未处理 — except those whose 违法事实不能成立.
 * A prior finding the case already brings (same violation, same discovery date) is not added twice.
 */
public final class HistoryFromStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** What was added: the seqs of the records used and the ids of the prior findings made from them. */
    public record Filled(List<Long> records, List<String> priorFindings) {
    }

    private HistoryFromStore() {
    }

    /** @param records the decision records of the case's enterprise, in seq order (any others are ignored) */
    public static Filled fill(ObjectNode caseTree, List<LogRecord> records) throws IOException {
        String uscc = caseTree.path("enterprise").path("uscc").asText(null);
        String caseId = caseTree.path("caseId").asText(null);
        LocalDate date = date(caseTree.path("decisionDate").asText(null));
        if (uscc == null || date == null) return new Filled(List.of(), List.of());
        Map<String, LogRecord> lastOfCase = new LinkedHashMap<>();
        Map<String, JsonNode[]> trees = new LinkedHashMap<>();
        for (LogRecord r : records) {
            LogRecord.Fields f = r.fields();
            if (f.repair() || f.caseJson() == null || f.decision() == null) continue;
            JsonNode c = JSON.readTree(f.caseJson());
            JsonNode d = JSON.readTree(f.decision());
            if (!uscc.equals(c.path("enterprise").path("uscc").asText())) continue;
            String id = c.path("caseId").asText();
            LocalDate decided = date(d.path("decisionDate").asText(null));
            if (id.equals(caseId) || decided == null || !decided.isBefore(date)) continue;
            lastOfCase.remove(id); // keeps insertion in seq order of the last record
            lastOfCase.put(id, r);
            trees.put(id, new JsonNode[]{c, d});
        }
        // built aside and attached only when something is added: a case with nothing to add keeps its fingerprint
        ArrayNode existing = caseTree.path("history").path("findings") instanceof ArrayNode a ? a : null;
        ArrayNode findings = existing != null ? existing : JSON.createArrayNode();
        List<Long> used = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, LogRecord> e : lastOfCase.entrySet()) {
            LogRecord.Fields f = e.getValue().fields();
            JsonNode c = trees.get(e.getKey())[0], d = trees.get(e.getKey())[1];
            boolean any = false;
            for (JsonNode fd : d.path("findings")) {
                String outcome = outcome(fd.path("disposition").path("kind").asText());
                if (outcome == null) continue;
                JsonNode cf = caseFinding(c, fd.path("id").asText());
                String violation = fd.path("violation").asText();
                String discovered = cf.path("discoveredOn").asText(fd.path("actDate").asText());
                if (alreadyThere(findings, violation, discovered)) continue;
                ObjectNode p = JSON.createObjectNode();
                String id = "T" + f.seq() + "-" + fd.path("id").asText();
                p.put("id", id);
                p.put("violation", violation);
                if (fd.hasNonNull("actDate")) p.put("actDate", fd.get("actDate").asText());
                p.put("discoveredOn", discovered);
                p.put("decisionDate", d.path("decisionDate").asText());
                p.put("outcome", outcome);
                JsonNode amount = fd.path("fine").isObject() ? fd.path("fine").path("amount") : fd.path("disposition").path("amount");
                if ((outcome.equals("罚款") || outcome.equals("按日连续处罚")) && amount.isNumber()) p.set("fine", amount);
                ArrayNode factors = JSON.createArrayNode();
                for (JsonNode x : cf.path("exceedances")) {
                    String factor = x.path("factor").asText();
                    boolean seen = false;
                    for (JsonNode y : factors) seen |= y.asText().equals(factor);
                    if (!factor.isEmpty() && !seen) factors.add(factor);
                }
                if (!factors.isEmpty()) p.set("factors", factors);
                if (cf.path("duringHeavyPollutionAlert").asBoolean(false)) p.put("duringHeavyPollutionAlert", true);
                ObjectNode from = p.putObject("fromRecord");
                from.put("seq", f.seq());
                from.put("caseId", e.getKey());
                from.put("hash", e.getValue().claimedHash());
                findings.add(p);
                added.add(id);
                any = true;
            }
            if (any) used.add(f.seq());
        }
        if (existing == null && !added.isEmpty()) {
            ObjectNode history = caseTree.path("history") instanceof ObjectNode h ? h : caseTree.putObject("history");
            history.set("findings", findings);
        }
        return new Filled(used, added);
    }

    /** The prior-finding outcome of a decided disposition, or null for one that is no prior violation. */
    static String outcome(String disposition) {
        if (disposition.contains("违法事实不能成立")) return null;
        if (disposition.startsWith("不予处罚")) return "不予处罚";
        return switch (disposition) {
            case "罚款", "按日连续处罚", "提醒", "帮扶", "督导" -> disposition;
            case "不再处罚" -> "未处理";
            default -> null;
        };
    }

    private static boolean alreadyThere(ArrayNode findings, String violation, String discovered) {
        for (JsonNode p : findings) {
            if (p.path("violation").asText().equals(violation) && p.path("discoveredOn").asText().equals(discovered)) return true;
        }
        return false;
    }

    private static JsonNode caseFinding(JsonNode c, String id) {
        for (JsonNode f : c.path("findings")) if (f.path("id").asText().equals(id)) return f;
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static LocalDate date(String s) {
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
