package tianping.law;

import java.math.BigDecimal;
import java.util.List;

/**
 * A published discretion benchmark (自由裁量基准) from benchmarks.csv, with its factor levels from
 * discretion-levels.csv. The method is the formula that turns the levels into a place within the legal range.
 *
 * @param rounding        the fine is rounded down to a multiple of this many yuan
 * @param aggravated      where 从重 puts the fine under this benchmark (benchmarks.csv 从重上调, 从重最低位置)
 * @param mitigated       where 从轻 puts it (从轻系数, 从轻最高位置)
 * @param placementSource the benchmark's own words on 从重/从轻, or why a value is [K] (从重从轻来源)
 */
public record Benchmark(String id, String name, List<String> regions, Method method, BigDecimal rounding,
                        Validity validity, String source, List<Level> levels, Placement aggravated, Placement mitigated,
                        String placementSource) {

    /**
     * Where 从重 (UP) or 从轻 (DOWN) moves the benchmark's place φ within the legal range: by {@code step} (UP adds
     * it, DOWN multiplies by it), then to {@code bound} at least (UP) or at most (DOWN) — 从重 never below, 从轻
     * never above that place. Both values are places in [0, 1] (0.5 = the range's midpoint).
     */
    public record Placement(Direction direction, BigDecimal step, BigDecimal bound) {
    }

    public enum Direction {
        UP("从重处罚"), DOWN("从轻处罚");

        public final String label;

        Direction(String label) {
            this.label = label;
        }
    }

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
