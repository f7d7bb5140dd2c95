package tianping.power.derive;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.power.readings.Timestamps;
import tianping.read.CaseError;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reading of the "power" section with every problem collected at its JSON path (the section is checked
 * here, before the case schema runs, because the findings derived from it must exist before that).
 */
final class Fields {

    private final String file;
    private final List<CaseError> errors = new ArrayList<>();

    Fields(String file) {
        this.file = file;
    }

    List<CaseError> errors() {
        return errors;
    }

    void error(String path, String code, String message) {
        errors.add(new CaseError(file, path, code, message));
    }

    String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) error(path + "." + field, "case_schema_error", "缺少必填字段“" + field + "”");
            return null;
        }
        if (!n.isTextual() || n.asText().isEmpty()) {
            error(path + "." + field, "case_schema_error", "应为非空文字");
            return null;
        }
        return n.asText();
    }

    String oneOf(JsonNode parent, String field, String path, boolean required, List<String> allowed) {
        String v = text(parent, field, path, required);
        if (v != null && !allowed.contains(v)) {
            error(path + "." + field, "case_schema_error", "取值 “" + v + "” 不在允许的取值中，应为：" + String.join("、", allowed));
            return null;
        }
        return v;
    }

    LocalDateTime time(JsonNode parent, String field, String path, boolean required) {
        String v = text(parent, field, path, required);
        if (v == null) return null;
        if (v.length() == 16 && v.charAt(10) == 'T') { // the common form, read without a formatter
            long minute = Timestamps.epochMinute(v);
            if (minute != Timestamps.INVALID) return Timestamps.toTime(minute);
        }
        try {
            if (!v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) throw new DateTimeParseException("", v, 0);
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            error(path + "." + field, "case_schema_error", "格式不符：应为时间 YYYY-MM-DDTHH:MM[:SS]，实际为 \"" + v + "\"");
            return null;
        }
    }

    LocalDate date(JsonNode parent, String field, String path, boolean required) {
        String v = text(parent, field, path, required);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(path + "." + field, "case_schema_error", "格式不符：应为日期 YYYY-MM-DD，实际为 \"" + v + "\"");
            return null;
        }
    }

    Double number(JsonNode parent, String field, String path, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) error(path + "." + field, "case_schema_error", "缺少必填字段“" + field + "”");
            return null;
        }
        if (!n.isNumber()) {
            error(path + "." + field, "case_schema_error", "类型不符：应为数值");
            return null;
        }
        return n.asDouble();
    }

    Boolean bool(JsonNode parent, String field, String path, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) error(path + "." + field, "case_schema_error", "缺少必填字段“" + field + "”");
            return null;
        }
        if (!n.isBoolean()) {
            error(path + "." + field, "case_schema_error", "类型不符：应为 true 或 false");
            return null;
        }
        return n.asBoolean();
    }

    /** The elements of an array field (empty if absent); an error if present and not an array. */
    List<JsonNode> array(JsonNode parent, String field, String path, boolean required) {
        JsonNode n = parent.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            if (required) error(path + "." + field, "case_schema_error", "缺少必填字段“" + field + "”");
            return out;
        }
        if (!n.isArray()) {
            error(path + "." + field, "case_schema_error", "类型不符：应为数组 […]");
            return out;
        }
        n.forEach(out::add);
        return out;
    }

    List<String> strings(JsonNode parent, String field, String path) {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = array(parent, field, path, false);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isTextual()) out.add(items.get(i).asText());
            else error(path + "." + field + "[" + i + "]", "case_schema_error", "应为文字");
        }
        return out;
    }

    void only(JsonNode node, String path, List<String> known) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) error(path + "." + f, "case_schema_error", "不认识的字段“" + f + "”（字段名见 case.schema.json 的 $defs/power）");
        });
    }
}
