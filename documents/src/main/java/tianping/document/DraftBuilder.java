package tianping.document;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.law.Numbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Drafts one document from a decision ({@code check --json}'s JSON) and, where at hand, the case it decided (for
 * the dates of discovery). The structure is that of the 生态环境行政处罚文书 model texts — 当事人, 违法事实和证据,
 * 违反条款, 依据与理由, 处罚内容, 履行方式和期限, 救济途径 — and every fixed sentence comes from {@link Wording}.
 * What neither the decision nor the case says (address, 法定代表人, 文号, the review body and court, the bank
 * account …) is left as a marked blank.
 *
 * <p>A document covers the findings it fits: a 行政处罚决定书 the fined ones, a 不予行政处罚决定书 those not
 * punished (不予处罚 of any kind, or 不再处罚 after the limitation period), a 责令改正违法行为决定书 those with a
 * 责令改正 measure. A decision with none of them is refused with the reason, never drafted.
 */
public final class DraftBuilder {

    private static final String NO_PENALTY = "不予处罚";
    private static final String TIME_BARRED = "不再处罚";
    private static final String CORRECTION = "责令改正";

    private final Wording w;

    public DraftBuilder(Wording wording) {
        this.w = wording;
    }

    public DraftBuilder() {
        this(Wording.standard());
    }

    /**
     * @param caseTree the case (may be null: then the date of discovery is a blank)
     * @param decision the decision as {@code check --json} prints it
     */
    public Draft build(DocumentKind kind, JsonNode caseTree, JsonNode decision) throws DocumentException {
        if (decision == null || !decision.path("findings").isArray() || !decision.path("enterprise").isObject()) {
            throw new DocumentException("给出的不是天平的决定（应有 enterprise 与 findings）");
        }
        List<JsonNode> chosen = select(kind, decision);
        String title = w.text("title." + kind.code());
        List<Block> out = new ArrayList<>();
        add(out, Block.Style.AUTHORITY, w.fill("authority"));
        out.add(new Block(Block.Style.TITLE, List.of(Piece.text(title))));
        add(out, Block.Style.NUMBER, w.fill("number"));
        party(out, decision.path("enterprise"));
        facts(out, chosen, caseTree);
        switch (kind) {
            case PENALTY -> penalty(out, chosen, decision, false);
            case NOTICE -> penalty(out, chosen, decision, true);
            case NO_PENALTY -> noPenalty(out, chosen);
            case RECTIFY -> rectify(out, chosen);
        }
        add(out, Block.Style.SIGNATURE, w.fill("sign.authority"));
        // a notice is dated when it is served; the decision kinds by the decision's date, which the case gives
        add(out, Block.Style.SIGNATURE, w.fill("sign.date", values("日期", kind == DocumentKind.NOTICE ? null : date(decision.path("decisionDate").asText(null)))));
        JsonNode fp = decision.path("fingerprints");
        // the note is tianping's, not the officer's to fill: what a decision does not record is said, not left blank
        add(out, Block.Style.NOTE, w.fill("draft.note", values("案件编号", orNone(text(decision, "caseId")),
                "规则集指纹", orNone(text(fp, "ruleSet")), "输入指纹", orNone(text(fp, "input")))));
        return new Draft(kind, title, out);
    }

    // ---- which findings a document covers ----

    private static List<JsonNode> select(DocumentKind kind, JsonNode decision) throws DocumentException {
        List<JsonNode> chosen = covered(kind, decision);
        if (chosen.isEmpty()) {
            String why = switch (kind) {
                case PENALTY, NOTICE -> "没有处以罚款的违法事实";
                case NO_PENALTY -> "没有不予处罚（或因超过追责时效不再处罚）的违法事实";
                case RECTIFY -> "没有责令改正的违法事实";
            };
            throw new DocumentException("决定（案件 " + decision.path("caseId").asText() + "，结论：" + decision.path("summary").asText()
                    + "）" + why + "，不能制作" + Wording.standard().text("title." + kind.code()) + "。可制作的文书：" + fitting(decision));
        }
        return chosen;
    }

