package tianping.lawtest;

import java.util.List;
import java.util.Map;

/**
 * One test of a rule set, as legal staff write it in a row of a CSV file under {@code rules/tests/}: the case
 * (a case file, or a base case with a few facts overridden) and what the decision must say. Only the columns the
 * file has are checked; a column that is present but empty means "none" (no fine, no measure, no warning).
 *
 * @param file      the test file, for messages
 * @param line      the row's line in that file
 * @param title     how the test is named in the report
 * @param caseName  the case cell as written ("shanxi/sx-f-air-applies")
 * @param overrides JSON path → value as written, applied in order to the case before it is read
 * @param finding   the finding whose outcome is checked ("F1"); empty for the first finding
 * @param expected  column → cell, for every checked column of the row
 */
public record RuleTest(String file, long line, String title, String caseName, List<Map.Entry<String, String>> overrides,
                       String finding, Map<String, String> expected) {

    /** Where the test is written, as {@code 文件:行}. */
    public String where() {
        return file + ":" + line;
    }
}
