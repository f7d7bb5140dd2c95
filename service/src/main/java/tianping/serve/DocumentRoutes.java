package tianping.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tianping.audit.LogRecord;
import tianping.audit.StoredRecords;
import tianping.cli.ServiceEngine;
import tianping.document.DocumentException;
import tianping.document.DocumentFormat;
import tianping.document.DocumentKind;
import tianping.document.Documents;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The 决定书 drafts over HTTP: {@code GET /v1/decisions/{id}/document?kind=处罚&format=docx} drafts from a recorded
 * decision (its case and decision as recorded); {@code POST /v1/document?kind=…&format=…} takes a case, decides and
 * records it as {@code /v1/check} does (a decision is never given out unrecorded), and answers with the draft.
 * A kind that does not fit the decision is a 422 with the Chinese reason. Kept apart from {@link Api}, which only
 * routes here.
 */
final class DocumentRoutes {

    /** Records a decided case; returns its seq. */
    interface Recorder {
        long record(ServiceEngine.Result r) throws Api.ApiError;
    }

    private final DecisionStore store;

    DocumentRoutes(DecisionStore store) {
        this.store = store;
    }

    int fromRecord(String id, Request request, Response response, Callback callback) throws Exception {
        Fields q = Request.extractQueryParameters(request);
        DocumentKind kind = kind(q);
        DocumentFormat format = format(q);
        byte[] line = recordOf(store, id).orElseThrow(() -> new Api.ApiError(404, "not_found",
                StoredRecords.isSeq(id) ? "没有第 " + id + " 条决定记录" : "没有案件 " + id + " 的决定记录"));
        LogRecord.Fields f = LogRecord.of(line).fields();
        if (f.decision() == null) throw new Api.ApiError(409, "not_a_decision", "第 " + id + " 条是修复记录，不含决定");
        response.getHeaders().put(Api.SEQ_HEADER, String.valueOf(f.seq()));
        return draft(kind, format, Documents.tree(f.caseJson()), Documents.tree(f.decision()), response, callback);
    }

    /** @param r the case sent, decided as /v1/check decides it (not yet recorded) */
    int fromCase(ServiceEngine.Result r, Recorder recorder, Request request, Response response, Callback callback) throws Exception {
        Fields q = Request.extractQueryParameters(request);
        DocumentKind kind = kind(q);
        DocumentFormat format = format(q);
        switch (r.kind()) {
            case DECIDED -> {
                // the draft is checked before the decision is recorded: a kind that does not fit records nothing
                JsonNode caseTree = Documents.tree(r.caseFile().canonicalInput().getBytes(StandardCharsets.UTF_8));
                JsonNode decision = Documents.tree(r.decisionJson());
                try {
                    Documents.draft(kind, caseTree, decision);
                } catch (DocumentException e) {
                    throw new Api.ApiError(422, "document_kind_mismatch", e.getMessage());
                }
                response.getHeaders().put(Api.SEQ_HEADER, String.valueOf(recorder.record(r)));
                return draft(kind, format, caseTree, decision, response, callback);
            }
            case NO_VIOLATION -> throw new Api.ApiError(422, "no_violation", "未发现违法事实，没有可制作文书的决定");
            case REJECTED -> throw new Api.ApiError(422, "case_rejected", "案件被拒：" + r.errors().size() + " 处输入错误："
                    + String.join("；", r.errors().stream().map(e -> e.path() + "：" + e.message()).toList()));
            default -> throw new Api.ApiError(500, "internal_error", "内部错误：" + r.internal());
        }
    }

    private static int draft(DocumentKind kind, DocumentFormat format, JsonNode caseTree, JsonNode decision, Response response,
                             Callback callback) throws Api.ApiError {
        byte[] body;
        try {
            body = Documents.render(kind, format, caseTree, decision);
        } catch (DocumentException e) {
            throw new Api.ApiError(422, "document_kind_mismatch", e.getMessage());
        }
        String name = Documents.fileName(kind, format, decision.path("caseId").asText(null));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put("Content-Disposition", (format == DocumentFormat.HTML ? "inline" : "attachment")
                + "; filename=\"document." + format.extension() + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.write(true, ByteBuffer.wrap(body), callback);
        return 200;
    }

    private static DocumentKind kind(Fields q) throws Api.ApiError {
        try {
            return DocumentKind.of(q.getValue("kind"));
        } catch (DocumentException e) {
            throw new Api.ApiError(400, "bad_request", "参数 kind：" + e.getMessage());
        }
    }

    private static DocumentFormat format(Fields q) throws Api.ApiError {
        String f = q.getValue("format");
        try {
            return f == null || f.isBlank() ? DocumentFormat.DOCX : DocumentFormat.of(f);
        } catch (DocumentException e) {
            throw new Api.ApiError(400, "bad_request", "参数 format：" + e.getMessage());
        }
    }

    /** A record by seq, or the last decision record of a case id. */
    static Optional<byte[]> recordOf(DecisionStore store, String id) throws IOException {
        if (StoredRecords.isSeq(id)) return store.record(Long.parseLong(id));
        long after = 0, last = -1;
        while (true) {
            List<DecisionStore.Summary> page = store.query(new DecisionStore.Query(id, null, null, null, null, after, 1000));
            if (page.isEmpty()) break;
            last = page.get(page.size() - 1).seq();
            if (page.size() < 1000) break;
            after = last;
        }
        return last < 0 ? Optional.empty() : store.record(last);
    }
}
