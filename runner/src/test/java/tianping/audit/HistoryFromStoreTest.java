package tianping.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tianping.cli.Json;
import tianping.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * check --history-from-store: 廊坊's 一次帮扶、两次督导、三次严惩 counts the minor violations within the counting
 * period. An enterprise helped once (LF-01, 帮扶) and found again three months later is, by the ladder, at its
 * second minor violation: 督导 — when tianping's own record of the first is counted, and 帮扶 again when it is not.
 */
class HistoryFromStoreTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** LF-01's enterprise, the same kind of act three months later, corrected in time. */
    Path secondCase() throws Exception {
        ObjectNode c = (ObjectNode) Json.MAPPER.readTree(Path.of("../fixtures/cases/langfang/lf-1-assistance.json").toFile());
        c.put("caseId", "LF-01-B").put("decisionDate", "2024-09-20");
        ObjectNode f = (ObjectNode) c.get("findings").get(0);
        f.put("actDate", "2024-09-01").put("discoveredOn", "2024-09-03");
        f.putObject("correction").put("orderedOn", "2024-09-03").put("correctedOn", "2024-09-05");
        Path p = tmp.resolve("lf-01-b.json");
        Files.write(p, Json.MAPPER.writeValueAsBytes(c));
        return p;
    }

    @Test
    void aPriorDecisionIsCountedAndTheRecordReplaysWithoutTheStore() throws Exception {
        Path log = tmp.resolve("log");
        Path second = secondCase();
        JsonNode first = Json.MAPPER.readTree(run("check", "--json", "--log", log.toString(), "../fixtures/cases/langfang/lf-1-assistance.json").out());
        assertEquals("帮扶；教育", first.get("summary").asText());
        // without the store's history the ladder sees a first violation again
        JsonNode alone = Json.MAPPER.readTree(run("check", "--json", "--no-log", second.toString()).out());
        assertEquals("帮扶；教育", alone.get("summary").asText());
        assertFalse(alone.has("historySources"));

        Run filled = run("check", "--json", "--history-from-store", "--log", log.toString(), second.toString());
        assertEquals(0, filled.code(), filled.err());
        JsonNode d = Json.MAPPER.readTree(filled.out());
        assertEquals("督导；教育", d.get("summary").asText());
        assertEquals("LF-2", d.get("findings").get(0).get("disposition").get("rule").asText());
        String hash = LogRecord.of(Files.readAllLines(log.resolve(DecisionLog.FILE)).get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8)).claimedHash();
        assertEquals(List.of("T1-F1：决定记录 seq 1（案件 LF-01，帮扶） " + hash),
                Json.MAPPER.convertValue(d.get("historySources"), List.class));

        // the filled history is part of the recorded case: its input fingerprint differs from the file's, and
        // replay re-decides the record identically with no store to ask
        LogRecord.Fields rec = StoredRecords.find(log, "2").orElseThrow();
        JsonNode recordedCase = Json.MAPPER.readTree(rec.caseJson());
        JsonNode prior = recordedCase.get("history").get("findings").get(0);
        assertEquals("帮扶", prior.get("outcome").asText());
        assertEquals("2024-06-03", prior.get("discoveredOn").asText());
        assertEquals(1, prior.get("fromRecord").get("seq").asLong());
        assertTrue(!d.get("fingerprints").get("input").asText().equals(alone.get("fingerprints").get("input").asText()));
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        Files.write(copy.resolve(DecisionLog.FILE), Files.readAllBytes(log.resolve(DecisionLog.FILE)));
        Run replay = run("replay", "--log", copy.toString());
        assertEquals(0, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains("#2 " + second + "：一致"), replay.out());
        // show prints the same text as check, history sources included
        Run text = run("check", "--history-from-store", "--log", log.toString(), second.toString());
        assertTrue(text.out().contains("违法历史来源（部分取自天平的决定记录）：\n  T1-F1：决定记录 seq 1（案件 LF-01，帮扶）"), text.out());
        assertEquals(text.out(), run("show", "--log", log.toString(), "3").out());

        // the same case decided again counts its enterprise's other cases only, never itself
        JsonNode again = Json.MAPPER.readTree(run("check", "--json", "--history-from-store", "--log", log.toString(), second.toString()).out());
        assertEquals(1, again.get("historySources").size());
    }

    @Test
    void decisionsOnOrAfterTheCaseDateAndFactsThatDidNotStandAreNotHistory() throws Exception {
        assertEquals(null, HistoryFromStore.outcome("不予处罚（违法事实不能成立）"));
        assertEquals("不予处罚", HistoryFromStore.outcome("不予处罚（首违不罚）"));
        assertEquals("未处理", HistoryFromStore.outcome("不再处罚"));
        Path log = tmp.resolve("log2");
        Path second = secondCase();
        run("check", "--log", log.toString(), second.toString()); // decided 2024-09-20
        ObjectNode first = (ObjectNode) Json.MAPPER.readTree(Path.of("../fixtures/cases/langfang/lf-1-assistance.json").toFile());
        HistoryFromStore.Filled f = HistoryFromStore.fill(first, StoredRecords.ofEnterprise(log, "91001045MA00010454"));
        assertEquals(List.of(), f.priorFindings(), "a later decision is no history of an earlier case");
        assertFalse(first.has("history"), "nothing filled, nothing changed: the case keeps its own fingerprint");
        assertEquals(2, run("check", "--history-from-store", "--no-log", second.toString()).code(), "the history is read from the log");
    }
}
