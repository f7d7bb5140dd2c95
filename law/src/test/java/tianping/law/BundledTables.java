package tianping.law;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The rule set's tables as legal staff keep them in rules/, read directly from the source tree. */
public final class BundledTables {

    public static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();
    private static LawBook book;

    private BundledTables() {
    }

    public static synchronized LawBook book() {
        if (book == null) {
            try {
                book = LawBook.read(RuleFiles.fromDirectory(RULES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuleSetException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return book;
    }
}
