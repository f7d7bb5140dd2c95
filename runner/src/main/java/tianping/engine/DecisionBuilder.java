package tianping.engine;

import tianping.decide.Fine;
import tianping.decide.Money;
import tianping.decide.NotApplied;
import tianping.decide.Proposal;
import tianping.decide.Resolution;
import tianping.decide.Superseded;
import tianping.facts.Episode;
import tianping.facts.Finding;
import tianping.law.ConditionResult;
import tianping.law.NoPenaltyItem;
import tianping.law.Numbers;
import tianping.read.CaseError;
import tianping.read.CaseFile;
import tianping.read.CaseRejected;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the rules concluded (resolutions, fines) and the trace into the {@link Decision}, and explains every
 * candidate no-penalty item from its conditions. The explanation re-evaluates the item's conditions from the
 * tables; if that disagrees with whether the item's rule fired, the rule set is inconsistent and the decision is
 * refused rather than explained wrongly.
 */
final class DecisionBuilder {

    /*
     * Severity order, warning grades, annotations (measures that qualify others and are not listed in the case
     * outcome) and ladder steps are the rule set's outcome-kinds.csv (kinds below).
     */
    private static final String ENFORCEMENT_LADDER = "责令改正→罚款→按日连续处罚→查封扣押、限产停产→移送公安机关";

    private final RuleSet ruleSet;
    private final tianping.law.OutcomeKinds outcomeKinds;
    private final CaseFile c;
    private final Trace trace;
    /** One rendering per fact: the same finding or resolution is matched by many steps. */
    private final Map<Object, String> factText = new java.util.IdentityHashMap<>();

    DecisionBuilder(RuleSet ruleSet, CaseFile c, Trace trace) {
        this.ruleSet = ruleSet;
        this.outcomeKinds = ruleSet.law().book().outcomeKinds();
        this.c = c;
        this.trace = trace;
    }

    /** One run of the rules over the case: the decision on each finding, the trace, the rules not in force. */
    record Evaluation(List<Decision.FindingDecision> findings, List<Decision.TraceStep> trace,
                      List<Decision.NotInForce> notInForce) {
    }

    Evaluation evaluate(String file) throws CaseRejected {
        Map<Finding, Resolution> first = new HashMap<>();
        Map<Finding, Resolution> second = new HashMap<>();
        Map<Finding, Fine> fines = new HashMap<>();
        Map<Finding, List<Decision.NotAppliedRef>> notApplied = new HashMap<>();
        for (Object o : trace.inserted()) {
            if (o instanceof Resolution r) (r.round() == 1 ? first : second).put(r.finding(), r);
            else if (o instanceof Fine f) fines.put(f.finding(), f);
            else if (o instanceof NotApplied n) {
                notApplied.computeIfAbsent(n.finding(), k -> new ArrayList<>()).add(new Decision.NotAppliedRef(n.rule(), n.measure(), n.reason()));
            }
        }
        List<Decision.FindingDecision> findings = new ArrayList<>();
        List<CaseError> conflicts = new ArrayList<>();
        for (Finding f : c.findings()) {
            Resolution r1 = first.get(f);
            if (r1 == null || r1.conflict() != null) {
                boolean none = r1 == null || r1.standing().stream().noneMatch(Proposal::isDisposition);
                conflicts.add(new CaseError(file, c.pathOf(f), none ? "no_applicable_rule" : "rule_conflict", none
                        ? "违法行为 " + f.getViolation() + "（" + f.getViolationName() + "）在 " + f.getJudgedOn()
                          + " 没有有效的罚则或其他处理规则：规则集尚未覆盖该时期的规定"
                        : r1.conflict()));
                continue;
            }
            List<Decision.NotAppliedRef> na = new ArrayList<>(notApplied.getOrDefault(f, List.of()));
            na.sort(Comparator.comparing(Decision.NotAppliedRef::rule));
            findings.add(finding(f, r1, second.get(f), fines.get(f), na));
        }
        if (!conflicts.isEmpty()) throw new CaseRejected(conflicts);
        return new Evaluation(findings, traceSteps(), trace.notInForce().stream().sorted(Comparator.comparing(Decision.NotInForce::rule)
                .thenComparing(n -> n.finding() == null ? "" : n.finding())).toList());
    }

