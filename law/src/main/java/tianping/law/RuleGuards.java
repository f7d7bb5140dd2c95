package tianping.law;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written rule's {@code @violation} and {@code @region} must say exactly what its conditions test. The load-time
 * conflict check, the decision's list of rules for an act and the per-region reading all go by the metadata; a rule
 * whose conditions test another region or act than its metadata says would be judged on what it does not do. So the
 * {@code violation == / in} and {@code inRegion(…)} tests of its {@code when} part are compared with its metadata and a
 * difference is a load error on the rule's line. Generated rules (drl/generated/) carry both from the same table row.
 */
final class RuleGuards {

    private static final Pattern RULE = Pattern.compile("^rule\\s+\"");
    private static final Pattern META = Pattern.compile("^\\s*@(id|violation|region)\\((.*)\\)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern VIOLATION_EQ = Pattern.compile("\\bviolation\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern IN_REGION = Pattern.compile("\\binRegion\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern FINDING = Pattern.compile("(?<![A-Za-z0-9_])Finding\\s*\\(");
    private static final Pattern VIOLATION_ONLY = Pattern.compile("violation\\s*==\\s*\"[^\"]+\"(\\s*\\|\\|\\s*violation\\s*==\\s*\"[^\"]+\")*");
    private static final Pattern VIOLATION_IN_ONLY = Pattern.compile("violation\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern REGION_ONLY = Pattern.compile("inRegion\\(\\s*\"[^\"]+\"\\s*\\)(\\s*\\|\\|\\s*inRegion\\(\\s*\"[^\"]+\"\\s*\\))*");

    private RuleGuards() {
    }

    static void check(RuleFiles files, List<TableError> errors) {
        for (String path : files.paths("drl/", ".drl")) {
            if (path.startsWith(RuleFiles.GENERATED)) continue;
            check(path, files.text(path), errors);
        }
    }

    private static void check(String path, String text, List<TableError> errors) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!RULE.matcher(lines[i]).find()) continue;
            int start = i;
            String id = "";
            List<String> violations = List.of("*");
            List<String> regions = List.of();
            StringBuilder when = new StringBuilder();
            boolean inWhen = false;
            for (i = i + 1; i < lines.length && !lines[i].trim().equals("end"); i++) {
                String line = lines[i];
                Matcher m = META.matcher(line);
                if (!inWhen && m.matches()) {
                    List<String> values = quoted(m.group(2));
                    switch (m.group(1)) {
                        case "id" -> id = values.isEmpty() ? "" : values.get(0);
                        case "violation" -> violations = values;
                        case "region" -> regions = values;
                        default -> {
                        }
                    }
                } else if (line.trim().equals("when")) {
                    inWhen = true;
                } else if (line.trim().equals("then")) {
                    inWhen = false;
                } else if (inWhen) {
                    when.append(stripComment(line)).append('\n');
                }
            }
            compare(path, start + 1, id, violations, regions, when.toString(), errors);
        }
    }

    private static void compare(String path, long line, String id, List<String> violations, List<String> regions,
                                String when, List<TableError> errors) {
        Set<String> tested = new TreeSet<>();
        Set<String> inRegions = new TreeSet<>();
        boolean unreadableRegion = false;
        for (String constraint : findingConstraints(when)) {
            Matcher eq = VIOLATION_ONLY.matcher(constraint);
            Matcher in = VIOLATION_IN_ONLY.matcher(constraint);
            if (eq.matches()) {
                Matcher each = VIOLATION_EQ.matcher(constraint);
                while (each.find()) tested.add(each.group(1));
            } else if (in.matches()) {
                tested.addAll(quoted(in.group(1)));
            }
            if (REGION_ONLY.matcher(constraint).matches()) {
                Matcher each = IN_REGION.matcher(constraint);
                while (each.find()) inRegions.add(each.group(1));
            } else if (IN_REGION.matcher(constraint).find()) {
                unreadableRegion = true;
            }
        }
        Set<String> declared = violations.equals(List.of("*")) ? Set.of() : new TreeSet<>(violations);
        if (!tested.equals(declared)) {
            errors.add(new TableError(path, line, "rule_metadata_mismatch", "规则 " + id + " 的 @violation(" + show(violations)
                    + ") 与条件不符：条件限定的违法行为为 " + (tested.isEmpty() ? "（不限）" : String.join("、", tested))
                    + "；请使元数据与条件一致（@violation(\"*\") 表示条件不限定违法行为）"));
        }
        if (unreadableRegion) {
            errors.add(new TableError(path, line, "rule_metadata_mismatch", "规则 " + id + " 的条件把 inRegion(…) 与其他条件写在同一个约束里，"
                    + "无法与 @region 对照：请把地区限定单独写成一个约束（inRegion(\"..\") 或以 || 连接的几个 inRegion）"));
        } else if (!inRegions.equals(new TreeSet<>(regions))) {
            errors.add(new TableError(path, line, "rule_metadata_mismatch", "规则 " + id + " 的 @region(" + show(regions)
                    + ") 与条件不符：条件限定的地区为 " + (inRegions.isEmpty() ? "（不限）" : String.join("、", inRegions))
                    + "；请使元数据与条件中的 inRegion(…) 一致（不写 @region 表示条件不限定地区）"));
        }
    }

    /**
     * The top-level constraints (split at commas outside parentheses and strings) of every {@code Finding( … )} pattern.
     * A constraint counts for the comparison only when it is wholly a violation test or wholly a region test: a
     * violation named inside a wider disjunction ({@code category in (…) || violation == "hw_dumping"}) widens the
     * rule rather than restricting it, which {@code @violation("*")} already says.
     */
    static List<String> findingConstraints(String when) {
        List<String> out = new ArrayList<>();
        Matcher m = FINDING.matcher(when);
        while (m.find()) {
            int depth = 1;
            boolean quoted = false;
            StringBuilder current = new StringBuilder();
            for (int i = m.end(); i < when.length() && depth > 0; i++) {
                char c = when.charAt(i);
                if (c == '"' && (i == 0 || when.charAt(i - 1) != '\\')) quoted = !quoted;
                if (!quoted && c == '(') depth++;
                if (!quoted && c == ')' && --depth == 0) break;
                if (!quoted && depth == 1 && c == ',') {
                    out.add(current.toString().trim());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            if (!current.toString().isBlank()) out.add(current.toString().trim());
        }
        return out;
    }

    private static List<String> quoted(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(s);
        while (m.find()) out.add(m.group(1));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static String show(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String stripComment(String line) {
        int c = line.indexOf("//");
        return c < 0 ? line : line.substring(0, c);
    }
}
