package tianping.batch;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.engine.Decision;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a batch, one per output line: input = decided + no violation + rejected, with the most severe
 * outcome and warning of each decision and the code of each error, printed in Chinese for the officer.
 * Lines carried over from a resumed run are counted from their JSON, so the summary covers the whole batch.
 */
public final class Summary {

    private long total;
    private long decided;
    private long noViolation;
    private long rejected;
    private long internal;
    private long resumed;
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Long> warnings = new TreeMap<>();
    private final Map<String, Long> errorCodes = new TreeMap<>();

    /** Counts a line decided now. */
    public void add(OutputLine line, Decision d) {
        count(line.status());
        if (d != null) {
            decision(d.outcome().isEmpty() ? "无" : d.outcome().get(0), d.warning());
        } else if (line.decision() != null) {
            // a decision the killed run had logged but not written: its line is rebuilt from the log
            resumed++;
            try {
                decision(Lines.MAPPER.readTree(line.decision().bytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (line.errors() != null && countOf(line.status()) == Status.Count.REJECTED) {
            line.errors().forEach(e -> errorCodes.merge(e.code(), 1L, Long::sum));
        }
    }

    /** Counts a line written by an earlier run of a resumed batch, or rebuilt from the decision log. */
    public void addWritten(JsonNode line) {
        resumed++;
        String status = line.path("status").asText();
        count(status);
        JsonNode d = line.path("decision");
        if (d.isObject()) decision(d);
        if (countOf(status) == Status.Count.REJECTED) {
            for (JsonNode e : line.path("errors")) errorCodes.merge(e.path("code").asText(), 1L, Long::sum);
        }
    }

    private static Status.Count countOf(String status) {
        return Status.countOf(status);
    }

    private void count(String status) {
        total++;
        statuses.merge(status, 1L, Long::sum);
        switch (Status.countOf(status)) {
            case DECIDED -> decided++;
            case NO_VIOLATION -> noViolation++;
            case REJECTED -> {
                rejected++;
                if (status.equals(Status.ERROR)) internal++;
            }
        }
    }

    private void decision(JsonNode d) {
        decision(d.path("outcome").path(0).asText("无"), d.path("warning").isTextual() ? d.get("warning").asText() : null);
    }

    private void decision(String top, String warning) {
        outcomes.merge(top.replaceAll(" [\\d,]+ 元$", ""), 1L, Long::sum);
        warnings.merge(warning == null ? "无" : warning, 1L, Long::sum);
    }

    public long total() {
        return total;
    }

    public long decided() {
        return decided;
    }

    public long noViolation() {
        return noViolation;
    }

    public long rejected() {
        return rejected;
    }

    public long internal() {
        return internal;
    }

    /** Lines that an earlier run of a resumed batch had written or logged. */
    public long resumed() {
        return resumed;
    }

    /** Lines per status (decided, clean, clues, rejected, …). */
    public Map<String, Long> statuses() {
        return statuses;
    }

    /** 0 all decided or no violation, 1 some rejected, 4 some internal error (README's exit codes). */
    public int exitCode() {
        if (internal > 0) return 4;
        return rejected > 0 ? 1 : 0;
    }

    /** One progress line for long runs. */
    public void progress(PrintWriter err, double seconds) {
        err.printf("已处理 %,d 件（作出处理意见 %,d，未发现违法事实 %,d，拒绝 %,d），%,.0f 件/秒%n", total, decided, noViolation,
                rejected, total / Math.max(seconds, 1e-9));
        err.flush();
    }

    /** The summary: counts (input = decided + no violation + rejected), outcomes, warnings, rejection codes, time. */
    public void print(PrintWriter err, double seconds, Object out) {
        err.printf("共 %,d 件：作出处理意见 %,d 件，%s拒绝 %,d 件%s。结果见 %s%n", total, decided,
                noViolation > 0 ? "未发现违法事实 " + String.format("%,d", noViolation) + " 件，" : "", rejected,
                internal > 0 ? "（其中内部错误 " + internal + " 件）" : "", out);
        if (resumed > 0) err.printf("其中 %,d 件为续跑前已写出或已记入决定记录的结果，未重新决定%n", resumed);
        if (!outcomes.isEmpty()) err.println("最重处理结论：" + join(outcomes));
        if (!warnings.isEmpty()) err.println("预警：" + join(warnings));
        if (!errorCodes.isEmpty()) err.println("拒绝原因：" + join(errorCodes));
        err.printf("用时 %.2f 秒（%,.0f 件/秒）%n", seconds, total / Math.max(seconds, 1e-9));
        err.flush();
    }

    private static String join(Map<String, Long> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.isEmpty() ? "" : "；").append(k).append(" ").append(v));
        return b.toString();
    }
}
