package tianping.law;

import tianping.facts.Finding;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One condition of a list item or provision, as legal staff wrote it ("日最大累计超标时长 ≤ 4 小时").
 * The same condition is rendered into the generated rule ({@link #drl()}) and re-evaluated for the trace
 * ({@link #evaluate}); the runner checks the two agree on every decision.
 *
 * @param text   the condition as written in the table
 * @param values BigDecimal for numbers, Boolean for 是/否, String for text; several for ∈
 * @param origin where the condition comes from: 法定条件, 清单共同条件, 初次违法认定, 事项条件, 适用条件
 */
public record Condition(String text, Measure measure, Op op, List<Object> values, String origin) {

    public Condition {
        values = List.copyOf(values);
    }

    /** The condition as a DRL constraint on {@code Finding}; a missing (null) value never satisfies it. */
    public String drl() {
        String p = measure.property();
        String test = switch (measure.kind()) {
            case NUMBER -> p + " " + op.drl + " " + ((BigDecimal) values.get(0)).toPlainString();
            case BOOLEAN -> p + " " + op.drl + " " + values.get(0);
            case TEXT -> op == Op.IN
                    ? p + " in (" + values.stream().map(v -> DrlText.literal((String) v)).collect(Collectors.joining(", ")) + ")"
                    : p + " " + op.drl + " " + DrlText.literal((String) values.get(0));
        };
        boolean nullUnsafe = measure.kind() == Measure.Kind.NUMBER || op == Op.NE;
        return measure.nullable() && nullUnsafe ? "(" + p + " != null && " + test + ")" : test;
    }

    public boolean test(Finding f) {
        Object actual = measure.valueOf(f);
        if (actual == null) return false;
        return switch (measure.kind()) {
            case NUMBER -> op.compare(Double.compare(((Number) actual).doubleValue(), ((BigDecimal) values.get(0)).doubleValue()));
            case BOOLEAN, TEXT -> op == Op.IN ? values.contains(actual) : op.compare(actual.equals(values.get(0)) ? 0 : 1);
        };
    }

    /** Evaluates the condition on a finding for the trace: the actual value, and whether it is met. */
    public ConditionResult evaluate(Finding f) {
        Object value = measure.valueOf(f);
        String actual = show(value);
        boolean met = test(f);
        String explanation;
        if (met) explanation = measure.label() + " " + actual + "，满足 " + required();
        else if (value == null) explanation = measure.label() + " 未提供，要求 " + required();
        else explanation = measure.label() + " " + actual + " " + op.negated + " " + showValues();
        return new ConditionResult(text, origin, actual, required(), met, explanation);
    }

    /** The case's value of the measure as shown to officers, e.g. "5.5 小时" or "未提供". */
    public String actual(Finding f) {
        return show(measure.valueOf(f));
    }

    /** The requirement alone, e.g. "≤ 4 小时". */
    public String required() {
        return op.symbol + " " + showValues();
    }

    private String showValues() {
        if (op == Op.IN) return values.stream().map(this::showValue).collect(Collectors.joining("、", "{", "}"));
        return showValue(values.get(0));
    }

    private String showValue(Object v) {
        return switch (measure.kind()) {
            case NUMBER -> withUnit(((BigDecimal) v).stripTrailingZeros().toPlainString());
            case BOOLEAN -> (Boolean) v ? "是" : "否";
            case TEXT -> (String) v;
        };
    }

    private String show(Object actual) {
        if (actual == null) return "未提供";
        return switch (measure.kind()) {
            case NUMBER -> withUnit(Numbers.plain(((Number) actual).doubleValue()));
            case BOOLEAN -> (Boolean) actual ? "是" : "否";
            case TEXT -> (String) actual;
        };
    }

    private String withUnit(String number) {
        return measure.unit().isEmpty() ? number : number + " " + measure.unit();
    }
}
