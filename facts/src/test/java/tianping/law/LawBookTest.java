package tianping.law;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LawBookTest {

    @Test
    void theBundledTablesReadWithoutErrorAndCoverEveryViolationWithAProvision() {
        LawBook book = BundledTables.book();
        assertTrue(book.items().size() >= 30, "清单事项数");
        for (var type : book.violationTypes()) {
            assertTrue(book.provisions().stream().anyMatch(p -> p.violations().contains(type.code())), type.code());
        }
    }

    @Test
    void everyTableErrorIsReportedWithFileAndLineAllAtOnce() throws Exception {
        SortedMap<String, byte[]> files = sourceTables();
        String items = new String(files.get("tables/no-penalty-items.csv"), StandardCharsets.UTF_8);
        items = items.replace("日最大累计超标时长 ≤ 4 小时", "日累计超标时长 ≤ 4 小时")
                .replace("NP-LY-4,LY-2020,轻微不罚,eia_registration_not_filed", "NP-LY-4,LY-2020,轻微不罚,eia_registration_unfiled");
        files.put("tables/no-penalty-items.csv", items.getBytes(StandardCharsets.UTF_8));
        String lists = new String(files.get("tables/lists.csv"), StandardCharsets.UTF_8).replace("2020-05-01,2025-04-30", "2020-05-01,2015-04-30");
        files.put("tables/lists.csv", lists.getBytes(StandardCharsets.UTF_8));

        var e = assertThrows(RuleSetException.class, () -> LawBook.read(RuleFiles.of("测试", files)));
        List<String> errors = e.errors().stream().map(TableError::toString).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.matches("tables/no-penalty-items\\.csv:\\d+: condition_error: .*日累计超标时长.*")), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.matches("tables/no-penalty-items\\.csv:\\d+: unknown_reference: .*eia_registration_unfiled.*")), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.matches("tables/lists\\.csv:\\d+: table_value_error: 失效日期 2015-04-30 早于生效日期 2020-05-01")), errors.toString());
    }

    @Test
    void aMissingTableOrColumnIsNamed() throws Exception {
        SortedMap<String, byte[]> files = sourceTables();
        files.remove("tables/holidays.csv");
        String provisions = new String(files.get("tables/penalty-provisions.csv"), StandardCharsets.UTF_8).replace(",保底金额,", ",保底,");
        files.put("tables/penalty-provisions.csv", provisions.getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(RuleSetException.class, () -> LawBook.read(RuleFiles.of("测试", files)));
        String all = e.getMessage();
        assertTrue(all.contains("tables/holidays.csv: table_missing"), all);
        assertTrue(all.contains("缺少列“保底金额”") && all.contains("未知的列“保底”"), all);
    }

    @Test
    void generatedRulesAreDeterministic() {
        assertEquals(RuleGenerator.generate(BundledTables.book()), RuleGenerator.generate(BundledTables.book()));
    }

    static SortedMap<String, byte[]> sourceTables() throws Exception {
        return new TreeMap<>(RuleFiles.fromDirectory(BundledTables.RULES).files());
    }
}
