package tianping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;
import tianping.read.ConfinedFiles;
import tianping.read.NoViolationFound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's one seam onto the command line's way of deciding a case: it reads, decides and renders exactly as
 * {@code check --json} and one line of {@code batch} do, using their package-private renderers, so the service's
 * bytes are theirs. It lives in package {@code tianping.cli} for that reason only; when the shared pipeline
 * ({@code tianping.batch}) lands, this class is the one to switch over to it.
 */
public final class ServiceEngine {

    /** How reading and deciding one case ended. */
    public enum Kind { DECIDED, NO_VIOLATION, REJECTED, ERROR }

    /**
     * One case decided (or not). {@code caseFile}, {@code decision} and {@code decisionJson} are set when decided —
     * what the decision store records; {@code errors} when rejected.
     */
    public record Result(Kind kind, String source, String caseId, CaseFile caseFile, Decision decision, byte[] decisionJson,
                         List<CaseError> errors, NoViolationFound noViolation, String internal) {
    }

    private final RuleSet ruleSet;
    private final Decider decider;
    private final CaseReader reader;

    public ServiceEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.decider = new Decider(ruleSet);
        this.reader = new CaseReader(ruleSet.law().book());
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * Reads and decides one case sent in a request. Raw data sections (monitoring, power) name files that the
     * reader would resolve on this machine's disk; a request may not reach the server's files, so such a case is
     * rejected unless its data come with it ({@link #decideWithData}).
     */
    public Result decide(String source, byte[] json, Path baseDir) {
        return decide(source, json, ConfinedFiles.of(baseDir), false, null);
    }

    /**
     * As {@link #decide(String, byte[], Path)}, with the enterprise's earlier decisions ({@code history}: USCC →
     * its decision records, in seq order) filled into the case's history first, as {@code check
     * --history-from-store} does; null decides the case as sent.
     */
    public Result decide(String source, byte[] json, Path baseDir,
                         java.util.function.Function<String, List<tianping.audit.LogRecord>> history) {
        return decide(source, json, ConfinedFiles.of(baseDir), false, history);
    }

    /**
     * Reads and decides a case whose raw data came with it (a multipart request): its data files are confined to
     * {@code data}, the request's own folder, so the raw data sections are read like {@code check} reads them.
     */
    public Result decideWithData(String source, byte[] json, ConfinedFiles data,
                                 java.util.function.Function<String, List<tianping.audit.LogRecord>> history) {
        return decide(source, json, data, true, history);
    }

    private Result decide(String source, byte[] json, ConfinedFiles data, boolean rawAllowed,
                          java.util.function.Function<String, List<tianping.audit.LogRecord>> history) {
        String caseId = null;
        try {
            JsonNode tree = CaseReader.parse(source, json);
            if (history != null && tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                    && o.path("enterprise").path("uscc").isTextual()) {
                tianping.audit.HistoryFromStore.fill(o, history.apply(o.path("enterprise").path("uscc").asText()));
            }
            if (tree.path("caseId").isTextual()) caseId = tree.get("caseId").asText();
            List<CaseError> raw = rawAllowed ? List.of() : rawDataErrors(source, tree);
            if (!raw.isEmpty()) return new Result(Kind.REJECTED, source, caseId, null, null, null, raw, null, null);
            CaseFile c = reader.read(source, tree, data);
            Decision d = decider.decide(source, c);
            return new Result(Kind.DECIDED, source, d.caseId(), c, d, Json.bytes(d), null, null, null);
        } catch (NoViolationFound e) {
            return new Result(Kind.NO_VIOLATION, source, caseId, null, null, null, null, e, null);
        } catch (CaseRejected e) {
            return new Result(Kind.REJECTED, source, caseId, null, null, null, e.errors(), null, null);
        } catch (RuntimeException | java.io.IOException e) {
            return new Result(Kind.ERROR, source, caseId, null, null, null, null, null, String.valueOf(e.getMessage()));
        }
    }

    private static List<CaseError> rawDataErrors(String source, JsonNode tree) {
        java.util.ArrayList<CaseError> errors = new java.util.ArrayList<>();
        for (String section : List.of("monitoring", "power")) {
            if (!tree.has(section)) continue;
            boolean derived = false;
            for (JsonNode d : tree.path("derivedFrom")) derived |= d.path("section").asText().equals(section);
            if (!derived) {
                errors.add(new CaseError(source, "$." + section, "raw_data_not_accepted",
                        "服务不读取本机文件：含原始数据（" + section + "）的案件须连同数据以 multipart/form-data 上传（case 一部分，数据文件各一部分），或先在命令行推导"));
            }
        }
        return errors;
    }

    /** What {@code check --json} prints for a decided or no-violation result (null otherwise). */
    public static byte[] checkJson(Result r) {
        try {
            return switch (r.kind()) {
                // the decision was serialised once already (decisionJson, the bytes recorded): re-spaced, not re-serialised
                case DECIDED -> PrettyJsonBytes.of(r.decisionJson(), (byte) '\n');
                case NO_VIOLATION -> (Json.PRETTY.writeValueAsString(BatchCommand.noViolation(r.source(), null, r.noViolation())) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line {@code batch} writes for this result, without its newline. */
    public static byte[] batchLine(Result r) {
        return switch (r.kind()) {
            case DECIDED -> {
                ByteArrayOutputStream head = new ByteArrayOutputStream(r.decisionJson().length + 256);
                head.writeBytes(("{\"source\":" + Json.write(r.source()) + ",\"status\":\"decided\",\"caseId\":" + Json.write(r.caseId())
                        + ",\"decision\":").getBytes(StandardCharsets.UTF_8));
                head.writeBytes(r.decisionJson());
                head.write('}');
                yield head.toByteArray();
            }
            case NO_VIOLATION -> Json.bytes(BatchCommand.noViolation(r.source(), r.caseId(), r.noViolation()));
            case REJECTED -> Json.bytes(tianping.batch.OutputLine.rejected(r.source(), r.caseId(),
                    r.errors().stream().map(tianping.batch.BatchError::of).toList()));
            case ERROR -> Json.bytes(tianping.batch.OutputLine.internalError(r.source(), r.caseId(),
                    new IllegalStateException(r.internal())));
        };
    }

}
