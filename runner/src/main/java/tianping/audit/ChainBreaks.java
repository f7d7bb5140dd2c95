package tianping.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names what was done to a broken chain, from its records in file order. The records are linked again by the
 * hashes they name (a record's {@code prev} is its predecessor's {@code hash}), which survive every way of
 * tampering except rewriting the chain:
 * <ul>
 *   <li>a record whose bytes no longer give its own hash was <b>edited</b> (a flipped byte);</li>
 *   <li>a record with the hash of an earlier one is a <b>duplicate</b>;</li>
 *   <li>following the links from the start, where no record names the last one found, the chain resumes at the
 *       record that names a hash no record has: the seqs between were <b>deleted</b> (none between: the record
 *       before was <b>replaced</b>); a record the links never reach was <b>inserted</b> (or replaces a deleted
 *       one);</li>
 *   <li>records reached in chain order but standing elsewhere in the file were <b>swapped</b> (two trading places)
 *       or <b>shuffled</b>.</li>
 * </ul>
 */
final class ChainBreaks {

    private ChainBreaks() {
    }

    static List<Verifier.Problem> classify(List<Verifier.Entry> records) {
        List<Verifier.Problem> out = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        List<Verifier.Entry> distinct = new ArrayList<>();
        Map<Verifier.Entry, Integer> index = new HashMap<>();
        for (Verifier.Entry e : records) {
            if (!e.ok()) out.add(new Verifier.Problem(e.line(), e.seq(), "内容被改动", "第 " + e.seq() + " 条被修改：记录内容与其自身哈希不符"));
            Integer earlier = position.get(e.claimed());
            if (earlier != null && e.ok() && distinct.get(earlier).ok()) {
                out.add(new Verifier.Problem(e.line(), e.seq(), "重复", "第 " + e.seq() + " 条重复出现（与第 " + distinct.get(earlier).line() + " 行相同）"));
                continue;
            }
            if (earlier == null) position.put(e.claimed(), distinct.size());
            index.put(e, distinct.size());
            distinct.add(e);
        }
        Map<String, List<Verifier.Entry>> byPrev = new HashMap<>();
        for (Verifier.Entry e : distinct) byPrev.computeIfAbsent(e.prev(), k -> new ArrayList<>()).add(e);

        // follow the links; where they end, resume at an orphan (a record naming a hash no record has) further on
        List<Verifier.Entry> chain = new ArrayList<>();
        Set<Verifier.Entry> reached = new HashSet<>();
        List<long[]> gaps = new ArrayList<>(); // {from seq, to seq, index in chain of the record after the gap}
        String cur = LogRecord.GENESIS;
        long lastSeq = 0;
        int lastPos = -1;
        while (true) {
            Verifier.Entry next = pick(byPrev.get(cur), reached, lastSeq, byPrev);
            if (next == null) {
                Verifier.Entry resume = null;
                for (Verifier.Entry e : distinct) {
                    if (reached.contains(e) || e.prev().equals(LogRecord.GENESIS) || position.containsKey(e.prev())) continue;
                    if (e.seq() <= lastSeq || index.get(e) < lastPos) continue;
                    if (resume == null || e.seq() < resume.seq()) resume = e;
                }
                if (resume == null) break;
                gaps.add(new long[]{lastSeq + 1, resume.seq() - 1, chain.size()});
                next = resume;
            }
            chain.add(next);
            reached.add(next);
            cur = next.claimed();
            lastSeq = next.seq();
            lastPos = Math.max(lastPos, index.get(next));
        }
        List<Verifier.Entry> inserted = new ArrayList<>();
        for (Verifier.Entry e : distinct) if (!reached.contains(e)) inserted.add(e);
        for (long[] gap : gaps) {
            Verifier.Entry after = chain.get((int) gap[2]);
            Verifier.Entry replacement = null;
            for (Verifier.Entry e : inserted) if (e.seq() >= gap[0] && e.seq() <= gap[1] && e.line() < after.line()) replacement = e;
            if (gap[0] > gap[1]) {
                out.add(new Verifier.Problem(after.line(), after.seq(), "链接断开", "第 " + after.seq() + " 条所记前一条哈希与第 " + gap[1]
                        + " 条不符（第 " + gap[1] + " 条被替换，或链被改写）"));
            } else if (replacement != null && gap[0] == gap[1]) {
                inserted.remove(replacement);
                out.add(new Verifier.Problem(replacement.line(), replacement.seq(), "链接断开", "第 " + gap[0] + " 条被替换：此处的记录不接在第 "
                        + (gap[0] - 1) + " 条之后，第 " + after.seq() + " 条也不接在它之后"));
            } else {
                out.add(new Verifier.Problem(after.line(), after.seq(), "被删除", range(gap[0], gap[1]) + "被删除（在第 " + after.line() + " 行之前）"));
            }
        }
        for (Verifier.Entry e : inserted) {
            out.add(new Verifier.Problem(e.line(), e.seq(), "被插入", "第 " + e.line() + " 行的记录（序号 " + e.seq() + "）不在链中：被插入"));
        }
        order(chain, index, out);
        return out;
    }

