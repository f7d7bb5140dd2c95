package tianping.lawtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.engine.Decider;
import tianping.engine.Decision;
import tianping.engine.RuleSet;
import tianping.law.ConditionResult;
import tianping.read.CaseReader;
import tianping.read.CaseRejected;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a rule set's own tests ({@link RuleTest}) and says, for each, what differs from what it expects. This is
 * the code behind {@code tianping test} and behind the JUnit test that makes {@code mvn verify} run the bundled
 * law's tests, so both report the same thing.
 *
 * <p>A case cell names a case file relative to the test file's directory, or else relative to the case library
 * (the repository's {@code fixtures/cases}), with or without {@code .json}.
 */
public final class RuleTestRunner {

    /**
     * The outcome of one test: no differences means it passed. For coverage it keeps what ran: the case's
     * findings and the decision (null if the case was refused) and the parameter rows read while deciding.
     */
    public record Result(RuleTest test, List<String> differences, List<tianping.facts.Finding> findings, Decision decision,
                         Set<tianping.law.Parameter> parametersRead) {
        Result(RuleTest test, List<String> differences) {
            this(test, differences, List.of(), null, Set.of());
        }

        public boolean passed() {
            return differences.isEmpty();
        }
    }

    private final RuleSet ruleSet;
    private final Path caseLibrary;

    public RuleTestRunner(RuleSet ruleSet, Path caseLibrary) {
        this.ruleSet = ruleSet;
        this.caseLibrary = caseLibrary;
    }

    /** Runs one test, noting the parameter rows that reading and deciding its case read. */
    public Result run(RuleTest test, Path testDir) {
        var recorded = tianping.law.ParameterReads.during(() -> runOnce(test, testDir));
        Result r = recorded.result();
        return new Result(r.test(), r.differences(), r.findings(), r.decision(), recorded.reads());
    }

    private Result runOnce(RuleTest test, Path testDir) {
        List<String> diff = new ArrayList<>();
        try {
            Path file = resolve(test.caseName(), testDir);
            if (file == null) {
                diff.add("找不到案件“" + test.caseName() + "”（在 " + testDir + " 与 " + caseLibrary + " 下查找）");
                return new Result(test, diff);
            }
            var reader = new CaseReader(ruleSet.law().book());
            tianping.read.CaseFile c;
            if (test.overrides().isEmpty()) {
                c = reader.read(file);
            } else {
                ObjectNode tree = CaseReader.parse(file.toString(), Files.readAllBytes(file)).deepCopy();
                for (Map.Entry<String, String> o : test.overrides()) {
                    try {
                        set(tree, o.getKey(), value(o.getValue()), o.getValue());
                    } catch (RuntimeException e) {
                        diff.add("改动“" + o.getKey() + "”无法应用：案件中没有这个位置");
                        return new Result(test, diff);
                    }
                }
                c = reader.read(test.title(), tree, file.getParent());
            }
            Decision d = new Decider(ruleSet).decide(test.title(), c);
            compare(test, d, diff);
            return new Result(test, diff, c.findings(), d, Set.of());
        } catch (CaseRejected e) {
            diff.add("案件被拒，未作出处理意见：" + e.errors().stream().map(Object::toString).collect(Collectors.joining("；")));
        } catch (IOException e) {
            diff.add("无法读取案件：" + e.getMessage());
        }
        return new Result(test, diff);
    }

    private Path resolve(String name, Path testDir) {
        String withJson = name.endsWith(".json") ? name : name + ".json";
        for (Path dir : new Path[]{testDir, caseLibrary}) {
            if (dir == null) continue;
            Path p = dir.resolve(withJson);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static void compare(RuleTest t, Decision d, List<String> diff) {
        Map<String, String> e = t.expected();
        Decision.FindingDecision f;
        if (t.finding().isEmpty()) {
            f = d.findings().isEmpty() ? null : d.findings().get(0);
        } else {
            f = d.findings().stream().filter(x -> x.id().equals(t.finding())).findFirst().orElse(null);
        }
        if (f == null) {
            diff.add("没有违法事实" + (t.finding().isEmpty() ? "" : " " + t.finding()) + "；实际有："
                    + d.findings().stream().map(Decision.FindingDecision::id).toList());
            return;
        }
        if (e.containsKey("处理结论")) same(diff, "处理结论", e.get("处理结论"), f.disposition() == null ? "" : f.disposition().kind());
        if (e.containsKey("处理结论规则")) same(diff, "处理结论规则", e.get("处理结论规则"), f.disposition() == null ? "" : f.disposition().rule());
        if (e.containsKey("罚款")) amount(diff, e.get("罚款"), f.fine() != null ? f.fine().amount()
                : f.disposition() == null ? null : f.disposition().amount());
        if (e.containsKey("成立措施")) {
            Set<String> measures = f.measures().stream().map(Decision.Conclusion::kind).collect(Collectors.toCollection(TreeSet::new));
            same(diff, "成立措施", String.join("、", split(e.get("成立措施"))), String.join("、", measures));
        }
        if (e.containsKey("预警")) same(diff, "预警", e.get("预警"), Objects.toString(f.warning(), ""));
        // 违反条款: an empty cell leaves it unchecked (older rows predate the column)
        if (!e.getOrDefault("违反条款", "").isEmpty()) same(diff, "违反条款", e.get("违反条款"), Objects.toString(f.violatedProvision(), ""));
        Set<String> fired = d.trace().stream().map(Decision.TraceStep::rule).collect(Collectors.toSet());
        for (String id : split(e.getOrDefault("应触发", ""))) if (!fired.contains(id)) diff.add("应触发 " + id + "：未触发");
        for (String id : split(e.getOrDefault("不应触发", ""))) if (fired.contains(id)) diff.add("不应触发 " + id + "：已触发");
        for (String id : split(e.getOrDefault("应适用事项", ""))) item(diff, f, id, true, "");
        for (String id : split(e.getOrDefault("不应适用事项", ""))) item(diff, f, id, false, "");
        if (e.containsKey("事项") && !e.get("事项").isEmpty()) {
            String want = e.getOrDefault("期望", "适用");
            if (!want.equals("适用") && !want.equals("不适用")) {
                diff.add("期望应写“适用”或“不适用”，实际写了“" + want + "”");
                return;
            }
            item(diff, f, e.get("事项"), want.equals("适用"), e.getOrDefault("失败条件", ""));
        }
    }

    private static void item(List<String> diff, Decision.FindingDecision f, String id, boolean applies, String failedCondition) {
        Decision.ExemptionCheck check = f.exemptions().stream().filter(x -> x.item().equals(id)).findFirst().orElse(null);
        if (check == null) {
            diff.add("事项 " + id + "：未列入该违法事实的清单核对（地区、违法行为或事项编号不对？）");
            return;
        }
        if (check.applied() != applies) {
            diff.add("事项 " + id + "：期望" + (applies ? "适用" : "不适用") + "，实际" + (check.applied() ? "适用" : "不适用")
                    + (check.failed().isEmpty() ? (check.inForce() ? "" : "（不在有效期内：" + check.validity() + "）")
                    : "；未满足：" + check.failed().stream().map(ConditionResult::explanation).collect(Collectors.joining("；"))));
            return;
        }
        if (!applies && !failedCondition.isEmpty()
                && check.failed().stream().noneMatch(r -> r.condition().equals(failedCondition))) {
            diff.add("事项 " + id + "：未满足的条件应含“" + failedCondition + "”，实际未满足："
                    + check.failed().stream().map(ConditionResult::condition).collect(Collectors.joining("；")));
        }
    }

    private static void same(List<String> diff, String what, String expected, String actual) {
        if (!expected.equals(actual)) diff.add(what + "：期望“" + expected + "”，实际“" + actual + "”");
    }

    /** An amount in yuan, or a range written {@code 最低~最高} (both inclusive); empty means no fine. */
    private static void amount(List<String> diff, String cell, BigDecimal actual) {
        String shown = actual == null ? "无罚款" : actual.stripTrailingZeros().toPlainString() + " 元";
        if (cell.isEmpty()) {
            if (actual != null) diff.add("罚款：期望无罚款，实际 " + shown);
            return;
        }
        String[] range = cell.split("[~～]");
        try {
            BigDecimal min = new BigDecimal(range[0].trim());
            BigDecimal max = range.length > 1 ? new BigDecimal(range[1].trim()) : min;
            if (actual == null || actual.compareTo(min) < 0 || actual.compareTo(max) > 0) {
                diff.add("罚款：期望 " + cell + " 元，实际 " + shown);
            }
        } catch (NumberFormatException ex) {
            diff.add("罚款：“" + cell + "”不是金额或“最低~最高”");
        }
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : new TreeSet<>(Arrays.asList(cell.trim().split("\\s*、\\s*"))).stream().toList();
    }

    /** A number, true/false, JSON object or array as written; other text as a string; empty as absent. */
    static JsonNode value(String cell) throws IOException {
        if (cell.isEmpty()) return null;
        if (cell.startsWith("{") || cell.startsWith("[") || cell.equals("true") || cell.equals("false") || cell.matches("-?\\d+(\\.\\d+)?")) {
            return CaseReader.mapper().readTree(cell);
        }
        return JsonNodeFactory.instance.textNode(cell);
    }

    /**
     * Sets a dotted path with [i] indexes ("findings[0].exceedances[1]"); null removes the field. A cell written as
     * a number replaces a field that is text in the base case as that text (a region code 510802, an id 2024):
     * otherwise a legal staff member could not change a code made of digits without writing JSON quotes.
     */
    static void set(ObjectNode root, String path, JsonNode value, String cell) {
        if (value != null && value.isNumber()) {
            JsonNode old = at(root, path);
            if (old != null && old.isTextual()) value = JsonNodeFactory.instance.textNode(cell.trim());
        }
        set(root, path, value);
    }

    /** The node at a path written as for {@link #set}, or null when there is none. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            node = node.get(bracket < 0 ? part : part.substring(0, bracket));
            if (node != null && bracket >= 0) node = node.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            if (node == null) return null;
        }
        return node;
    }

    /** Sets a dotted path with [i] indexes ("findings[0].exceedances[1]"); null removes the field. */
    static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            boolean last = i == parts.length - 1;
            if (bracket < 0) {
                if (last) {
                    if (value == null) ((ObjectNode) node).remove(field);
                    else ((ObjectNode) node).set(field, value);
                    return;
                }
                node = ((ObjectNode) node).with(field);
            } else {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                ArrayNode array = ((ObjectNode) node).withArray(field);
                if (last) {
                    if (index < array.size()) array.set(index, value);
                    else array.add(value);
                    return;
                }
                node = array.get(index);
            }
        }
    }
}
