package tianping.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tianping.law.LawBook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Reads a case file: JSON syntax, then the JSON Schema (case.schema.json, the documented format), then the
 * meaning (references, dates, codes against the rule set's tables) in {@link CaseAssembler}. Every error of a
 * case is collected and reported together with its JSON path; nothing is guessed.
 */
public final class CaseReader {

    public static final String SCHEMA = "tianping/schema/case.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Schema CASE_SCHEMA = loadSchema();

    private final CaseAssembler assembler;
    private final LawBook law;
    private final List<CaseDerivation> derivations;

    /** A reader using every {@link CaseDerivation} on the classpath. */
    public CaseReader(LawBook law) {
        this(law, ServiceLoader.load(CaseDerivation.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public CaseReader(LawBook law, List<CaseDerivation> derivations) {
        this.law = law;
        this.assembler = new CaseAssembler(law);
        this.derivations = List.copyOf(derivations);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static Schema loadSchema() {
        try (InputStream in = CaseReader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) throw new IllegalStateException("缺少 " + SCHEMA);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses JSON text; a syntax error is reported with its line and column. One JSON value only: content after
     * it is an error, not ignored. Text must be valid Unicode: malformed UTF-8 fails the parse, and a string or
     * name holding a lone surrogate (an escape such as \uD800, which no UTF-8 file and no log can carry) is
     * refused with its path.
     */
    public static JsonNode parse(String file, byte[] json) throws CaseRejected {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new CaseRejected(List.of(new CaseError(file, "$", "case_syntax_error", "文件为空，应为一个 JSON 对象")));
            }
            List<CaseError> unicode = new ArrayList<>();
            // the located walk builds a path for every field; a case has no lone surrogate nearly always
            if (hasLoneSurrogate(node)) loneSurrogates(file, node, "$", unicode);
            if (!unicode.isEmpty()) throw new CaseRejected(unicode);
            return node;
        } catch (JsonProcessingException e) {
            throw new CaseRejected(List.of(new CaseError(file, "$", "case_syntax_error", JsonErrorText.syntax(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CaseFile read(String file, byte[] json) throws CaseRejected {
        return read(file, parse(file, json), Path.of("."));
    }

    /** Reads a case file from disk; data files it names are resolved against, and confined to, its directory. */
    public CaseFile read(Path path) throws CaseRejected, IOException {
        String file = path.toString();
        Path dir = path.toAbsolutePath().getParent();
        return read(file, parse(file, Files.readAllBytes(path)), dir);
    }

    /** Reads a parsed case whose data files lie in {@code baseDir} (or the configured data root, {@link ConfinedFiles#of}). */
    public CaseFile read(String file, JsonNode tree, Path baseDir) throws CaseRejected {
        return read(file, tree, ConfinedFiles.of(baseDir));
    }

    /**
     * Reads a parsed case: derivations for the sections present run first (raw data → findings), then the
     * schema, then the meaning.
     */
    public CaseFile read(String file, JsonNode tree, ConfinedFiles data) throws CaseRejected {
        DateWindow window = DateWindow.of(file, law, tree.path("decisionDate").asText(""));
        List<CaseError> dates = new ArrayList<>();
        window.checkTree(file, tree, dates);
        if (!dates.isEmpty()) throw new CaseRejected(dates);
        if (tree.isObject()) {
            for (CaseDerivation d : derivations) {
                if (!tree.has(d.section()) || alreadyDerived(tree, d.section())) continue;
                checkSection(file, tree, d.section());
                tree = d.derive(file, ((ObjectNode) tree).deepCopy(), data, law);
            }
        }
        List<CaseError> errors = schemaErrors(file, tree);
        if (!errors.isEmpty()) throw new CaseRejected(errors);
        CaseInput input;
        try {
            input = MAPPER.treeToValue(tree, CaseInput.class);
        } catch (MismatchedInputException e) {
            // what the schema lets through but the case model cannot hold (an integer out of range): Jackson's
            // English said in Chinese, at its path, in the form of the schema's errors
            throw new CaseRejected(List.of(new CaseError(file, JsonErrorText.path("$", e), "case_schema_error", JsonErrorText.value(e))));
        } catch (JsonProcessingException e) {
            throw new CaseRejected(List.of(new CaseError(file, "$", "case_schema_error", JsonErrorText.syntax(e))));
        }
        String canonical = CanonicalJson.write(tree);
        return assembler.assemble(file, input, CanonicalJson.fingerprint(canonical), canonical);
    }

    /** A logged case already holds what its derivations found (listed in derivedFrom): replay must not derive again. */
    private static boolean alreadyDerived(JsonNode tree, String section) {
        for (JsonNode d : tree.path("derivedFrom")) {
            if (d.path("section").asText().equals(section)) return true;
        }
        return false;
    }

    private static List<CaseError> schemaErrors(String file, JsonNode tree) {
        return CASE_SCHEMA.validate(tree).stream().map(e -> schemaError(file, e))
                .sorted(Comparator.comparing(CaseError::path).thenComparing(CaseError::message)).distinct()
                .collect(Collectors.toList());
    }

    /**
     * A derivation reads its section as case.schema.json documents it, so the section is checked before the
     * derivation runs (the rest of the case is checked once, after, when the derived findings are in place). Only
     * the section is validated here: the schema's root puts no condition linking it to the other fields.
     */
    private static void checkSection(String file, JsonNode tree, String section) throws CaseRejected {
        String at = "$." + section;
        ObjectNode alone = MAPPER.createObjectNode().set(section, tree.get(section));
        List<CaseError> errors = schemaErrors(file, alone).stream()
                .filter(e -> e.path().equals(at) || e.path().startsWith(at + ".") || e.path().startsWith(at + "["))
                .toList();
        if (!errors.isEmpty()) throw new CaseRejected(errors);
    }

    /** Whether any string or name in the tree holds a lone surrogate: the walk below without its paths. */
    private static boolean hasLoneSurrogate(JsonNode node) {
        if (node.isTextual()) return !wellFormed(node.textValue());
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!wellFormed(e.getKey()) || hasLoneSurrogate(e.getValue())) return true;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) if (hasLoneSurrogate(node.get(i))) return true;
        }
        return false;
    }

    /** Strings and names holding a lone surrogate (at most 20 listed: the first ones locate the problem). */
    private static void loneSurrogates(String file, JsonNode node, String path, List<CaseError> errors) {
        if (errors.size() >= 20) return;
        if (node.isTextual()) {
            if (!wellFormed(node.textValue())) {
                errors.add(new CaseError(file, path, "case_encoding_error", "文字含不成对的代理项（无效的 Unicode，如 \\uD800）：" + Excerpt.of(node.textValue())));
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = path + "." + Excerpt.of(e.getKey());
                if (!wellFormed(e.getKey())) {
                    errors.add(new CaseError(file, at, "case_encoding_error", "字段名含不成对的代理项（无效的 Unicode）"));
                }
                loneSurrogates(file, e.getValue(), at, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) loneSurrogates(file, node.get(i), path + "[" + i + "]", errors);
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** "/findings/0/harm" (the validator's JSON Pointer) as "$.findings[0].harm", the form every error uses. */
    private static String jsonPath(String pointer) {
        StringBuilder out = new StringBuilder("$");
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) continue;
            String t = token.replace("~1", "/").replace("~0", "~");
            if (t.chars().allMatch(Character::isDigit)) out.append('[').append(t).append(']');
            else out.append('.').append(t);
        }
        return out.toString();
    }

    private static CaseError schemaError(String file, Error e) {
        String path = jsonPath(e.getInstanceLocation().toString());
        JsonNode schema = e.getSchemaNode();
        JsonNode value = e.getInstanceNode();
        String message = switch (e.getKeyword()) {
            case "required" -> {
                path = path + "." + e.getProperty();
                yield "缺少必填字段“" + e.getProperty() + "”";
            }
            case "additionalProperties" -> {
                path = path + "." + Excerpt.of(e.getProperty());
                yield "不认识的字段“" + Excerpt.of(e.getProperty()) + "”（字段名见 case.schema.json）";
            }
            case "enum" -> "取值 " + Excerpt.of(String.valueOf(value)) + " 不在允许的取值中，应为：" + join(schema)
                    + (value != null && value.isTextual() ? suggestion(value.textValue(), schema) : "");
            case "type" -> "类型不符：应为" + typeName(schema.asText()) + "，实际为" + typeName(value.getNodeType().name().toLowerCase());
            case "pattern" -> "格式不符：" + patternMeaning(schema.asText()) + "，实际为 " + Excerpt.of(String.valueOf(value));
            case "minItems" -> "至少应有 " + schema.asText() + " 项";
            case "minLength" -> "不能为空";
            case "maxLength" -> "长度不能超过 " + schema.asText();
            case "minimum" -> "应不小于 " + schema.asText() + "，实际为 " + Excerpt.of(String.valueOf(value));
            case "exclusiveMinimum" -> "应大于 " + schema.asText() + "，实际为 " + Excerpt.of(String.valueOf(value));
            case "uniqueItems" -> "不能有重复的项";
            default -> Excerpt.of(e.getMessage());
        };
        return new CaseError(file, path, "case_schema_error", message);
    }

    private static String suggestion(String typed, JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return tianping.law.Suggestions.didYouMeanValue(typed, values);
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join("、", values);
    }

    private static String typeName(String t) {
        return switch (t) {
            case "string" -> "文字";
            case "number" -> "数值";
            case "integer" -> "整数";
            case "boolean" -> "true 或 false";
            case "object" -> "对象 {…}";
            case "array" -> "数组 […]";
            case "null" -> "null";
            default -> t;
        };
    }

    private static String patternMeaning(String pattern) {
        if (pattern.equals("^\\d{4}-\\d{2}-\\d{2}$")) return "应为日期 YYYY-MM-DD";
        if (pattern.startsWith("^\\d{4}-\\d{2}-\\d{2}T")) return "应为时间 YYYY-MM-DDTHH:MM[:SS]";
        if (pattern.startsWith("^[0-9A-HJ-NPQRTUWXY]{18}")) return "应为 18 位统一社会信用代码（数字及除 I、O、Z、S、V 外的大写字母）";
        if (pattern.equals("^\\d{6}$")) return "应为 6 位行政区划代码";
        if (pattern.startsWith("^[A-Za-z0-9]")) return "应为以字母或数字开头、由字母数字和 _.- 组成的编号（最长 64 位）";
        if (pattern.startsWith("^[a-z]")) return "应为违法行为类型代码（小写英文与下划线，见 violation-types.csv）";
        return "应匹配 " + pattern;
    }
}
