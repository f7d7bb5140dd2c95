package tianping.engine;

import tianping.decide.Fine;
import tianping.decide.NotApplied;
import tianping.decide.Proposal;
import tianping.decide.Resolution;
import tianping.facts.Finding;
import tianping.facts.Order;
import tianping.facts.PriorFinding;
import tianping.facts.PriorWarning;
import tianping.facts.Reinspection;
import tianping.law.Numbers;

import java.util.Collection;
import java.util.stream.Collectors;

/** How the trace names a fact: short, in Chinese, with the values a reviewer checks, and never an object id. */
final class FactText {

    private FactText() {
    }

    static String of(Object o) {
        if (o instanceof Finding f) return "违法事实 " + f.getId() + "（" + f.getViolationName() + "，行为日 " + f.getActDate() + "）";
        if (o instanceof PriorFinding p) {
            return "历史违法 " + p.id() + "（" + p.violation() + "，发现日 " + p.discoveredOn() + "，" + p.outcome()
                    + (p.fine() != null ? " " + Numbers.yuan(p.fine()) : "") + "）";
        }
        if (o instanceof Order ord) return ord.kind() + "决定 " + ord.id() + "（针对 " + ord.relatesTo() + "，送达 " + ord.servedOn() + "）";
        if (o instanceof Reinspection r) {
            return "复查（" + r.relatesTo() + "，" + r.on() + "，" + (r.stillViolating() ? "违法行为仍在继续" : "已改正")
                    + (r.dailyPenaltyImposed() ? "，已按日计罚" : "") + "）";
        }
        if (o instanceof PriorWarning w) {
            return w.grade() + "预警（" + w.issuedOn() + " 发出" + (w.liftedOn() == null ? "，未摘牌" : "，" + w.liftedOn() + " 摘牌") + "）";
        }
        if (o instanceof Proposal p) return p.toString();
        if (o instanceof Resolution r) {
            // what did not stand, and why, is in the decision's "superseded"
            if (r.conflict() != null) return r.finding().getId() + " 冲突：" + r.conflict();
            return r.finding().getId() + " 成立：" + r.standing().stream().map(p -> p.kind() + "（" + p.ruleId() + "）")
                    .collect(Collectors.joining("、")) + (r.superseded().isEmpty() ? "" : "；未采纳 " + r.superseded().size() + " 项");
        }
        if (o instanceof NotApplied n) return n.finding().getId() + " 不适用" + n.measure() + "（" + n.rule() + "）：" + n.reason();
        if (o instanceof Fine f) return f.finding().getId() + " 罚款 " + Numbers.yuan(f.amount()) + "（" + f.provisionId() + "，" + f.benchmark() + "）";
        if (o instanceof Collection<?> c) {
            // collected facts come in engine order; sorted, the same case always reads the same. Proposals are
            // named by rule and kind only: their notes are in the steps that made them.
            return c.isEmpty() ? "（无）" : c.stream().map(x -> x instanceof Proposal p ? p.ruleId() + " " + p.kind() : of(x))
                    .sorted().collect(Collectors.joining("、", c.size() + " 项：", ""));
        }
        return String.valueOf(o);
    }
}
