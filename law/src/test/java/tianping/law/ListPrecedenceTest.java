package tianping.law;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How lists combine where more than one has an item for the same act (rules/README.md): the 长三角 list, a city
 * list (嘉兴) and another city's (衢州). The item rows below are test edits on a copy of the tables, not law: the
 * 长三角 and 嘉兴 item texts are not public in the sources found.
 */
class ListPrecedenceTest {

    private static final String ROWS = String.join("\n",
            "NP-CSJ-T1,CSJ-2023,首违不罚,water_exceedance,测试：初次超标排放水污染物,水污染防治法第八十三条第（二）项,超标因子数 = 1,,测试,,,",
            "NP-JX-T1,JX-2022,轻微不罚,water_exceedance,测试：超标排放水污染物，及时改正,水污染防治法第八十三条第（二）项,超标因子数 = 1,,测试,,,",
            "NP-CSJ-T2,CSJ-2023,轻微不罚,eia_registration_not_filed,测试：登记表未备案,环境影响评价法第三十一条第三款,责令改正后改正用时 ≤ 5 工作日,,测试,,,",
            "NP-JX-T2,JX-2022,轻微不罚,eia_registration_not_filed,测试：登记表未备案,环境影响评价法第三十一条第三款,责令改正后改正用时 ≤ 5 工作日,,测试,,,") + "\n";

    @Test
    void anObligatoryItemOutranksADiscretionaryOneAndACityListItsRegionsOfTheSameKind() throws Exception {
        LawBook book = LawBook.read(RuleFiles.of("测试", withItems(ROWS)));
        // 应当（轻微不罚，嘉兴）优先于可以（首违不罚，长三角），无论清单层级
        assertTrue(item(book, "NP-JX-T1").overrides().contains("NP-CSJ-T1"));
        assertFalse(item(book, "NP-CSJ-T1").overrides().contains("NP-JX-T1"));
        // 同为轻微不罚：市级清单（嘉兴 3304、衢州 3308）优先于区域清单（长三角 33）
        assertTrue(item(book, "NP-JX-T2").overrides().contains("NP-CSJ-T2"));
        assertTrue(item(book, "NP-QZ-1").overrides().contains("NP-CSJ-T2"));
        assertFalse(item(book, "NP-CSJ-T2").overrides().contains("NP-JX-T2"));
        // 嘉兴与衢州不在同一地方：互不优先；山西清单与长三角清单不相交
        assertFalse(item(book, "NP-JX-T2").overrides().contains("NP-QZ-1"));
        assertFalse(item(book, "NP-QZ-1").overrides().contains("NP-JX-T2"));
        assertEquals(List.of("PEN-*"), item(book, "NP-SX-Q-EIA").overrides());
        // 每个事项仍优先于其清单声明的罚则
        assertTrue(item(book, "NP-CSJ-T1").overrides().contains("PEN-*"));
    }

    @Test
    void twoItemsOfOneListWhoseConditionsCanHoldTogetherWithDifferentOutcomesAreAConflictOnTheLaterLine() throws Exception {
        String row = "NP-SX-T,SX-2022,轻微不罚,air_exceedance,测试：超标排放大气污染物，及时改正,大气污染防治法第九十九条第（二）项,超标因子数 = 1；小时均值最大超标倍数 ≤ 0.05,,测试,,,\n";
        SortedMap<String, byte[]> files = withItems(row);
        long line = new String(files.get("tables/no-penalty-items.csv"), StandardCharsets.UTF_8).split("\n", -1).length - 1;
        var e = assertThrows(RuleSetException.class, () -> LawBook.read(RuleFiles.of("测试", files)));
        assertEquals(List.of("tables/no-penalty-items.csv:" + line + ": rule_conflict: 事项 NP-SX-F-AIR（首违不罚，可以不予处罚）与 NP-SX-T（轻微不罚，应当不予处罚）"
                        + "同属清单 SX-2022、针对同一违法行为，条件可以同时成立而结论不同：请在条件中写明二者互斥的情节，或把其中一项移出"),
                e.errors().stream().map(TableError::toString).toList());
    }

    @Test
    void itemsOfOneListWhoseConditionsExcludeEachOtherLoad() throws Exception {
        String row = "NP-SX-T,SX-2022,轻微不罚,air_exceedance,测试：超标 0.1 倍以上,大气污染防治法第九十九条第（二）项,小时均值最大超标倍数 ≥ 0.1,,测试,,,\n";
        LawBook book = LawBook.read(RuleFiles.of("测试", withItems(row)));
        assertTrue(book.items().stream().anyMatch(i -> i.id().equals("NP-SX-T")));
        String boolRow = "NP-SX-T,SX-2022,轻微不罚,air_exceedance,测试：含有毒污染物,大气污染防治法第九十九条第（二）项,超标因子含有毒或第一类污染物 = 是,,测试,,,\n";
        assertTrue(LawBook.read(RuleFiles.of("测试", withItems(boolRow))).items().stream().anyMatch(i -> i.id().equals("NP-SX-T")));
    }

    private static SortedMap<String, byte[]> withItems(String rows) throws Exception {
        SortedMap<String, byte[]> files = LawBookTest.sourceTables();
        String items = new String(files.get("tables/no-penalty-items.csv"), StandardCharsets.UTF_8);
        if (!items.endsWith("\n")) items += "\n";
        files.put("tables/no-penalty-items.csv", (items + rows).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static NoPenaltyItem item(LawBook book, String id) {
        return book.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
