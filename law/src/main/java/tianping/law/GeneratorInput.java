package tianping.law;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rule generator needs of a table row beyond what the table reader checks: every item and provision
 * names at least one violation (an empty cell, or one of only commas, would generate {@code violation in ()}).
 * Errors are located on the row, found by its id in the table file.
 */
public final class GeneratorInput {

    private GeneratorInput() {
    }

    public static List<TableError> check(LawBook book, RuleFiles files) {
        List<TableError> errors = new ArrayList<>();
        for (NoPenaltyItem item : book.items()) {
            if (item.violations().isEmpty()) errors.add(error(files, "tables/no-penalty-items.csv", item.id()));
        }
        for (PenaltyProvision p : book.provisions()) {
            if (p.violations().isEmpty()) errors.add(error(files, "tables/penalty-provisions.csv", p.id()));
        }
        return errors;
    }

    private static TableError error(RuleFiles files, String table, String id) {
        return new TableError(table, lineOf(files, table, id), "table_value_error", "“" + id + "”的违法行为为空：至少写一个违法行为代码");
    }

    static long lineOf(RuleFiles files, String table, String id) {
        if (files.get(table) == null) return 0;
        String[] lines = files.text(table).split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(id + ",") || lines[i].startsWith("\"" + id + "\",")) return i + 1;
        return 0;
    }
}
