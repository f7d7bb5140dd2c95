package tianping.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's English messages said in Chinese for the people who write case files: what is wrong at the line and
 * column (or JSON path) that Jackson located. Jackson's wording is matched, not its meaning guessed: a message
 * not known here is reported as a JSON syntax error at its place, without the English.
 */
public final class JsonErrorText {

    /** Jackson's message pattern and the Chinese text; {1} is the first group (the character or token seen). */
    private static final List<Map.Entry<Pattern, String>> SYNTAX = List.of(
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting double-quote to start field name", "此处应为用双引号括起的字段名，实际为“{1}”（最后一项之后不能有逗号）"),
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting comma to separate Object entries", "对象的两项之间缺少逗号（实际为“{1}”）"),
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting comma to separate Array entries", "数组的两项之间缺少逗号（实际为“{1}”）"),
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting a colon to separate field name and value", "字段名与值之间缺少冒号（实际为“{1}”）"),
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): maybe a \\(non-standard\\) comment", "JSON 不能有注释（实际为“{1}”）"),
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\) in numeric value", "数值写法不对（实际为“{1}”）：小数点、正负号与指数之后应有数字"),
            rule("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): expected a (valid )?value", "此处应为一个值（用双引号括起的文字、数值、对象、数组、true、false 或 null），实际为“{1}”；最后一项之后不能有逗号，文字要用双引号"),
            rule("^Unexpected end-of-input: expected close marker for Object", "文件在对象结束（}）之前就结束了"),
            rule("^Unexpected end-of-input within/between Object entries", "文件在对象结束（}）之前就结束了"),
            rule("^Unexpected end-of-input within/between Array entries", "文件在数组结束（]）之前就结束了"),
            rule("^Unexpected end-of-input: expected close marker for Array", "文件在数组结束（]）之前就结束了"),
            rule("^Unexpected end-of-input in VALUE_STRING", "文件在文字结束（\"）之前就结束了"),
            rule("^Unexpected end-of-input", "文件意外结束"),
            rule("^Unrecognized token '(.*?)': was expecting", "不认识的值“{1}”：应为用双引号括起的文字、数值、对象、数组、true、false 或 null"),
            rule("^Unexpected close marker '(.*?)': expected '(.*?)'", "括号不配对：此处应为“{2}”，实际为“{1}”"),
            rule("^Duplicate field '(.*?)'", "字段“{1}”重复"),
            rule("^Illegal unquoted character", "文字中含有未转义的控制字符（如换行、制表符），应写成 \\n、\\t"),
            rule("^Unrecognized character escape '(.*?)'", "文字中的转义“\\{1}”无效（可用的有 \\\"、\\\\、\\/、\\b、\\f、\\n、\\r、\\t、\\uXXXX）"),
            rule("^Invalid numeric value: Leading zeroes not allowed", "数值不能以 0 开头（如 01）"),
            rule("^Non-standard token '(.*?)'", "“{1}”不是 JSON 的数值"),
            rule("^Invalid UTF-8", "不是有效的 UTF-8 编码"),
            rule("^Numeric value \\((.*?)\\) out of range", "数值 {1} 超出范围"));

    private JsonErrorText() {
    }

    private static Map.Entry<Pattern, String> rule(String regex, String text) {
        return Map.entry(Pattern.compile(regex, Pattern.DOTALL), text);
    }

    /** Where and what: "第 3 行第 7 列：对象的两项之间缺少逗号（实际为“"”）". */
    public static String syntax(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? "" : "第 " + loc.getLineNr() + " 行第 " + loc.getColumnNr() + " 列：";
        return where + syntaxMessage(String.valueOf(e.getOriginalMessage()));
    }

    /** The text only, for a reader that reports the place itself. */
    public static String syntaxMessage(JsonProcessingException e) {
        return syntaxMessage(String.valueOf(e.getOriginalMessage()));
    }

    static String syntaxMessage(String english) {
        if (english.startsWith("Trailing token")) return "第一个 JSON 值之后还有内容（一个案件文件只能有一个 JSON 对象）";
        for (var r : SYNTAX) {
            Matcher m = r.getKey().matcher(english);
            if (m.find()) {
                String text = r.getValue();
                for (int g = 1; g <= m.groupCount(); g++) text = text.replace("{" + g + "}", m.group(g) == null ? "" : Excerpt.of(m.group(g)));
                return "JSON 语法错误：" + text;
            }
        }
        return "JSON 语法错误：此处的写法不符合 JSON";
    }

    /** A value that has the right JSON type but cannot be read as the field's Java type (a date, an integer…). */
    public static String value(MismatchedInputException e) {
        String type = typeName(e.getTargetType());
        if (e instanceof InvalidFormatException f) {
            return "值 " + Excerpt.of(String.valueOf(f.getValue())) + " 不能读作" + type;
        }
        return "类型不符：应为" + type;
    }

    /** The JSON path Jackson located the value at, below {@code base} ("$" or "$.monitoring"). */
    public static String path(String base, MismatchedInputException e) {
        StringBuilder p = new StringBuilder(base);
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) p.append('.').append(ref.getFieldName());
            else p.append('[').append(ref.getIndex()).append(']');
        }
        return p.toString();
    }

    private static String typeName(Class<?> t) {
        if (t == null) return "该字段的类型";
        if (t == LocalDate.class) return "日期 YYYY-MM-DD";
        if (t == LocalDateTime.class) return "时间 YYYY-MM-DDTHH:MM[:SS]";
        if (t == BigDecimal.class || t == Double.class || t == double.class) return "数值";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == BigInteger.class) return "整数（不超出范围）";
        if (t == Boolean.class || t == boolean.class) return "true 或 false";
        if (t == String.class) return "文字";
        if (Collection.class.isAssignableFrom(t) || t.isArray()) return "数组 […]";
        if (t.isEnum()) return "规定的取值之一";
        return "对象 {…}";
    }
}
