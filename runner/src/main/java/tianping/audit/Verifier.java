package tianping.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a decision log's chain: every record's own hash, its sequence number and its link to the record before.
 * Each break is reported with its line and what it means (a record edited, deleted, inserted or reordered, a torn
 * last line); checking then resynchronises on the record found, so each further break is reported too. Given an
 * exported head (count and hash), a log cut short or rewritten at the end is found as well.
 */
public final class Verifier {

    /** One break in the chain, located. */
    public record Problem(long line, long seq, String kind, String message) {
        @Override
        public String toString() {
            return "第 " + line + " 行" + (seq > 0 ? "（#" + seq + "）" : "") + "：" + kind + "：" + message;
        }
    }

    /** An exported chain head: how many records the log had, and the hash of the last. */
    public record Head(long count, String head) {
    }

    public record Result(long records, String head, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Verifier() {
    }

    public static Result verify(Path logFile, Head expected) throws IOException {
        List<Problem> problems = new ArrayList<>();
        String prev = LogRecord.GENESIS;
        long expectedSeq = 1;
        long records = 0;
        String headAtExpected = null;
        try (LogLines lines = new LogLines(logFile)) {
            byte[] line;
            while ((line = lines.next()) != null) {
                long lineNo = lines.lineNo();
                if (lines.lastLineTorn()) {
                    problems.add(new Problem(lineNo, 0, "末行不完整", "最后一行没有换行结束（" + line.length + " 字节），写入被中断；下次写入时会移出并记入修复记录"));
                    break;
                }
                LogRecord r = LogRecord.of(line);
                String claimed = r.claimedHash();
                LogRecord.Fields f;
                try {
                    f = claimed == null ? null : r.fields();
                } catch (IOException e) {
                    f = null;
                }
                if (f == null || f.seq() < 1 || f.prev() == null) {
                    problems.add(new Problem(lineNo, 0, "无法识别", "不是决定记录（缺少 seq、prev 或 hash），可能被改动或插入了他物"));
                    continue;
                }
                records++;
                if (!claimed.equals(r.actualHash())) {
                    problems.add(new Problem(lineNo, f.seq(), "内容被改动", "记录内容与其自身哈希不符"));
                }
                if (f.seq() != expectedSeq) {
                    String what = f.seq() > expectedSeq ? "缺少第 " + expectedSeq + (f.seq() - 1 > expectedSeq ? "–" + (f.seq() - 1) : "") + " 条（被删除）"
                            : "序号 " + f.seq() + " 出现在第 " + expectedSeq + " 条的位置（被插入、重复或调换顺序）";
                    problems.add(new Problem(lineNo, f.seq(), "序号不连续", what));
                } else if (!f.prev().equals(prev)) {
                    problems.add(new Problem(lineNo, f.seq(), "链接断开", "所记前一条哈希与前一条记录不符（前一条被改动、替换或顺序被调换）"));
                }
                if (expected != null && f.seq() == expected.count()) headAtExpected = claimed;
                prev = claimed;
                expectedSeq = f.seq() + 1;
            }
        }
        if (expected != null) {
            if (expectedSeq - 1 < expected.count()) {
                problems.add(new Problem(records, 0, "末尾被截去", "导出的链头记有 " + expected.count() + " 条，日志只到第 " + (expectedSeq - 1) + " 条"));
            } else if (headAtExpected == null || !headAtExpected.equals(expected.head())) {
                problems.add(new Problem(records, expected.count(), "链头不符", "第 " + expected.count() + " 条记录的哈希与导出的链头 " + expected.head() + " 不符（末尾被改写）"));
            }
        }
        return new Result(records, prev, problems);
    }
}
