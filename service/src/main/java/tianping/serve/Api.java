package tianping.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tianping.audit.LogRecord;
import tianping.audit.Replayer;
import tianping.cli.Json;
import tianping.cli.ServiceEngine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP API: routes each request, checks its token, bounds its size, and answers in JSON with
 * {@code {code, message, path}} errors. Every response names the rule set it was decided or served with
 * ({@value #RULESET_HEADER}).
 */
final class Api extends Handler.Abstract {

    static final String RULESET_HEADER = "X-Tianping-RuleSet";
    static final String SEQ_HEADER = "X-Tianping-Decision-Seq";
    static final String SOURCE_HEADER = "X-Tianping-Source";
    static final int MAX_CASE_BYTES = 4 << 20;
    static final long MAX_BATCH_LINES = 1_000_000;
    /** How much of a refused request's body is still read (and dropped) so that the client reads the refusal. */
    static final long DISCARDED_BYTES = 16L << 20;
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final LiveRuleSet rules;
    private final DecisionStore store;
    private final byte[] token;
    private final boolean openReads;
    private final Metrics metrics;
    private final Path emptyDir;
    private final byte[] openApi;
    private final PageRoutes pages = new PageRoutes();
    private final DocumentRoutes documents;
    /** USCC → the enterprise's decision records, filled into each case's history; null when off. */
    private final java.util.function.Function<String, List<LogRecord>> history;

    /** A failure to answer with an error body and status. */
    static final class ApiError extends Exception {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    Api(LiveRuleSet rules, DecisionStore store, String token, boolean openReads, Metrics metrics,
        boolean historyFromStore) throws IOException {
        this.history = historyFromStore ? uscc -> StoreHistory.of(store, uscc) : null;
        this.rules = rules;
        this.store = store;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.openReads = openReads;
        this.metrics = metrics;
        // data files a case names resolve here: an empty directory, so a request never reads the server's files
        this.documents = new DocumentRoutes(store);
        this.emptyDir = Files.createTempDirectory("tianping-serve-");
        emptyDir.toFile().deleteOnExit();
        try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
            this.openApi = in == null ? null : in.readAllBytes();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        ServiceEngine engine = rules.engine();
        response.getHeaders().put(RULESET_HEADER, engine.ruleSet().fingerprint());
        String route = route(method, path);
        int status;
        try {
            status = dispatch(route, method, path, request, response, callback, engine);
        } catch (ApiError e) {
            status = e.status;
            discardBody(request, response);
            error(response, callback, e.status, e.code, e.getMessage(), path);
        } catch (Exception e) {
            status = 500;
            error(response, callback, 500, "internal_error", "内部错误：" + e, path);
        }
        metrics.request(route, status, System.nanoTime() - start);
        return true;
    }

    /** The route pattern a request matches, for metrics ("other" when none). */
    static String route(String method, String path) {
        if (PageRoutes.handles(path)) return method + " /pages";
        if (path.equals("/v1/check") || path.equals("/v1/batch") || path.equals("/v1/series") || path.equals("/v1/decisions") || path.equals("/health")
                || path.equals("/metrics") || path.equals("/openapi.json")) return method + " " + path;
        if (path.matches("/v1/decisions/[^/]+")) return method + " /v1/decisions/{id}";
        if (path.matches("/v1/decisions/[^/]+/replay")) return method + " /v1/decisions/{id}/replay";
        if (path.matches("/v1/decisions/[^/]+/document")) return method + " /v1/decisions/{id}/document";
        if (path.equals("/v1/document")) return method + " /v1/document";
        if (path.matches("/v1/rulesets/[^/]+")) return method + " /v1/rulesets/{fingerprint}";
        if (path.matches("/v1/enterprises/[^/]+/history")) return method + " /v1/enterprises/{uscc}/history";
        return "other";
    }

    private int dispatch(String route, String method, String path, Request request, Response response, Callback callback,
                         ServiceEngine engine) throws Exception {
        String[] parts = path.split("/");
        switch (route) {
            case "GET /health" -> {
                return json(response, callback, 200, health(engine));
            }
            case "GET /pages" -> {
                PageRoutes.Page page = pages.page(path);
                if (page == null) throw new ApiError(404, "not_found", "没有这个页面");
                return send(response, callback, 200, page.type(), page.body());
            }
            case "POST /v1/series" -> {
                authorize(request, false); // derives and shows, writes nothing
                return series(request, response, callback, engine);
            }
            case "GET /openapi.json" -> {
                if (openApi == null) throw new ApiError(404, "not_found", "没有 OpenAPI 文档");
                return send(response, callback, 200, JSON_TYPE, openApi);
            }
            case "GET /metrics" -> {
                authorize(request, false);
                return send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.render(engine.ruleSet().fingerprint(), rules.reloads(), rules.failure() != null).getBytes(StandardCharsets.UTF_8));
            }
            case "POST /v1/check" -> {
                authorize(request, true);
                return check(request, response, callback, engine);
            }
            case "POST /v1/batch" -> {
                authorize(request, true);
                return batch(request, response, callback, engine);
            }
            case "GET /v1/decisions" -> {
                authorize(request, false);
                return decisions(request, response, callback);
            }
            case "GET /v1/decisions/{id}" -> {
                authorize(request, false);
                return decision(seqOf(parts[3]), response, callback);
            }
            case "POST /v1/decisions/{id}/replay" -> {
                authorize(request, true);
                return replay(seqOf(parts[3]), response, callback, engine);
            }
            case "GET /v1/decisions/{id}/document" -> {
                authorize(request, false);
                return documents.fromRecord(parts[3], request, response, callback);
            }
            case "POST /v1/document" -> {
                authorize(request, true);
                return documents.fromCase(engine.decide(sourceOf(request), body(request, MAX_CASE_BYTES), emptyDir, history), this::record,
                        request, response, callback);
            }
            case "GET /v1/rulesets/{fingerprint}" -> {
                authorize(request, false);
                return ruleSet(parts[3], response, callback, engine);
            }
            case "GET /v1/enterprises/{uscc}/history" -> {
                authorize(request, false);
                return history(parts[3], response, callback);
            }
            default -> {
                boolean known = !route.equals("other") || path.matches("/v1/(check|batch|series|document|decisions.*|rulesets/.*|enterprises/.*)|/health|/metrics|/openapi.json|/|/pages.*");
                if (known) throw new ApiError(405, "method_not_allowed", "不支持的方法 " + method);
                throw new ApiError(404, "not_found", "没有这个地址");
            }
        }
    }

    // ---- authorization and limits ----

    private void authorize(Request request, boolean write) throws ApiError {
        if (!write && openReads) return;
        if (token == null) throw new ApiError(403, "forbidden", "服务未配置令牌（--token-file），不接受" + (write ? "写入" : "读取"));
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || !h.startsWith("Bearer ")) throw new ApiError(401, "unauthorized", "缺少令牌：请在 Authorization 头中给出 Bearer 令牌");
        if (!MessageDigest.isEqual(h.substring(7).trim().getBytes(StandardCharsets.UTF_8), token)) {
            throw new ApiError(401, "unauthorized", "令牌不正确");
        }
    }

    /**
     * Reads and drops what is left of a refused request's body (up to {@link #DISCARDED_BYTES}) before the refusal is
     * sent: a client still sending it when the connection closes with its data unread gets the connection reset by the
     * kernel and never reads the 413 or 401. A larger remainder is not read: the refusal goes out with
     * {@code Connection: close}.
     */
    private static void discardBody(Request request, Response response) {
        long declared = request.getLength();
        if (declared > DISCARDED_BYTES) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return;
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] sink = new byte[1 << 16];
            long left = DISCARDED_BYTES;
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) left -= n;
            if (left <= 0) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        } catch (IOException | RuntimeException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the client went away or sent garbage: nothing to keep
        }
    }

    private static byte[] body(Request request, int max) throws IOException, ApiError {
        long declared = request.getLength();
        if (declared > max) throw new ApiError(413, "payload_too_large", "请求体 " + declared + " 字节，超过上限 " + max + " 字节");
        try (InputStream in = Request.asInputStream(request)) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) throw new ApiError(413, "payload_too_large", "请求体超过上限 " + max + " 字节");
            return b;
        }
    }

    private static long seqOf(String id) throws ApiError {
        try {
            long seq = Long.parseLong(id);
            if (seq >= 1) return seq;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ApiError(400, "bad_request", "决定编号应为正整数（决定记录的序号），实际为 \"" + id + "\"");
    }

    // ---- deciding ----

    private int check(Request request, Response response, Callback callback, ServiceEngine engine) throws Exception {
        if (MultipartCheck.is(request)) {
            ServiceEngine.Result r;
            // the request's folder is removed before the answer goes out: a client that has its answer finds it gone
            try (MultipartCheck m = MultipartCheck.read(request)) {
                String source = request.getHeaders().get(SOURCE_HEADER) == null ? m.source() : sourceOf(request);
                r = engine.decideWithData(source, m.caseJson(), m.data(), history);
            }
            return answer(r, request, response, callback);
        }
        byte[] body = body(request, MAX_CASE_BYTES);
        return answer(engine.decide(sourceOf(request), body, emptyDir, history), request, response, callback);
    }

    private int series(Request request, Response response, Callback callback, ServiceEngine engine) throws Exception {
        try {
            if (MultipartCheck.is(request)) {
                ObjectNode series;
                try (MultipartCheck m = MultipartCheck.read(request)) {
                    series = SeriesRoutes.series(engine, m.source(), m.caseJson(), m.data());
                }
                return json(response, callback, 200, series);
            }
            return json(response, callback, 200, SeriesRoutes.series(engine, sourceOf(request), body(request, MAX_CASE_BYTES),
                    new tianping.read.ConfinedFiles(emptyDir, null, MultipartCheck.MAX_FILE_BYTES)));
        } catch (tianping.read.CaseRejected e) {
            return json(response, callback, 422, rejection(e.errors(), Request.getPathInContext(request)));
        }
    }

    private static ObjectNode rejection(List<tianping.read.CaseError> errors, String path) {
        ObjectNode e = errorNode("case_rejected", "案件被拒：" + errors.size() + " 处输入错误", path);
        ArrayNode list = e.putArray("errors");
        errors.forEach(ce -> list.addObject().put("file", ce.file()).put("path", ce.path()).put("code", ce.code()).put("message", ce.message()));
        return e;
    }

    private int answer(ServiceEngine.Result r, Request request, Response response, Callback callback) throws ApiError {
        switch (r.kind()) {
            case DECIDED -> {
                long seq = record(r);
                response.getHeaders().put(SEQ_HEADER, String.valueOf(seq));
                return send(response, callback, 200, JSON_TYPE, ServiceEngine.checkJson(r));
            }
            case NO_VIOLATION -> {
                metrics.decision("no_violation");
                return send(response, callback, 200, JSON_TYPE, ServiceEngine.checkJson(r));
            }
            case REJECTED -> {
                metrics.decision("rejected");
                return json(response, callback, 422, rejection(r.errors(), Request.getPathInContext(request)));
            }
            default -> throw new ApiError(500, "internal_error", "内部错误：" + r.internal());
        }
    }

    /** Records a decided case in the store; a store that cannot write fails the request (the decision is not given out unrecorded). */
    private long record(ServiceEngine.Result r) throws ApiError {
        try {
            long seq = store.append(r.caseFile(), r.decision(), r.source(), r.decisionJson());
            metrics.decision(DecisionStore.topOutcome(r.decision().outcome()));
            return seq;
        } catch (IOException | RuntimeException e) {
            throw new ApiError(503, "store_unavailable", "决定未能记录（" + store.describe() + "）：" + e.getMessage());
        }
    }

    private static String sourceOf(Request request) {
        String s = request.getHeaders().get(SOURCE_HEADER);
        return s == null || s.isBlank() ? "request" : s;
    }

    /**
     * JSON Lines in, JSON Lines out, one output line per input line as {@code batch} writes it, each written (and
     * its decision recorded) before the next line is read: the response streams, memory stays bounded.
     */
    private int batch(Request request, Response response, Callback callback, ServiceEngine engine) throws Exception {
        String source = sourceOf(request);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson; charset=utf-8");
        try (InputStream in = Request.asInputStream(request);
             OutputStream out = Content.Sink.asOutputStream(response)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 14);
            byte[] buf = new byte[1 << 16];
            long lineNo = 0;
            int n;
            boolean over = false;
            outer:
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') {
                        if (line.size() >= MAX_CASE_BYTES) {
                            over = true;
                            break outer;
                        }
                        line.write(buf[i]);
                        continue;
                    }
                    lineNo++;
                    if (lineNo > MAX_BATCH_LINES) {
                        over = true;
                        break outer;
                    }
                    batchLine(engine, source + ":" + lineNo, line.toByteArray(), out);
                    line.reset();
                }
            }
            if (over) {
                out.write(Json.bytes(Map.of("source", source + ":" + (lineNo + 1), "status", "error", "errors",
                        List.of(Map.of("path", "$", "code", "payload_too_large", "message",
                                "一行超过 " + MAX_CASE_BYTES + " 字节或超过 " + MAX_BATCH_LINES + " 行：其后的输入未读取")))));
                out.write('\n');
            } else if (line.size() > 0) {
                batchLine(engine, source + ":" + (lineNo + 1), line.toByteArray(), out);
            }
        }
        callback.succeeded();
        return 200;
    }

    private void batchLine(ServiceEngine engine, String source, byte[] json, OutputStream out) throws IOException {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) return; // batch skips blank lines (and counts them in lineNo)
        ServiceEngine.Result r = engine.decide(source, json, emptyDir, history);
        if (r.kind() == ServiceEngine.Kind.DECIDED) {
            try {
                store.append(r.caseFile(), r.decision(), r.source(), r.decisionJson());
                metrics.decision(DecisionStore.topOutcome(r.decision().outcome()));
            } catch (IOException | RuntimeException e) {
                out.write(Json.bytes(Map.of("source", source, "status", "error", "errors", List.of(Map.of("path", "$",
                        "code", "store_unavailable", "message", "决定未能记录：" + e.getMessage())))));
                out.write('\n');
                return;
            }
        } else {
            metrics.decision(r.kind() == ServiceEngine.Kind.NO_VIOLATION ? "no_violation" : "rejected");
        }
        out.write(ServiceEngine.batchLine(r));
        out.write('\n');
    }

    // ---- reading the store ----

    private int decisions(Request request, Response response, Callback callback) throws Exception {
        Fields q = Request.extractQueryParameters(request);
        int limit = intParam(q, "limit", 50, 1, 1000);
        long after = intParam(q, "after", 0, 0, Integer.MAX_VALUE);
        DecisionStore.Query query = new DecisionStore.Query(blank(q.getValue("caseId")), blank(q.getValue("uscc")),
                dateParam(q, "from"), dateParam(q, "to"), blank(q.getValue("outcome")), after, limit + 1);
        List<DecisionStore.Summary> page = new ArrayList<>(store.query(query));
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("decisions", Json.MAPPER.valueToTree(page));
        if (more) o.put("next", "/v1/decisions?" + next(q, page.get(page.size() - 1).seq()));
        else o.putNull("next");
        return json(response, callback, 200, o);
    }

    private static String next(Fields q, long afterSeq) {
        StringBuilder b = new StringBuilder();
        for (Fields.Field f : q) {
            if (f.getName().equals("after")) continue;
            b.append(java.net.URLEncoder.encode(f.getName(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).append('&');
        }
        return b.append("after=").append(afterSeq).toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int intParam(Fields q, String name, int dflt, int min, int max) throws ApiError {
        String v = q.getValue(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) return i;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ApiError(400, "bad_request", "参数 " + name + " 应为 " + min + "–" + max + " 的整数，实际为 \"" + v + "\"");
    }

    private static LocalDate dateParam(Fields q, String name) throws ApiError {
        String v = q.getValue(name);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "bad_request", "参数 " + name + " 应为日期 YYYY-MM-DD，实际为 \"" + v + "\"");
        }
    }

    /** One record verbatim, with the verify status of its own hash and of its links to its neighbours. */
    private int decision(long seq, Response response, Callback callback) throws Exception {
        byte[] line = store.record(seq).orElseThrow(() -> new ApiError(404, "not_found", "没有第 " + seq + " 条决定记录"));
        LogRecord r = LogRecord.of(line);
        LogRecord.Fields f = r.fields();
        ObjectNode verify = Json.MAPPER.createObjectNode();
        boolean hashOk = r.claimedHash() != null && r.claimedHash().equals(r.actualHash());
        verify.put("hash", hashOk ? "一致" : "不符");
        String prevHash = seq == 1 ? LogRecord.GENESIS : store.record(seq - 1).map(b -> LogRecord.of(b).claimedHash()).orElse(null);
        verify.put("prev", prevHash == null ? "前一条缺失" : prevHash.equals(f.prev()) ? "一致" : "断开");
        Optional<byte[]> nextLine = store.record(seq + 1);
        verify.put("next", nextLine.isEmpty() ? "末条" : r.claimedHash() != null && r.claimedHash().equals(LogRecord.of(nextLine.get()).fields().prev()) ? "一致" : "断开");
        verify.put("ok", hashOk && "一致".equals(verify.get("prev").asText()) && !"断开".equals(verify.get("next").asText()));
        ByteArrayOutputStream b = new ByteArrayOutputStream(line.length + 256);
        b.writeBytes(("{\"seq\":" + seq + ",\"verify\":" + Json.write(verify) + ",\"record\":").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(line);
        b.write('}');
        return send(response, callback, 200, JSON_TYPE, b.toByteArray());
    }

    /**
     * Re-decides one record with the rule set it names, by the log's own replayer, over a one-record copy; a rule
     * set that is not the one serving is compiled from the store's own snapshot (the log's folder, or the database),
     * checked against its fingerprint first.
     */
    private int replay(long seq, Response response, Callback callback, ServiceEngine engine) throws Exception {
        byte[] line = store.record(seq).orElseThrow(() -> new ApiError(404, "not_found", "没有第 " + seq + " 条决定记录"));
        Path tmp = Files.createTempDirectory("tianping-replay-");
        try {
            Files.write(tmp.resolve(tianping.audit.DecisionLog.FILE), concat(line, new byte[]{'\n'}));
            List<Replayer.Outcome> outcomes = new ArrayList<>();
            new Replayer(tmp, store.snapshots(), engine.ruleSet(), 1, tianping.trust.TrustedKeys.NONE).replay(outcomes::add);
            if (outcomes.isEmpty()) throw new ApiError(409, "not_a_decision", "第 " + seq + " 条是修复记录，不含决定");
            return json(response, callback, 200, Json.MAPPER.valueToTree(outcomes.get(0)));
        } finally {
            try (var walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private int ruleSet(String fingerprint, Response response, Callback callback, ServiceEngine engine) throws Exception {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("fingerprint", fingerprint);
        var rs = engine.ruleSet();
        if (fingerprint.equals(rs.fingerprint())) {
            o.put("serving", true);
            o.put("origin", rs.origin());
            o.put("rules", rs.ruleCount());
            o.put("engine", tianping.engine.EngineVersion.FULL);
            o.set("files", Json.MAPPER.valueToTree(new ArrayList<>(rs.files().files().keySet())));
            return json(response, callback, 200, o);
        }
        if (!fingerprint.matches("sha256:[0-9a-f]{64}")) throw new ApiError(400, "bad_request", "规则集指纹应为 sha256:64 位十六进制");
        java.util.SortedMap<String, byte[]> snapshot;
        try {
            snapshot = store.snapshot(fingerprint).orElseThrow(() -> new ApiError(404, "not_found", "没有规则集 " + fingerprint + " 的快照"));
        } catch (tianping.law.RuleSetException e) {
            throw new ApiError(409, "snapshot_tampered", "规则集快照与其指纹不符：" + String.join("；", e.errors().stream().map(Object::toString).toList()));
        }
        byte[] engineVersion = snapshot.get(tianping.audit.SnapshotStore.ENGINE_FILE);
        o.put("serving", false);
        o.put("engine", engineVersion == null ? null : new String(engineVersion, StandardCharsets.UTF_8).trim());
        o.set("files", Json.MAPPER.valueToTree(snapshot.keySet().stream().filter(p -> !p.equals(tianping.audit.SnapshotStore.ENGINE_FILE)).toList()));
        return json(response, callback, 200, o);
    }

    private int history(String uscc, Response response, Callback callback) throws Exception {
        List<DecisionStore.Summary> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<DecisionStore.Summary> page = store.query(new DecisionStore.Query(null, uscc, null, null, null, after, 1000));
            all.addAll(page);
            if (page.size() < 1000) break;
            after = page.get(page.size() - 1).seq();
        }
        Map<String, Integer> byOutcome = new TreeMap<>();
        all.forEach(s -> byOutcome.merge(String.valueOf(s.outcome()), 1, Integer::sum));
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("uscc", uscc);
        o.put("decisions", all.size());
        o.set("byOutcome", Json.MAPPER.valueToTree(byOutcome));
        o.set("history", Json.MAPPER.valueToTree(all));
        return json(response, callback, 200, o);
    }

    private ObjectNode health(ServiceEngine engine) throws IOException {
        ObjectNode o = Json.MAPPER.createObjectNode();
        LiveRuleSet.Failure failure = rules.failure();
        o.put("status", failure == null ? "ok" : "degraded");
        o.put("ruleSet", engine.ruleSet().fingerprint());
        o.put("origin", engine.ruleSet().origin());
        if (rules.dir() != null) o.put("rulesDir", rules.dir().toString());
        o.put("reloads", rules.reloads());
        if (failure != null) {
            ObjectNode f = o.putObject("ruleSetLoadFailure");
            f.put("message", "规则目录中的新规则集无法加载，仍以原规则集服务");
            f.set("errors", Json.MAPPER.valueToTree(failure.errors()));
        }
        o.put("store", store.describe());
        var head = store.head();
        o.put("records", head.count());
        o.put("head", head.head());
        return o;
    }

    // ---- writing responses ----

    private static ObjectNode errorNode(String code, String message, String path) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("code", code);
        e.put("message", message);
        e.put("path", path);
        return e;
    }

    private static void error(Response response, Callback callback, int status, String code, String message, String path) {
        if (response.isCommitted()) {
            callback.failed(new IOException(message));
            return;
        }
        send(response, callback, status, JSON_TYPE, (Json.write(errorNode(code, message, path)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int json(Response response, Callback callback, int status, Object value) {
        return send(response, callback, status, JSON_TYPE, (Json.write(value) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return status;
    }
}
