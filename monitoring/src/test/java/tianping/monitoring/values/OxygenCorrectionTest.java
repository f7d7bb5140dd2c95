package tianping.monitoring.values;

import org.junit.jupiter.api.Test;
import tianping.law.ReferenceOxygen;
import tianping.monitoring.TestLaw;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** ρ = ρ' × (21 − O₂基准) / (21 − O₂实测), with the reference O₂ of the source type from reference-oxygen.csv. */
class OxygenCorrectionTest {

    private final ReferenceOxygen coalBoiler = TestLaw.book().referenceOxygen("燃煤锅炉", LocalDate.of(2024, 3, 1)).orElseThrow();
    private final OxygenCorrection correction = new OxygenCorrection(coalBoiler);

    static Mean.Valid mean(String v) {
        return new Mean.Valid(0, new BigDecimal(v), new BigDecimal(v), null, 60, "分钟数据", List.of());
    }

    @Test
    void coalBoilersAreCorrectedToNinePercent() {
        assertEquals(0, new BigDecimal("9").compareTo(coalBoiler.percent()));
        Mean.Valid v = assertInstanceOf(Mean.Valid.class, correction.correct(mean("165"), mean("12")));
        assertEquals(0, v.value().compareTo(new BigDecimal("220")), "165 × 12 / 9 = 220 exactly");
        assertEquals(0, v.measured().compareTo(new BigDecimal("165")));
        assertEquals(0, v.oxygen().compareTo(new BigDecimal("12")));
        Mean.Valid below = assertInstanceOf(Mean.Valid.class, correction.correct(mean("164.985"), mean("12")));
        assertEquals(0, below.value().compareTo(new BigDecimal("219.98")));
    }

    @Test
    void atTheReferenceOxygenNothingChanges() {
        Mean.Valid v = assertInstanceOf(Mean.Valid.class, correction.correct(mean("40"), mean("9")));
        assertEquals(0, v.value().compareTo(new BigDecimal("40")));
    }

    @Test
    void gasBoilersAndTurbinesHaveTheirOwnReference() {
        LocalDate d = LocalDate.of(2024, 3, 1);
        assertEquals(0, new BigDecimal("3.5").compareTo(TestLaw.book().referenceOxygen("燃气锅炉", d).orElseThrow().percent()));
        assertEquals(0, new BigDecimal("15").compareTo(TestLaw.book().referenceOxygen("燃气轮机组", d).orElseThrow().percent()));
        assertEquals(0, new BigDecimal("6").compareTo(TestLaw.book().referenceOxygen("燃煤发电锅炉", d).orElseThrow().percent()));
    }

    @Test
    void withoutAValidOxygenMeanThereIsNoCorrectedMean() {
        assertEquals("含氧量无有效值（有效分钟 30 < 45），无法折算",
                assertInstanceOf(Mean.Excluded.class, correction.correct(mean("40"), new Mean.Excluded(0, "有效分钟 30 < 45"))).reason());
        assertEquals("含氧量无有效值（无数据），无法折算", assertInstanceOf(Mean.Excluded.class, correction.correct(mean("40"), null)).reason());
        assertEquals("含氧量 21% 不低于 21%，无法折算", assertInstanceOf(Mean.Excluded.class, correction.correct(mean("40"), mean("21.0"))).reason());
    }
}
