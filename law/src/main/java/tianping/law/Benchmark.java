package tianping.law;

import java.math.BigDecimal;
import java.util.List;

/**
 * A published discretion benchmark (自由裁量基准) from benchmarks.csv, with its factor levels from
 * discretion-levels.csv. The method is the formula that turns the levels into a place within the legal range.
 *
 * @param rounding the fine is rounded down to a multiple of this many yuan
 */
public record Benchmark(String id, String name, List<String> regions, Method method, BigDecimal rounding,
                        Validity validity, String source, List<Level> levels) {

    public enum Method {
        /** 比例累加: fine = min + (max − min) × Σ比例 (浙江, 浙环发〔2020〕10号). */
        ADDITIVE_PERCENT("比例累加"),
        /** 因子档次: fine = min + (max − min) × (Σ档次 − n) / (4n), n factors at levels 1–5 (山东 2019). */
        FACTOR_LEVELS("因子档次");

        public final String label;

        Method(String label) {
            this.label = label;
        }

        static Method of(String label) {
            for (Method m : values()) if (m.label.equals(label)) return m;
            return null;
        }
    }

    /** One level of one factor: its conditions, and its percentage (比例累加) or level number (因子档次). */
    public record Level(String factor, String level, List<Condition> conditions, BigDecimal value, String source) {
    }
}
