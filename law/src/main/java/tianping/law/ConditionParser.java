package tianping.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the condition cells of the tables. A cell holds conditions separated by "；" (or ";" or a line break),
 * each "用语 比较符 值": {@code 日最大累计超标时长 ≤ 4 小时}, {@code 危害后果 ∈ {无, 轻微}}, {@code 已改正 = 是}.
 */
public final class ConditionParser {

    private static final String[] OPERATORS = {"≤", "≥", "≠", "∈", "<=", ">=", "!=", "==", "<", ">", "="};
    private static final Pattern NUMBER = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s*(.*)$");

    private ConditionParser() {
    }

    /** Thrown with a message for legal staff naming the condition and what was expected. */
    public static final class ConditionException extends Exception {
        public ConditionException(String message) {
            super(message);
        }
    }

    public static List<Condition> parseAll(String cell, String origin) throws ConditionException {
        List<Condition> out = new ArrayList<>();
        if (cell == null) return out;
        for (String part : cell.split("[；;\\n]")) {
            if (!part.isBlank()) out.add(parse(part.trim(), origin));
        }
        return out;
    }

    /**
     * Names a full-width comparator (typed with a Chinese input method) and its half-width spelling, or null. They
     * are named rather than read as comparators so that a table keeps one spelling of each condition, the one its
     * rules, explanations and tests quote.
     */
    private static String fullWidthComparator(String text) {
        String[][] forms = {{"＜＝", "≤（或 <=）"}, {"＞＝", "≥（或 >=）"}, {"！＝", "≠"}, {"＜", "<"}, {"＞", ">"}, {"＝", "="},
                {"≦", "≤（或 <=）"}, {"≧", "≥（或 >=）"}};
        for (String[] f : forms) if (text.contains(f[0])) return "“" + f[0] + "”应写成半角“" + f[1] + "”";
        return null;
    }

    public static Condition parse(String text, String origin) throws ConditionException {
        int at = -1;
        String opToken = null;
        for (String candidate : OPERATORS) {
            int i = text.indexOf(candidate);
            if (i > 0 && (at < 0 || i < at || (i == at && candidate.length() > opToken.length()))) {
                at = i;
                opToken = candidate;
            }
        }
        if (opToken == null) {
            String fullWidth = fullWidthComparator(text);
            if (fullWidth != null) throw new ConditionException("条件“" + text + "”中的比较符是全角字符：" + fullWidth);
            throw new ConditionException("条件“" + text + "”缺少比较符，应写成“用语 比较符 值”，如“日最大累计超标时长 ≤ 4 小时”");
        }
        String label = text.substring(0, at).trim();
        String right = text.substring(at + opToken.length()).trim();
        Op op = Op.parse(opToken);
        List<Measure> candidates = Measures.byLabel(label);
        if (candidates.isEmpty()) {
            throw new ConditionException("条件“" + text + "”中的用语“" + label + "”不在条件用语表中"
                    + Suggestions.didYouMeanValue(label, Measures.all().stream().map(Measure::label).distinct().toList())
                    + "（运行 tianping vocabulary 查看全部用语）");
        }
        Measure first = candidates.get(0);
        return switch (first.kind()) {
            case NUMBER -> number(text, label, op, right, candidates, origin);
            case BOOLEAN -> bool(text, first, op, right, origin);
            case TEXT -> text(text, first, op, right, origin);
        };
    }

    private static Condition number(String text, String label, Op op, String right, List<Measure> candidates,
                                    String origin) throws ConditionException {
        if (op == Op.IN) throw new ConditionException("条件“" + text + "”：数值用语不能用 ∈，请用 <、≤、>、≥、=");
        Matcher m = NUMBER.matcher(right);
        if (!m.matches()) throw new ConditionException("条件“" + text + "”：“" + label + "”的值应为数值，实际为“" + right + "”");
        String unit = m.group(2).trim();
        Measure chosen = null;
        for (Measure c : candidates) {
            if (c.unit().equals(unit) || (unit.isEmpty() && candidates.size() == 1)) chosen = c;
        }
        if (chosen == null) {
            List<String> units = candidates.stream().map(Measure::unit).toList();
            throw new ConditionException("条件“" + text + "”：“" + label + "”的单位应为 " + String.join(" 或 ", units)
                    + (unit.isEmpty() ? "，须注明" : "，实际为“" + unit + "”"));
        }
        return new Condition(text, chosen, op, List.of(new BigDecimal(m.group(1))), origin);
    }

    private static Condition bool(String text, Measure measure, Op op, String right, String origin)
            throws ConditionException {
        if (op != Op.EQ && op != Op.NE) throw new ConditionException("条件“" + text + "”：是否类用语只能用 = 或 ≠");
        if (!right.equals("是") && !right.equals("否")) {
            throw new ConditionException("条件“" + text + "”：“" + measure.label() + "”的值应为“是”或“否”，实际为“" + right + "”");
        }
        return new Condition(text, measure, op, List.of(right.equals("是")), origin);
    }

    private static Condition text(String text, Measure measure, Op op, String right, String origin)
            throws ConditionException {
        List<Object> values = new ArrayList<>();
        if (op == Op.IN) {
            if (!right.startsWith("{") || !right.endsWith("}")) {
                throw new ConditionException("条件“" + text + "”：∈ 之后应为 {值1, 值2}");
            }
            for (String v : right.substring(1, right.length() - 1).split("[,，、]")) values.add(v.trim());
        } else if (op == Op.EQ || op == Op.NE) {
            values.add(right);
        } else {
            throw new ConditionException("条件“" + text + "”：文字类用语只能用 =、≠ 或 ∈");
        }
        for (Object v : values) {
            if (!measure.allowed().isEmpty() && !measure.allowed().contains(v)) {
                throw new ConditionException("条件“" + text + "”：“" + measure.label() + "”的取值应为 "
                        + String.join("、", measure.allowed()) + " 之一，实际为“" + v + "”" + Suggestions.didYouMeanValue((String) v, measure.allowed()));
            }
        }
        return new Condition(text, measure, op, values, origin);
    }
}
