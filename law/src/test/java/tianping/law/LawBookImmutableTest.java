package tianping.law;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The law book is read once and then only looked up: nothing a caller gets back can change it. */
class LawBookImmutableTest {

    @Test
    void lookupsCannotChangeTheBook() {
        LawBook book = BundledTables.book();
        assertThrows(UnsupportedOperationException.class, () -> book.items().clear());
        assertThrows(UnsupportedOperationException.class, () -> book.lists().clear());
        assertThrows(UnsupportedOperationException.class, () -> book.provisions().clear());
        assertThrows(UnsupportedOperationException.class, () -> book.violationTypes().clear());
        assertThrows(UnsupportedOperationException.class, () -> book.parameterNames().clear());
        assertThrows(UnsupportedOperationException.class, () -> book.monitoringCodes().clear());
        assertThrows(UnsupportedOperationException.class, () -> book.items().get(0).overrides().clear());
    }
}