    /** The findings a kind of document covers (none when it does not fit). */
    static List<JsonNode> covered(DocumentKind kind, JsonNode decision) {
        Predicate<JsonNode> fits = switch (kind) {
            case PENALTY, NOTICE -> f -> amount(f) != null;
            case NO_PENALTY -> f -> {
                String k = f.path("disposition").path("kind").asText();
                return k.startsWith(NO_PENALTY) || k.equals(TIME_BARRED);
            };
            case RECTIFY -> f -> {
                for (JsonNode m : f.path("measures")) if (m.path("kind").asText().equals(CORRECTION)) return true;
                return false;
            };
        };
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode f : decision.path("findings")) if (fits.test(f)) chosen.add(f);
        return chosen;
    }

    /** The kinds a decision does fit, for the error message. */
    static String fitting(JsonNode decision) {
        List<String> ok = new ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            if (k == DocumentKind.NOTICE) continue; // goes with 处罚
            if (!covered(k, decision).isEmpty()) ok.add(k == DocumentKind.PENALTY ? "告知、处罚" : k.code());
        }
        return ok.isEmpty() ? "无" : String.join("、", ok);
    }

    /** The fine or daily penalty of a finding, exact; null when it has none. */
    static BigDecimal amount(JsonNode f) {
        JsonNode fine = f.path("fine");
        if (fine.isObject() && fine.path("amount").isNumber()) return fine.get("amount").decimalValue();
        JsonNode d = f.path("disposition");
        if (d.path("amount").isNumber() && (d.path("kind").asText().equals("罚款") || d.path("kind").asText().equals("按日连续处罚"))) {
            return d.get("amount").decimalValue();
        }
        return null;
    }

    // ---- sections ----

    private void party(List<Block> out, JsonNode e) {
        add(out, Block.Style.PARTY, w.fill("party.name", values("名称", text(e, "name"))));
        add(out, Block.Style.PARTY, w.fill("party.uscc", values("统一社会信用代码", text(e, "uscc"))));
        add(out, Block.Style.PARTY, w.fill("party.rep"));
        add(out, Block.Style.PARTY, w.fill("party.address"));
    }

    private void facts(List<Block> out, List<JsonNode> chosen, JsonNode caseTree) {
        add(out, Block.Style.HEADING, w.fill("heading.facts"));
        String discovered = null;
        boolean same = true;
        for (JsonNode f : chosen) {
            String d = caseFinding(caseTree, f.path("id").asText()).path("discoveredOn").asText(null);
            if (discovered != null && !discovered.equals(d)) same = false;
            if (discovered == null) discovered = d;
        }
        add(out, Block.Style.PARAGRAPH, w.fill("facts.intro", values("发现日期", same ? date(discovered) : null)));
        int n = 0;
        List<String> evidence = new ArrayList<>();
        for (JsonNode f : chosen) {
            add(out, Block.Style.ITEM, w.fill("facts.item", values("序号", String.valueOf(++n), "违法行为", text(f, "violationName"),
                    "行为日", date(f.path("actDate").asText(null)))));
            for (JsonNode ev : f.path("evidence")) evidence.add(ev.asText());
        }
        add(out, Block.Style.PARAGRAPH, w.fill("facts.evidence"));
        int m = 0;
        for (String ev : evidence) out.add(new Block(Block.Style.ITEM, List.of(Piece.text((++m) + ". " + ev))));
        List<Piece> other = new ArrayList<>();
        other.add(Piece.text((++m) + ". "));
        other.addAll(w.fill("facts.evidenceOther"));
        out.add(new Block(Block.Style.ITEM, other));
        add(out, Block.Style.HEADING, w.fill("heading.violated"));
        n = 0;
        for (JsonNode f : chosen) {
            add(out, Block.Style.PARAGRAPH, numbered(chosen, ++n, w.fill("facts.violated", values("违反条款", text(f, "violatedProvision")))));
        }
    }

    private void penalty(List<Block> out, List<JsonNode> chosen, JsonNode decision, boolean notice) {
        DocumentKind kind = notice ? DocumentKind.NOTICE : DocumentKind.PENALTY;
        add(out, Block.Style.HEADING, w.fill("heading.basis." + kind.code()));
        int n = 0;
        for (JsonNode f : chosen) {
            JsonNode fine = f.path("fine");
            String basis = fine.isObject() ? text(fine, "legalBasis") : text(f.path("disposition"), "legalBasis");
            add(out, Block.Style.PARAGRAPH, numbered(chosen, ++n, w.fill("basis.penalty", values("处罚依据", basis))));
            if (fine.isObject()) {
                for (JsonNode step : fine.path("steps")) out.add(new Block(Block.Style.ITEM, List.of(Piece.text(step.asText()))));
            } else if (!f.path("disposition").path("note").asText().isEmpty()) {
                out.add(new Block(Block.Style.ITEM, List.of(Piece.text(f.path("disposition").path("note").asText()))));
            }
        }
        if (!notice) add(out, Block.Style.PARAGRAPH, w.fill("basis.statement"));
        add(out, Block.Style.HEADING, w.fill("heading.content." + kind.code()));
        add(out, Block.Style.PARAGRAPH, w.fill(notice ? "content.notice" : "content.penalty"));
        n = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode f : chosen) {
            BigDecimal a = amount(f);
            total = total.add(a);
            String sort = f.path("disposition").path("kind").asText().equals("按日连续处罚") ? "按日连续处罚，罚款" : "罚款";
            add(out, Block.Style.ITEM, numbered(chosen, ++n, w.fill("content.item", values("处罚种类", sort, "大写", CapitalAmount.of(a),
                    "小写", "¥" + Numbers.yuan(a)))));
        }
        if (chosen.size() > 1) {
            add(out, Block.Style.PARAGRAPH, w.fill("content.total", values("大写", CapitalAmount.of(total), "小写", "¥" + Numbers.yuan(total))));
        }
        if (notice) {
            add(out, Block.Style.HEADING, w.fill("heading.rights"));
            add(out, Block.Style.PARAGRAPH, w.fill("rights.statement"));
            add(out, Block.Style.PARAGRAPH, w.fill("rights.hearing"));
            add(out, Block.Style.PARAGRAPH, w.fill("rights.contact"));
            return;
        }
        add(out, Block.Style.HEADING, w.fill("heading.perform"));
        add(out, Block.Style.PARAGRAPH, w.fill("perform.pay"));
        add(out, Block.Style.PARAGRAPH, w.fill("perform.late"));
        add(out, Block.Style.HEADING, w.fill("heading.remedy." + kind.code()));
        add(out, Block.Style.PARAGRAPH, w.fill("remedy.appeal"));
        add(out, Block.Style.PARAGRAPH, w.fill("remedy.noStay"));
        add(out, Block.Style.PARAGRAPH, w.fill("remedy.enforce"));
    }

    private void noPenalty(List<Block> out, List<JsonNode> chosen) {
        add(out, Block.Style.HEADING, w.fill("heading.basis." + DocumentKind.NO_PENALTY.code()));
        int n = 0;
        boolean allTimeBarred = true;
        for (JsonNode f : chosen) {
            JsonNode d = f.path("disposition");
            boolean timeBarred = d.path("kind").asText().equals(TIME_BARRED);
            allTimeBarred &= timeBarred;
            add(out, Block.Style.PARAGRAPH, numbered(chosen, ++n, w.fill("basis.noPenalty", values("不予处罚依据", text(d, "legalBasis")))));
            if (!d.path("note").asText().isEmpty()) out.add(new Block(Block.Style.ITEM, List.of(Piece.text(d.path("note").asText()))));
            for (JsonNode e : f.path("exemptions")) {
                if (!e.path("applied").asBoolean()) continue;
                add(out, Block.Style.PARAGRAPH, w.fill("basis.noPenaltyMet", values("清单", text(e, "list"), "事项",
                        text(e, "name"))));
                for (JsonNode c : e.path("met")) out.add(new Block(Block.Style.ITEM, List.of(Piece.text(c.path("explanation").asText()))));
            }
            for (JsonNode m : f.path("measures")) {
                String mk = m.path("kind").asText();
                if (mk.equals("教育")) add(out, Block.Style.PARAGRAPH, w.fill("basis.education", values("教育依据", text(m, "legalBasis"))));
                if (mk.equals(CORRECTION)) add(out, Block.Style.PARAGRAPH, w.fill("basis.correctionToo", values("责令改正依据", text(m, "legalBasis"))));
            }
        }
        add(out, Block.Style.PARAGRAPH, w.fill(allTimeBarred ? "basis.limitationDecide" : "basis.noPenaltyDecide"));
        add(out, Block.Style.HEADING, w.fill("heading.remedy." + DocumentKind.NO_PENALTY.code()));
        add(out, Block.Style.PARAGRAPH, w.fill("remedy.appeal"));
    }

    private void rectify(List<Block> out, List<JsonNode> chosen) {
        add(out, Block.Style.HEADING, w.fill("heading.basis." + DocumentKind.RECTIFY.code()));
        int n = 0;
        for (JsonNode f : chosen) {
            String basis = null;
            for (JsonNode m : f.path("measures")) if (m.path("kind").asText().equals(CORRECTION)) basis = text(m, "legalBasis");
            add(out, Block.Style.PARAGRAPH, numbered(chosen, ++n, w.fill("rectify.order", values("责令改正依据", basis))));
        }
        add(out, Block.Style.HEADING, w.fill("heading.refuse"));
        add(out, Block.Style.PARAGRAPH, w.fill("refuse.supervise"));
        add(out, Block.Style.HEADING, w.fill("heading.remedy." + DocumentKind.RECTIFY.code()));
        add(out, Block.Style.PARAGRAPH, w.fill("remedy.appeal"));
    }

    // ---- helpers ----

    private static void add(List<Block> out, Block.Style style, List<Piece> pieces) {
        out.add(new Block(style, pieces));
    }

    /** "1. " before a finding's paragraph when the document covers several. */
    private static List<Piece> numbered(List<JsonNode> chosen, int n, List<Piece> pieces) {
        if (chosen.size() < 2) return pieces;
        List<Piece> p = new ArrayList<>(pieces.size() + 1);
        p.add(Piece.text(n + ". "));
        p.addAll(pieces);
        return p;
    }

    private static JsonNode caseFinding(JsonNode caseTree, String id) {
        if (caseTree != null) for (JsonNode f : caseTree.path("findings")) if (f.path("id").asText().equals(id)) return f;
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** A text field, null when missing or empty (it becomes a blank). */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static String orNone(String s) {
        return s == null ? "未记载" : s;
    }

    /** 2024-03-02 → 2024年3月2日; null stays null (a blank). */
    static String date(String iso) {
        if (iso == null || iso.isEmpty()) return null;
        try {
            LocalDate d = LocalDate.parse(iso);
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        } catch (java.time.DateTimeException e) {
            return iso;
        }
    }

    private static Map<String, String> values(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
