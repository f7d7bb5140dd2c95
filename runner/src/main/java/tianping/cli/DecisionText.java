package tianping.cli;

import tianping.engine.Decision;
import tianping.law.ConditionResult;
import tianping.law.Numbers;

/** The decision as officers read it: conclusion first, then each finding with its basis, then the rule trace. */
final class DecisionText {

    private DecisionText() {
    }

    private static void trace(StringBuilder out, String title, java.util.List<Decision.TraceStep> steps) {
        out.append('\n').append(title).append("（").append(steps.size()).append(" 条）：\n");
        for (Decision.TraceStep s : steps) {
            out.append(String.format("  %3d. [%s] %s", s.seq(), s.phase(), s.name())).append('\n');
            if (!s.legalBasis().isEmpty()) out.append("       依据：").append(s.legalBasis()).append('\n');
            out.append("       事实：").append(String.join("；", s.facts())).append('\n');
            if (!s.concluded().isEmpty()) out.append("       结论：").append(String.join("；", s.concluded())).append('\n');
        }
    }

    static String render(Decision d, String ruleSetOrigin) {
        StringBuilder out = new StringBuilder();
        out.append("案件 ").append(d.caseId()).append(" 处理意见（决定日期 ").append(d.decisionDate()).append("）\n");
        out.append("企业：").append(d.enterprise().name()).append("（").append(d.enterprise().uscc()).append("，")
                .append(d.enterprise().regionName().isEmpty() ? d.enterprise().regionCode() : d.enterprise().regionName()).append("）\n");
        out.append("结论：").append(d.summary()).append('\n');
        out.append("预警：").append(d.warning() == null ? "无" : d.warning()).append('\n');
        if (!d.historySources().isEmpty()) {
            out.append("违法历史来源（部分取自天平的决定记录）：\n");
            for (String h : d.historySources()) out.append("  ").append(h).append('\n');
        }
        for (Decision.FindingDecision f : d.findings()) {
            out.append("\n■ 违法事实 ").append(f.id()).append("：").append(f.violationName()).append("（行为日 ").append(f.actDate());
            if (!f.judgedOn().equals(f.actDate())) out.append("，适用 ").append(f.judgedOn()).append(" 施行的规定");
            out.append("）\n");
            out.append("  违反条款：").append(f.violatedProvision()).append('\n');
            for (String e : f.evidence()) out.append("  证据：").append(e).append('\n');
            Decision.Conclusion disp = f.disposition();
            out.append("  处理结论（").append(disp.mandatory()).append("）：").append(disp.kind());
            if (f.fine() != null) {
                out.append(" ").append(Numbers.yuan(f.fine().amount())).append("（法定幅度 ").append(Numbers.yuan(f.fine().min()))
                        .append(" 至 ").append(Numbers.yuan(f.fine().max())).append("）");
            } else if (disp.amount() != null) {
                out.append(" ").append(Numbers.yuan(disp.amount()));
            }
            out.append('\n');
            out.append("    依据：").append(disp.legalBasis()).append(" [").append(disp.rule()).append("]\n");
            if (!disp.note().isEmpty() && f.fine() == null) out.append("    说明：").append(disp.note()).append('\n');
            if (f.fine() != null) {
                for (String step : f.fine().steps()) out.append("    · ").append(step).append('\n');
            }
            for (Decision.Conclusion m : f.measures()) {
                out.append("  措施（").append(m.mandatory()).append("）：").append(m.kind());
                if (!m.note().isEmpty()) out.append("（").append(m.note()).append("）");
                out.append(" —— ").append(m.legalBasis()).append(" [").append(m.rule()).append("]\n");
            }
            for (Decision.NotAppliedRef n : f.notApplied()) {
                out.append("  不适用：").append(n.measure()).append(" [").append(n.rule()).append("] —— ").append(n.reason()).append('\n');
            }
            for (Decision.LadderStep s : f.escalation()) {
                out.append("  递进：").append(s.ladder()).append("，第 ").append(s.step()).append(" 步“").append(s.name()).append("”\n");
            }
            out.append("  预警：").append(f.warning() == null ? "无" : f.warning());
            if (f.warningScheme() != null) out.append("（").append(f.warningScheme()).append("）");
            out.append('\n');
            for (Decision.SupersededRef s : f.superseded()) {
                out.append("  未采纳：").append(s.rule()).append("（").append(s.kind()).append("）—— ").append(s.reason()).append('\n');
            }
            if (!f.exemptions().isEmpty()) out.append("  不予处罚清单核对：\n");
            for (Decision.ExemptionCheck e : f.exemptions()) {
                String mark = e.applied() ? "✓ 适用"
                        : !e.inForce() ? "✗ 不在有效期内" + (e.conditionsMet() ? "（条件成立）" : "")
                        : e.conditionsMet() && e.supersededBy() != null ? "○ 条件成立但未采纳（" + e.supersededBy() + " 优先）"
                        : e.conditionsMet() ? "○ 条件成立但未采纳" : "✗ 不适用";
                out.append("    ").append(mark).append(" ").append(e.item()).append(" ").append(e.kind()).append("：").append(e.name()).append('\n');
                out.append("      ").append(e.list()).append("，有效期 ").append(e.validity()).append('\n');
                if (!e.inForce()) out.append("      · 适用日期 ").append(f.judgedOn()).append(" 不在有效期内\n");
                if (e.afterExpiry() != null) out.append("      · 清单失效后适用：").append(e.afterExpiry()).append('\n');
                for (ConditionResult r : e.failed()) {
                    out.append("      · ").append(r.explanation()).append("（").append(r.origin()).append("）\n");
                }
            }
        }
        if (!d.clues().isEmpty()) {
            out.append("\n线索（原始数据所示、不构成违法事实，供现场核查）：\n");
            for (String c : d.clues()) out.append("  ").append(c).append('\n');
        }
        if (!d.lighterLaw().isEmpty()) {
            out.append("\n从旧兼从轻（行政处罚法第三十七条）：违法行为发生后、作出决定前规则集有变化，按两个时点的规定分别核查：\n");
            for (Decision.LawComparison c : d.lighterLaw()) {
                out.append("  ").append(c.finding()).append("：行为时（").append(c.actDate()).append("）规定 ").append(c.underActDateLaw())
                        .append("；裁决时（").append(d.decisionDate()).append("）规定 ").append(c.underDecisionDateLaw())
                        .append(" → 适用").append(c.applied()).append("。").append(c.reason()).append('\n');
            }
        }
        trace(out, "规则执行记录（按违法行为发生时的规定）", d.trace());
        if (!d.traceAtDecisionDate().isEmpty()) trace(out, "规则执行记录（按作出决定时的规定）", d.traceAtDecisionDate());
        for (Decision.NotInForce n : d.notInForce()) {
            out.append("  —  ").append(n.name()).append("：").append(n.judgedOn()).append(" 不在有效期（").append(n.validity()).append("）内，未适用\n");
        }
        out.append("\n规则集 ").append(d.fingerprints().ruleSet()).append("（").append(ruleSetOrigin).append("，").append(d.fingerprints().engine()).append("）\n");
        out.append("引擎   ").append(d.fingerprints().engineCode()).append("（作出决定的代码的指纹）\n");
        out.append("输入   ").append(d.fingerprints().input()).append('\n');
        return out.toString();
    }
}