    /** Of the records naming the current hash, the genuine successor: the next seq that itself has a successor. */
    private static Verifier.Entry pick(List<Verifier.Entry> candidates, Set<Verifier.Entry> reached, long lastSeq,
                                       Map<String, List<Verifier.Entry>> byPrev) {
        if (candidates == null) return null;
        Verifier.Entry best = null;
        int bestScore = -1;
        for (Verifier.Entry c : candidates) {
            if (reached.contains(c)) continue;
            int score = (c.seq() == lastSeq + 1 ? 2 : 0) + (byPrev.containsKey(c.claimed()) ? 1 : 0);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** Chain records out of file order: a two-cycle of the permutation is a swap, a longer one a shuffle. */
    private static void order(List<Verifier.Entry> chain, Map<Verifier.Entry, Integer> index, List<Verifier.Problem> out) {
        int n = chain.size();
        Integer[] byFile = new Integer[n];
        for (int i = 0; i < n; i++) byFile[i] = i;
        java.util.Arrays.sort(byFile, (a, b) -> Integer.compare(index.get(chain.get(a)), index.get(chain.get(b))));
        // byFile[r] = chain index of the record standing r-th in the file; in order, byFile[r] == r
        boolean[] seen = new boolean[n];
        for (int r = 0; r < n; r++) {
            if (seen[r] || byFile[r] == r) continue;
            List<Verifier.Entry> cycle = new ArrayList<>();
            for (int k = r; !seen[k]; k = byFile[k]) {
                seen[k] = true;
                cycle.add(chain.get(k));
            }
            cycle.sort(java.util.Comparator.comparingLong(Verifier.Entry::seq));
            long line = cycle.stream().mapToLong(Verifier.Entry::line).min().orElse(0);
            Verifier.Entry first = cycle.get(0);
            if (cycle.size() == 2) {
                Verifier.Entry second = cycle.get(1);
                out.add(new Verifier.Problem(line, first.seq(), "互换", "第 " + first.seq() + " 条与第 " + second.seq() + " 条互换（第 "
                        + first.seq() + " 条在第 " + first.line() + " 行，第 " + second.seq() + " 条在第 " + second.line() + " 行）"));
            } else {
                StringBuilder seqs = new StringBuilder();
                for (int i = 0; i < cycle.size() && i < 10; i++) seqs.append(i == 0 ? "" : "、").append(cycle.get(i).seq());
                if (cycle.size() > 10) seqs.append("等 ").append(cycle.size()).append(" 条");
                out.add(new Verifier.Problem(line, first.seq(), "顺序被打乱", "第 " + seqs + " 条不在原来的位置（第 " + line + " 行起）"));
            }
        }
    }

    private static String range(long from, long to) {
        return from == to ? "第 " + from + " 条" : "第 " + from + "–" + to + " 条";
    }
}