    /** The decision on the case from the chosen decision on each finding. */
    static Decision decision(RuleSet ruleSet, CaseFile c, List<Decision.FindingDecision> findings, Evaluation underActDateLaw,
                             List<Decision.LawComparison> comparisons, List<Decision.TraceStep> traceAtDecisionDate) {
        tianping.law.OutcomeKinds outcomeKinds = ruleSet.law().book().outcomeKinds();
        List<String> outcome = caseOutcome(outcomeKinds, findings);
        String warning = findings.stream().map(Decision.FindingDecision::warning).filter(w -> w != null)
                .min(Comparator.comparingInt(outcomeKinds::warningRank)).orElse(null);
        BigDecimal total = BigDecimal.ZERO;
        for (Decision.FindingDecision fd : findings) total = total.add(amount(fd));
        total = Money.plain(total);
        return new Decision(c.caseId(), c.decisionDate(),
                new Decision.EnterpriseRef(c.enterprise().uscc(), c.enterprise().name(), c.enterprise().regionCode(), c.enterprise().regionName()),
                outcome, String.join("；", outcome), warning, total, findings, c.clues().stream().map(DecisionBuilder::episode).toList(),
                underActDateLaw.trace(), underActDateLaw.notInForce(),
                comparisons, traceAtDecisionDate, historySources(c), new Decision.Fingerprints(ruleSet.fingerprint(), c.inputFingerprint(), EngineVersion.FULL, EngineVersion.CODE));
    }

    /**
     * Where the case's history came from, one line per prior finding, when any was taken from the decision log
     * (the case then records it, so a replay says the same); empty — left out — for history the case brought alone.
     */
    static List<String> historySources(CaseFile c) {
        if (c.priorFindings().stream().noneMatch(p -> p.fromRecord() != null)) return List.of();
        return c.priorFindings().stream().map(p -> {
            var r = p.fromRecord();
            return p.id() + "：" + (r == null ? "案件自带" : "决定记录 seq " + r.seq() + (r.caseId() == null ? "" : "（案件 " + r.caseId() + "，"
                    + p.outcome() + "）") + " " + r.hash());
        }).toList();
    }

    /** The fine or daily penalty of a finding, in yuan; 0 if none. */
    static BigDecimal amount(Decision.FindingDecision fd) {
        if (fd.fine() != null) return fd.fine().amount();
        return fd.disposition().amount() != null ? fd.disposition().amount() : BigDecimal.ZERO;
    }

    private Decision.FindingDecision finding(Finding f, Resolution r1, Resolution r2, Fine fine, List<Decision.NotAppliedRef> notApplied) {
        Proposal disposition = r1.disposition();
        List<Proposal> standing = new ArrayList<>(r1.standing());
        if (r2 != null) standing.addAll(r2.standing());
        List<Decision.Conclusion> measures = standing.stream().filter(p -> !p.isDisposition() && !outcomeKinds.isWarning(p.kind()))
                .sorted(Comparator.comparingInt((Proposal p) -> outcomeKinds.rank(p.kind())).thenComparing(Proposal::ruleId))
                .map(this::conclusion).toList();
        String warning = standing.stream().map(Proposal::kind).filter(outcomeKinds::isWarning)
                .min(Comparator.comparingInt(outcomeKinds::warningRank)).orElse(null);
        List<Superseded> superseded = new ArrayList<>(r1.superseded());
        if (r2 != null) superseded.addAll(r2.superseded());
        Decision.FineDetail fineDetail = fine == null ? null : new Decision.FineDetail(fine.amount(), fine.min(), fine.max(),
                fine.provisionId(), fine.legalBasis(), fine.benchmark(), fine.steps());
        return new Decision.FindingDecision(f.getId(), f.getViolation(), f.getViolationName(), f.getType().dutyArticle(),
                f.getActDate(), f.getJudgedOn(),
                conclusion(disposition), fineDetail, measures, escalation(standing),
                warning, superseded.stream().map(s -> new Decision.SupersededRef(s.loser().ruleId(), s.loser().kind(),
                        s.winner().ruleId(), explain(s))).toList(),
                exemptions(f, r1), evidence(f), notApplied, warningScheme(f));
    }

    static final String NO_WARNING_SCHEME = "本地区未配置预警办法";

    /**
     * Graded warnings are a local scheme (江西红黄牌, 广元): where no rule grading warnings applies to the enterprise's
     * region, the decision says so instead of being silent about warnings (issue 10: the region's own law only).
     */
    private String warningScheme(Finding f) {
        return ruleSet.gradesWarnings(f) ? null : NO_WARNING_SCHEME;
    }

