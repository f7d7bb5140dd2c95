package tianping.law;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the tables legal staff edit into rules: one DRL rule per no-penalty item and per penalty provision.
 * Each rule's conditions are the row's conditions rendered as constraints on {@code Finding}, each with the
 * condition as written in a comment; its metadata carries id, legal basis, source, dates and precedence.
 * Output is deterministic, so the same tables always give the same rule-set fingerprint.
 */
public final class RuleGenerator {

    public static final String NO_PENALTY_FILE = RuleFiles.GENERATED + "no-penalty-items.drl";
    public static final String PROVISIONS_FILE = RuleFiles.GENERATED + "penalty-provisions.drl";

    private RuleGenerator() {
    }

    public static SortedMap<String, String> generate(LawBook book) {
        SortedMap<String, String> out = new TreeMap<>();
        out.put(NO_PENALTY_FILE, noPenaltyItems(book));
        out.put(PROVISIONS_FILE, provisions(book));
        return out;
    }

    private static String header(String table, String what) {
        return "// 由 tables/" + table + " 生成，请勿手工修改：修改表格后重新构建，或用 --rules 指向规则目录直接加载。\n"
                + "// " + what + "\n"
                + "package tianping.rules;\n\n"
                + "import tianping.facts.Finding;\n"
                + "import tianping.decide.Decisions;\n\n";
    }

    private static String noPenaltyItems(LawBook book) {
        StringBuilder drl = new StringBuilder(header("no-penalty-items.csv",
                "不予处罚清单事项：每一事项一条规则，条件 = 法定条件 + 清单共同条件 + 初次违法认定（首违不罚）+ 事项条件。"));
        for (NoPenaltyItem item : book.items()) {
            NoPenaltyList list = item.list();
            drl.append("rule ").append(text(item.id() + " " + item.kind().kind() + "：" + item.name())).append('\n');
            meta(drl, "id", item.id());
            meta(drl, "kind", item.kind().kind());
            meta(drl, "disposition", "不予处罚");
            meta(drl, "mandatory", item.kind().mandatory() ? "应当" : "可以");
            meta(drl, "violation", String.join(", ", item.violations()));
            meta(drl, "region", String.join(", ", list.regions()));
            meta(drl, "list", list.id());
            meta(drl, "legalBasis", item.legalBasis());
            meta(drl, "penaltyArticle", item.penaltyArticle());
            meta(drl, "source", list.source());
            meta(drl, "validFrom", item.validity().from().toString());
            meta(drl, "validTo", item.validity().to() == null ? "" : item.validity().to().toString());
            meta(drl, "overrides", String.join(", ", item.overrides()));
            drl.append("    agenda-group \"no-penalty\"\n");
            drl.append("when\n");
            finding(drl, item.violations(), list.regions(), item.conditions());
            drl.append("then\n    Decisions.propose(kcontext, $f, \"\");\nend\n\n");
        }
        return drl.toString();
    }

    private static String provisions(LawBook book) {
        StringBuilder drl = new StringBuilder(header("penalty-provisions.csv",
                "罚则：每一条款一条规则，违法行为相符（及适用条件成立）即建议依该条款罚款；多个条款时依行政处罚法第二十九条取罚款数额高者。"));
        for (PenaltyProvision p : book.provisions()) {
            drl.append("rule ").append(text(p.id() + " " + p.legalBasis() + "：" + p.summary())).append('\n');
            meta(drl, "id", p.id());
            meta(drl, "disposition", "罚款");
            meta(drl, "violation", String.join(", ", p.violations()));
            meta(drl, "legalBasis", p.legalBasis());
            meta(drl, "source", p.source());
            meta(drl, "validFrom", p.validity().from().toString());
            meta(drl, "validTo", p.validity().to() == null ? "" : p.validity().to().toString());
            drl.append("    agenda-group \"provisions\"\n");
            drl.append("when\n");
            finding(drl, p.violations(), List.of(), p.conditions());
            drl.append("then\n    Decisions.propose(kcontext, $f, ").append(text(p.summary())).append(");\nend\n\n");
        }
        return drl.toString();
    }

    private static void finding(StringBuilder drl, List<String> violations, List<String> regions, List<Condition> conditions) {
        if (violations.isEmpty()) throw new IllegalArgumentException("没有违法行为的规则不能生成（GeneratorInput 应已拒绝）");
        List<String[]> lines = new java.util.ArrayList<>();
        // a single equality lets Drools hash the test across all rules (alpha-node hashing), unlike "in (…)"
        lines.add(new String[]{violations.size() == 1 ? "violation == " + quote(violations.get(0))
                : "violation in (" + violations.stream().map(RuleGenerator::quote).collect(Collectors.joining(", ")) + ")", "违法行为"});
        if (!regions.isEmpty()) {
            String any = regions.stream().map(r -> "inRegion(" + DrlText.literal(r) + ")").collect(Collectors.joining(" || "));
            lines.add(new String[]{regions.size() == 1 ? any : "(" + any + ")", "适用地区"});
        }
        for (Condition c : conditions) lines.add(new String[]{c.drl(), c.origin() + "：" + c.text()});
        drl.append("    $f : Finding(\n");
        for (int i = 0; i < lines.size(); i++) {
            drl.append("        ").append(lines.get(i)[0]).append(i < lines.size() - 1 ? "," : "")
                    .append("    // ").append(comment(lines.get(i)[1])).append('\n');
        }
        drl.append("    )\n");
    }

    private static void meta(StringBuilder drl, String key, String value) {
        drl.append("    @").append(key).append("(").append(text(value)).append(")\n");
    }

    /** Identifiers (violation codes) compared with facts: exact, as an escaped literal. */
    private static String quote(String s) {
        return DrlText.literal(s);
    }

    /** Text people read (names, metadata, messages): straight quotes as Chinese ones, then an escaped literal. */
    private static String text(String s) {
        return DrlText.literal(DrlText.readable(s));
    }

    /** A condition as written, after "//": it must not end the comment's line. */
    private static String comment(String s) {
        String problem = DrlText.problem(s);
        if (problem != null) throw new IllegalArgumentException("不能写入生成规则的注释：" + problem);
        return s;
    }
}
