package tianping.law;

/**
 * How a table value may appear in generated rules. Drools' executable model pastes a rule's name unescaped into
 * the Java it generates (a string literal and a Javadoc comment), and Java decodes {@code \}{@code u} escapes before
 * it reads anything; so a value is safe only if it cannot end a literal, a line or a comment in either language.
 * {@link #problem} names what makes a value unsafe; {@link #literal} writes a safe value as a DRL string literal;
 * {@link #readable} turns a straight double quote into Chinese quotes for the texts people read (rule names,
 * metadata, messages), because a rule name cannot carry an escaped quote through the executable model.
 */
public final class DrlText {

    private DrlText() {
    }

    /** Why this text cannot go into generated rules, or null if it can. */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String what = switch (Character.getType(cp)) {
                case Character.CONTROL -> "控制字符";
                case Character.FORMAT -> "格式控制字符";
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "换行符";
                case Character.SURROGATE -> "不成对的代理字符";
                case Character.PRIVATE_USE -> "私用区字符";
                case Character.UNASSIGNED -> "未分配的字符";
                default -> cp == '\\' ? "反斜杠“\\”" : null;
            };
            if (what != null) return "含有" + what + String.format("（U+%04X）", cp);
            if (cp == '*' && i + 1 < s.length() && s.charAt(i + 1) == '/') return "含有“*/”";
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The text as a DRL string literal; refuses unsafe text (callers check {@link #problem} first, with a location). */
    public static String literal(String s) {
        String problem = problem(s);
        if (problem != null) throw new IllegalArgumentException("不能写入生成规则的文字：" + problem);
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    /** Straight double quotes as Chinese quotes, opening and closing in turn: 清单（"首违"） → 清单（“首违”）. */
    public static String readable(String s) {
        if (s.indexOf('"') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        boolean open = true;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                out.append(open ? '“' : '”');
                open = !open;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