    /**
     * The reason a proposal did not stand, in the law's words where one measure excludes another: a detention
     * referral gives way to a criminal referral for the same act (环境保护法第六十三条: 尚不构成犯罪的), and 从重/从轻
     * never move an amount the law fixes (按日连续处罚 = 原处罚数额 × 日数).
     */
    private static String explain(Superseded s) {
        String loser = s.loser().kind();
        String winner = s.winner().kind();
        if (loser.equals("移送公安机关（行政拘留）") && winner.equals("移送公安机关（涉嫌污染环境罪）")) {
            return s.reason() + "：环境保护法第六十三条的行政拘留以“尚不构成犯罪”为前提，同一违法行为已涉嫌污染环境罪移送公安机关，"
                    + "不再另行移送行政拘留";
        }
        if ((loser.equals("从重处罚") || loser.equals("从轻处罚")) && winner.equals(Proposal.DAILY_PENALTY)) {
            return s.reason() + "：按日连续处罚的数额由法律规定（原处罚数额 × 计罚日数，环境保护法第五十九条），不因" + loser + "情节调整";
        }
        return s.reason();
    }

    private static List<String> evidence(Finding f) {
        List<String> out = new ArrayList<>();
        for (var e : f.getExceedances()) {
            Double multiple = e.multiple();
            out.add(e.pollutant().name() + "（" + e.pollutant().code() + "）" + e.averaging() + " " + e.start()
                    + (e.minutes() > 60 ? " 起连续 " + e.durationText() : "") + "：测定值 " + e.measured().toPlainString() + " " + e.unit()
                    + "，限值 " + (e.limitLow() != null ? e.limitLow().toPlainString() + "–" : "") + e.limit().toPlainString()
                    + (multiple != null ? "，超标 " + Numbers.plain(multiple) + " 倍" : "")
                    + (e.standard().isEmpty() ? "" : "（" + e.standard() + "）"));
        }
        for (var e : f.getEpisodes()) out.add(episode(e));
        return out;
    }

    /** An anomaly episode as one line: kind, window, channels, then its evidence. */
    private static String episode(Episode e) {
        return e.kind() + " " + e.start() + " 至 " + e.end() + (e.channels().isEmpty() ? "" : "，测点 " + String.join("、", e.channels()))
                + (e.evidence().isEmpty() ? "" : "：" + e.evidence());
    }

    private Decision.Conclusion conclusion(Proposal p) {
        RuleMeta meta = ruleSet.byId(p.ruleId());
        String kind = p.kind().equals(Proposal.NO_PENALTY) && !meta.kind().isEmpty() ? p.kind() + "（" + meta.kind() + "）" : p.kind();
        return new Decision.Conclusion(kind, p.ruleId(), p.legalBasis(), p.mandatory() ? "应当" : "可以", p.note(), p.amount());
    }

    private List<Decision.LadderStep> escalation(List<Proposal> standing) {
        List<Decision.LadderStep> steps = new ArrayList<>();
        for (Proposal p : standing) {
            RuleMeta meta = ruleSet.byId(p.ruleId());
            if (!meta.ladder().isEmpty()) steps.add(new Decision.LadderStep(meta.ladder(), meta.step(), p.kind(), p.ruleId()));
        }
        int enforcement = 0;
        Proposal reached = null;
        for (Proposal p : standing) {
            int step = outcomeKinds.ladderStep(p.kind());
            if (step > enforcement) {
                enforcement = step;
                reached = p;
            }
        }
        if (reached != null) steps.add(new Decision.LadderStep(ENFORCEMENT_LADDER, enforcement, reached.kind(), reached.ruleId()));
        return steps;
    }

