package tianping.monitoring;

import tianping.law.LawBook;
import tianping.law.RuleFiles;
import tianping.law.RuleSetException;
import tianping.monitoring.values.Thresholds;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;

/** The rule set's tables as legal staff keep them (../rules), read once for the tests. */
public final class TestLaw {

    private static LawBook book;

    private TestLaw() {
    }

    public static synchronized LawBook book() {
        if (book == null) {
            try {
                book = LawBook.read(RuleFiles.fromDirectory(Path.of("..", "rules")));
            } catch (IOException | RuleSetException e) {
                throw new IllegalStateException(e);
            }
        }
        return book;
    }

    /** The thresholds as the tables have them, by date. */
    public static Function<LocalDate, Thresholds> thresholds() {
        return d -> Thresholds.on(book(), d);
    }
}
