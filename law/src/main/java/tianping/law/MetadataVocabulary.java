package tianping.law;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written rule may only use the words the engine acts on: an agenda group listed as a phase, a
 * {@code @disposition} or {@code @measure} listed in outcome-kinds.csv under the right category, {@code @mandatory}
 * 应当 or 可以, and the metadata keys the engine reads. Drools accepts any of these misspelt — a rule in agenda group
 * "coersion" is simply never focused and its 从重 silently never applies — so each is a load error on its line.
 */
final class MetadataVocabulary {

    /** Every metadata key the engine reads (RuleMeta, Decisions, RuleInfo). */
    static final Set<String> KEYS = Set.of("id", "disposition", "measure", "mandatory", "legalBasis", "kind", "ladder", "step",
            "violation", "region", "validFrom", "validTo", "overrides", "yieldsTo");
    private static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]*)\"");
    private static final Pattern META = Pattern.compile("^\\s*@([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*$");
    private static final Pattern AGENDA = Pattern.compile("^\\s*agenda-group\\s+\"([^\"]*)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private MetadataVocabulary() {
    }

    static void check(RuleFiles files, OutcomeKinds kinds, List<TableError> errors) {
        for (String path : files.paths("drl/", ".drl")) {
            if (path.startsWith(RuleFiles.GENERATED)) continue;
            check(path, files.text(path), kinds, errors);
        }
    }

    private static void check(String path, String text, OutcomeKinds kinds, List<TableError> errors) {
        String[] lines = text.split("\n", -1);
        String rule = null;
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher r = RULE.matcher(line);
            if (r.find()) {
                rule = r.group(1);
                header = true;
                continue;
            }
            if (rule == null) continue;
            String trimmed = line.trim();
            if (trimmed.equals("when") || trimmed.equals("then")) header = false;
            if (trimmed.equals("end")) {
                rule = null;
                continue;
            }
            if (!header) continue;
            long at = i + 1;
            Matcher a = AGENDA.matcher(line);
            if (a.find() && !kinds.phases().contains(a.group(1))) {
                errors.add(new TableError(path, at, "rule_vocabulary_error", "规则“" + rule + "”的议程组“" + a.group(1)
                        + "”不是已定义的阶段（" + String.join("、", kinds.phases()) + "）：该规则将永远不会执行"));
            }
            Matcher m = META.matcher(line);
            if (!m.matches()) continue;
            String key = m.group(1);
            String value = first(m.group(2));
            if (!KEYS.contains(key)) {
                errors.add(new TableError(path, at, "rule_vocabulary_error", "规则“" + rule + "”的元数据 @" + key
                        + " 不是引擎读取的键（" + String.join("、", new java.util.TreeSet<>(KEYS)) + "），其内容不会生效"));
                continue;
            }
            switch (key) {
                case "disposition" -> {
                    if (!kinds.isDisposition(value)) {
                        errors.add(new TableError(path, at, "rule_vocabulary_error", "规则“" + rule + "”的 @disposition(\"" + value
                                + "\") 不是 outcome-kinds.csv 中类别为处理结论的名称"));
                    }
                }
                case "measure" -> {
                    var k = kinds.kind(value);
                    if (k.isEmpty() || k.get().category() == OutcomeKinds.Category.DISPOSITION) {
                        errors.add(new TableError(path, at, "rule_vocabulary_error", "规则“" + rule + "”的 @measure(\"" + value
                                + "\") 不是 outcome-kinds.csv 中类别为措施、注记或预警的名称"));
                    }
                }
                case "mandatory" -> {
                    if (!value.equals("应当") && !value.equals("可以")) {
                        errors.add(new TableError(path, at, "rule_vocabulary_error", "规则“" + rule + "”的 @mandatory(\"" + value
                                + "\") 只能是“应当”或“可以”"));
                    }
                }
                case "step" -> {
                    if (!value.matches("[0-9]{1,2}")) {
                        errors.add(new TableError(path, at, "rule_vocabulary_error", "规则“" + rule + "”的 @step(\"" + value + "\") 应为整数"));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String first(String args) {
        if (args == null) return "";
        Matcher q = QUOTED.matcher(args);
        return q.find() ? q.group(1) : args.trim();
    }
}