    /** Every no-penalty item of the enterprise's region whose violation type matches, explained. */
    private List<Decision.ExemptionCheck> exemptions(Finding f, Resolution r1) {
        Set<String> proposed = new LinkedHashSet<>();
        Map<String, String> supersededBy = new HashMap<>();
        r1.standing().forEach(p -> proposed.add(p.ruleId()));
        for (Superseded s : r1.superseded()) {
            proposed.add(s.loser().ruleId());
            supersededBy.put(s.loser().ruleId(), s.winner().ruleId());
        }
        List<Decision.ExemptionCheck> out = new ArrayList<>();
        for (NoPenaltyItem item : ruleSet.law().book().items()) {
            if (!item.violations().contains(f.getViolation())) continue;
            if (item.list().regions().stream().noneMatch(f::inRegion)) continue;
            boolean inForce = item.validity().covers(f.getJudgedOn());
            List<ConditionResult> failed = new ArrayList<>();
            List<ConditionResult> met = new ArrayList<>();
            for (var condition : item.conditions()) {
                ConditionResult r = condition.evaluate(f);
                (r.met() ? met : failed).add(r);
            }
            boolean fired = proposed.contains(item.id());
            if (fired != (inForce && failed.isEmpty())) {
                throw new IllegalStateException("规则集不一致：事项 " + item.id() + " 的规则" + (fired ? "已" : "未")
                        + "触发，但按表格条件逐项核对的结果相反（违法事实 " + f.getId() + "）");
            }
            boolean expired = item.validity().to() != null && item.validity().to().isBefore(f.getJudgedOn());
            String afterExpiry = expired && !item.list().afterExpiry().isEmpty() ? item.list().afterExpiry() : null;
            out.add(new Decision.ExemptionCheck(item.id(), item.kind().kind(), item.name(), item.list().name(),
                    item.validity().toString(), inForce, failed.isEmpty(), fired && !supersededBy.containsKey(item.id()),
                    supersededBy.get(item.id()), failed, met, afterExpiry));
        }
        return out;
    }

    private static List<String> caseOutcome(tianping.law.OutcomeKinds outcomeKinds, List<Decision.FindingDecision> findings) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (Decision.FindingDecision fd : findings) {
            String kind = fd.disposition().kind();
            kinds.add(kind);
            if (fd.fine() != null) amounts.merge(kind, fd.fine().amount(), Money::sum);
            if (fd.disposition().amount() != null) amounts.merge(kind, fd.disposition().amount(), Money::sum);
            for (Decision.Conclusion m : fd.measures()) {
                if (!outcomeKinds.isAnnotation(m.kind())) {
                    kinds.add(m.kind() + (m.mandatory().equals("可以") ? "（可以）" : ""));
                }
            }
        }
        List<String> dispositions = kinds.stream().filter(k -> outcomeKinds.isDisposition(baseKind(k))).toList();
        List<String> ordered = new ArrayList<>(dispositions.stream().sorted(Comparator.comparingInt(outcomeKinds::rank)).toList());
        kinds.stream().filter(k -> !dispositions.contains(k)).sorted(Comparator.comparingInt(outcomeKinds::rank)).forEach(ordered::add);
        return ordered.stream().map(k -> amounts.containsKey(k) ? k + " " + Numbers.yuan(amounts.get(k)) : k).toList();
    }

    /** "不予处罚（首违不罚）" → "不予处罚". */
    private static String baseKind(String kind) {
        int paren = kind.indexOf('（');
        return paren < 0 ? kind : kind.substring(0, paren);
    }

    /**
     * The fired rules in phase order. Rules of one phase never depend on each other's conclusions, so Drools may
     * fire them in any order (it breaks ties by rule load order, which differs between the precompiled and the
     * run-time compiled rule set); within a phase the trace lists them by rule id, then by finding, so the same
     * case and rule set always give the same trace.
     */
    private List<Decision.TraceStep> traceSteps() {
        List<Trace.Step> ordered = new ArrayList<>(trace.steps());
        ordered.sort(Comparator.comparingInt((Trace.Step s) -> outcomeKinds.phases().indexOf(s.rule().phase()))
                .thenComparing(s -> s.rule().id()).thenComparingInt(this::findingIndex));
        List<Decision.TraceStep> out = new ArrayList<>();
        int seq = 1;
        for (Trace.Step s : ordered) {
            out.add(new Decision.TraceStep(seq++, s.rule().id(), s.rule().name(), s.rule().phase(), s.rule().legalBasis(),
                    s.matched().stream().map(this::text).toList(), s.concluded().stream().map(this::text).toList()));
        }
        return out;
    }

    private String text(Object fact) {
        return factText.computeIfAbsent(fact, FactText::of);
    }

    private int findingIndex(Trace.Step step) {
        Finding f = Trace.findingOf(step.matched());
        return f == null ? -1 : c.findings().indexOf(f);
    }
}
