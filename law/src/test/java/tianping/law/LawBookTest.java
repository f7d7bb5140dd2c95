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

    /**
     * Tests the reader, not the law: the list and its items are a small rule set of the test's own, so that a
     * change of the bundled law (say, loosening a threshold) never breaks this test.
     */
    @Test
    void everyTableErrorIsReportedWithFileAndLineAllAtOnce() throws Exception {
        SortedMap<String, byte[]> files = sourceTables();
        files.put("tables/lists.csv", """
                清单编号,清单名称,发布机关,文号,适用地区,生效日期,失效日期,共同条件,初次违法认定,优先于,来源,备注
                T-1,测试清单,测试机关,,14,2020-05-01,2015-04-30,拒不改正 = 否,,PEN-*,[K] 测试,
                """.getBytes(StandardCharsets.UTF_8));
        files.put("tables/no-penalty-items.csv", """
                事项编号,清单编号,类型,违法行为,事项名称,罚则条款,条件,清单位置,生效日期,失效日期,备注
                NP-T-1,T-1,轻微不罚,air_exceedance,测试事项一,测试条款,超标因子数 = 1；日累计超标时长 ≤ 4 小时,第1项,,,
                NP-T-2,T-1,轻微不罚,eia_registration_unfiled,测试事项二,测试条款,责令改正后改正用时 ≤ 5 工作日,第2项,,,
                """.getBytes(StandardCharsets.UTF_8));

        var e = assertThrows(RuleSetException.class, () -> LawBook.read(RuleFiles.of("测试", files)));
        List<String> errors = e.errors().stream().map(TableError::toString).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.matches("tables/no-penalty-items\\.csv:\\d+: condition_error: .*日累计超标时长.*")), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.matches("tables/no-penalty-items\\.csv:3: unknown_reference: .*eia_registration_unfiled.*")), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.matches("tables/lists\\.csv:2: table_value_error: 失效日期 2015-04-30 早于生效日期 2020-05-01")), errors.toString());
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
