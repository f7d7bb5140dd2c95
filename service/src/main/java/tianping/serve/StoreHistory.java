package tianping.serve;

import tianping.audit.LogRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An enterprise's decision records in a store (JSONL or PostgreSQL), in seq order, for its cases' history. */
final class StoreHistory {

    private StoreHistory() {
    }

    static List<LogRecord> of(DecisionStore store, String uscc) {
        List<LogRecord> out = new ArrayList<>();
        try {
            long after = 0;
            while (true) {
                List<DecisionStore.Summary> page = store.query(new DecisionStore.Query(null, uscc, null, null, null, after, 1000));
                for (DecisionStore.Summary s : page) store.record(s.seq()).ifPresent(line -> out.add(LogRecord.of(line)));
                if (page.size() < 1000) break;
                after = page.get(page.size() - 1).seq();
            }
        } catch (IOException e) {
            // a store that cannot be read cannot vouch for the history: the request fails rather than decide without it
            throw new UncheckedIOException("决定库无法读取，未能补入违法历史：" + e.getMessage(), e);
        }
        return out;
    }
}
