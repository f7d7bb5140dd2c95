package tianping.read;

import tianping.facts.Credit;

import java.math.BigDecimal;
import tianping.facts.Enterprise;
import tianping.facts.Exceedance;
import tianping.facts.Finding;
import tianping.facts.Order;
import tianping.facts.Pollutant;
import tianping.facts.PriorFinding;
import tianping.facts.Reinspection;
import tianping.facts.ViolationType;
import tianping.law.CreditGrade;
import tianping.law.LawBook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what a schema cannot (the USCC check digit, references between ids, the order of dates, codes known
 * to the rule set's tables) and derives the facts the rules see. Every problem is reported with its path.
 */
final class CaseAssembler {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");

    private final LawBook law;

    CaseAssembler(LawBook law) {
        this.law = law;
    }

    CaseFile assemble(String file, CaseInput in, String fingerprint, String canonical) throws CaseRejected {
        Errors errors = new Errors(file);
        Enterprise enterprise = in.enterprise();
        checkUscc(enterprise.uscc(), errors);
        if (!PROVINCES.contains(enterprise.regionCode().substring(0, 2))) {
            errors.add("$.enterprise.regionCode", "case_value_error", "行政区划代码 " + enterprise.regionCode() + " 的省级代码无效");
        }
        Credit credit = credit(in.credit(), errors);
        CaseInput.HistoryInput history = in.history() != null ? in.history() : CaseInput.HistoryInput.empty();

        Set<String> priorIds = new HashSet<>();
        for (int i = 0; i < history.findings().size(); i++) {
            PriorFinding p = history.findings().get(i);
            String at = "$.history.findings[" + i + "]";
            if (!priorIds.add(p.id())) errors.add(at + ".id", "case_value_error", "编号 " + p.id() + " 重复");
            knownViolation(p.violation(), at + ".violation", errors);
            if (p.discoveredOn().isAfter(in.decisionDate())) {
                errors.add(at + ".discoveredOn", "case_value_error", "历史违法的发现日期 " + p.discoveredOn() + " 晚于本案决定日期 " + in.decisionDate());
            }
            if (p.penalized() && p.fine() == null && p.outcome().equals("罚款")) {
                errors.add(at + ".fine", "missing_fact", "处理结果为罚款，须提供罚款数额");
            }
        }
        for (int i = 0; i < history.orders().size(); i++) {
            Order o = history.orders().get(i);
            if (!priorIds.contains(o.relatesTo())) {
                errors.add("$.history.orders[" + i + "].relatesTo", "unknown_reference", "“" + o.relatesTo() + "”不是 history.findings 中的编号");
            }
        }
        for (int i = 0; i < history.reinspections().size(); i++) {
            Reinspection r = history.reinspections().get(i);
            if (!priorIds.contains(r.relatesTo())) {
                errors.add("$.history.reinspections[" + i + "].relatesTo", "unknown_reference", "“" + r.relatesTo() + "”不是 history.findings 中的编号");
            }
        }

        List<Finding.CaseFinding> caseFindings = new ArrayList<>();
        for (CaseInput.FindingInput f : in.findings()) {
            law.violationType(f.violation()).ifPresent(t -> caseFindings.add(new Finding.CaseFinding(f.id(), t)));
        }
        Finding.Context context = new Finding.Context(enterprise, credit, history.findings(), in.decisionDate(), caseFindings);
        List<Finding> findings = new ArrayList<>();
        Set<String> ids = new HashSet<>(priorIds);
        for (int i = 0; i < in.findings().size(); i++) {
            CaseInput.FindingInput f = in.findings().get(i);
            String at = "$.findings[" + i + "]";
            if (!ids.add(f.id())) errors.add(at + ".id", "case_value_error", "编号 " + f.id() + " 与本案或历史中的其他编号重复");
            Finding finding = finding(f, at, context, priorIds, in.decisionDate(), errors);
            if (finding != null) findings.add(finding);
        }
        errors.throwIfAny();
        return new CaseFile(in.caseId(), in.decisionDate(), enterprise, credit, history.findings(), history.orders(),
                history.reinspections(), history.warnings(), findings, in.clues(), fingerprint, canonical);
    }

    private Finding finding(CaseInput.FindingInput f, String at, Finding.Context context, Set<String> priorIds,
                            LocalDate decisionDate, Errors errors) {
        ViolationType type = knownViolation(f.violation(), at + ".violation", errors);
        lawCovers(f.actDate(), at + ".actDate", errors);
        if (f.discoveredOn().isBefore(f.actDate())) {
            errors.add(at + ".discoveredOn", "case_value_error", "发现日期 " + f.discoveredOn() + " 早于违法行为发生日期 " + f.actDate());
        }
        if (f.discoveredOn().isAfter(decisionDate)) {
            errors.add(at + ".discoveredOn", "case_value_error", "发现日期 " + f.discoveredOn() + " 晚于决定日期 " + decisionDate);
        }
        if (f.actEndDate() != null && f.actEndDate().isBefore(f.actDate())) {
            errors.add(at + ".actEndDate", "case_value_error", "终了日期 " + f.actEndDate() + " 早于发生日期 " + f.actDate());
        }
        if (f.continuationOf() != null && !priorIds.contains(f.continuationOf())) {
            errors.add(at + ".continuationOf", "unknown_reference", "“" + f.continuationOf() + "”不是 history.findings 中的编号");
        }
        Integer workingDays = null;
        Finding.Correction c = f.correction();
        if (c != null) {
            if (c.orderedOn() != null && c.orderedOn().isBefore(f.discoveredOn())) {
                errors.add(at + ".correction.orderedOn", "case_value_error", "责令改正日期 " + c.orderedOn() + " 早于发现日期 " + f.discoveredOn());
            }
            if (c.correctedOn() != null && c.correctedOn().isBefore(f.actDate())) {
                errors.add(at + ".correction.correctedOn", "case_value_error", "改正日期 " + c.correctedOn() + " 早于违法行为发生日期 " + f.actDate());
            }
            if (c.correctedOn() != null && c.correctedOn().isAfter(decisionDate)) {
                errors.add(at + ".correction.correctedOn", "case_value_error", "改正日期 " + c.correctedOn() + " 晚于决定日期 " + decisionDate);
            }
            if (c.orderedOn() != null && c.correctedOn() != null) {
                LocalDate from = c.orderedOn();
                LocalDate to = c.correctedOn();
                if (!law.calendar().covers(from) || !law.calendar().covers(to)) {
                    errors.add(at + ".correction", "case_value_error", "工作日历（tables/holidays.csv）只覆盖 "
                            + law.calendar().years().stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"))
                            + " 年，无法计算 " + from + " 至 " + to + " 的工作日");
                } else {
                    workingDays = law.calendar().workingDaysBetween(from, to);
                }
            }
        }
        if (f.fault() != null && f.fault().reportedAt() != null && f.fault().reportedAt().isBefore(f.fault().occurredAt())) {
            errors.add(at + ".fault.reportedAt", "case_value_error", "报告时间早于故障发生时间");
        }
        List<Exceedance> exceedances = new ArrayList<>();
        List<CaseInput.ExceedanceInput> given = f.exceedances() == null ? List.of() : f.exceedances();
        for (int j = 0; j < given.size(); j++) {
            Exceedance e = exceedance(given.get(j), at + ".exceedances[" + j + "]", errors);
            if (e != null) exceedances.add(e);
        }
        if (type == null) return null;
        return new Finding(new Finding.Facts(f.id(), type, f.actDate(), f.actEndDate(), f.discoveredOn(), f.discoveredBy(),
                f.continuationOf(), f.harm(), Boolean.TRUE.equals(f.endangersLifeOrHealth()), f.duringHeavyPollutionAlert(),
                Boolean.TRUE.equals(f.verifiedComplaint()), f.conduct(), f.mitigation(), f.correction(), exceedances,
                f.complianceRestoredAt(), f.fault(), f.details(), f.episodes()), context, f.actDate(), workingDays);
    }

    /**
     * The law is applied as in force on the act's date: an act before the rule set's first limitation row
     * (行政处罚法 1996, parameters.csv 追责时效) cannot be judged by these tables, so the case is refused with the
     * date instead of failing inside a rule. A rule set without the parameter at all is left to the rules.
     */
    private void lawCovers(LocalDate actDate, String at, Errors errors) {
        java.util.Optional<tianping.law.Parameter> limitation;
        try {
            limitation = law.parameterOn("追责时效", actDate);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (limitation.isEmpty()) {
            errors.add(at, "case_value_error", "违法行为发生日 " + actDate + " 不在规则集所载法律的适用期间内（parameters.csv 追责时效在该日没有有效值），"
                    + "本规则集不能判断");
        }
    }

    private Exceedance exceedance(CaseInput.ExceedanceInput e, String at, Errors errors) {
        Pollutant p = law.pollutant(e.factor()).orElse(null);
        if (p == null) {
            errors.add(at + ".factor", "unknown_reference", "污染因子代码“" + e.factor() + "”不在污染物目录（tables/pollutants.csv）中"
                    + law.didYouMeanPollutant(e.factor()));
            return null;
        }
        if (e.limit() == null) {
            errors.add(at + ".limit", "missing_fact", "须提供排放限值");
            return null;
        }
        boolean exceeded = e.limitLow() != null
                ? e.measured().compareTo(e.limitLow()) < 0 || e.measured().compareTo(e.limit()) > 0
                : e.measured().compareTo(e.limit()) > 0;
        if (!exceeded) {
            errors.add(at + ".measured", "case_value_error", "测定值 " + e.measured().toPlainString() + " 未超出限值"
                    + (e.limitLow() != null ? " " + e.limitLow().toPlainString() + "–" : " ") + e.limit().toPlainString() + "，不是超标时段");
        }
        long minutes = 0;
        if (e.averaging().equals("小时均值")) {
            minutes = duration(e, at, errors);
        } else if (e.hours() != null || e.minutes() != null) {
            errors.add(at + (e.hours() != null ? ".hours" : ".minutes"), "case_value_error", "只有小时均值的超标时段才有超标时长");
        }
        return new Exceedance(p, e.averaging(), e.start(), minutes, e.measured(), e.limit(), e.limitLow(),
                e.unit() == null ? "" : e.unit(), e.standard() == null ? "" : e.standard());
    }

    /**
     * An hourly-mean episode's duration in whole minutes: {@code hours} (a decimal, 3.5) plus {@code minutes}
     * (0–59), one hour when neither is given. Hours that are not whole minutes (3.33 小时) are refused rather than
     * rounded, since a rounded duration could cross a list's threshold.
     */
    private static long duration(CaseInput.ExceedanceInput e, String at, Errors errors) {
        if (e.hours() == null && e.minutes() == null) return 60;
        BigDecimal hours = e.hours() == null ? BigDecimal.ZERO : e.hours();
        if (hours.signum() < 0) {
            errors.add(at + ".hours", "case_value_error", "超标时长不能为负数：" + hours.toPlainString() + " 小时");
            return 0;
        }
        if (e.minutes() != null && (e.minutes() < 0 || e.minutes() > 59)) {
            errors.add(at + ".minutes", "case_value_error", "分钟数须在 0–59 之间（满 60 分钟写入小时）：" + e.minutes() + " 分钟");
            return 0;
        }
        BigDecimal fromHours = hours.multiply(BigDecimal.valueOf(60));
        if (fromHours.stripTrailingZeros().scale() > 0) {
            errors.add(at + ".hours", "case_value_error", "超标时长须为整分钟：" + hours.toPlainString()
                    + " 小时为 " + fromHours.stripTrailingZeros().toPlainString() + " 分钟；请改写为整分钟，如 3 小时 20 分钟写作 hours 3、minutes 20");
            return 0;
        }
        long minutes = fromHours.longValueExact() + (e.minutes() == null ? 0 : e.minutes());
        if (minutes == 0) {
            errors.add(at + (e.hours() != null ? ".hours" : ".minutes"), "case_value_error", "超标时长须大于 0");
        }
        return minutes;
    }

    private ViolationType knownViolation(String code, String at, Errors errors) {
        ViolationType t = law.violationType(code).orElse(null);
        if (t == null) errors.add(at, "unknown_reference", "违法行为代码“" + code + "”不在 violation-types.csv 中" + law.didYouMeanViolation(code));
        return t;
    }

    private Credit credit(CaseInput.CreditInput c, Errors errors) {
        if (c == null) return Credit.none();
        List<CreditGrade> grades = law.creditGrades(c.scheme());
        CreditGrade byGrade = c.grade() == null ? null : grades.stream().filter(g -> g.grade().equals(c.grade())).findFirst().orElse(null);
        if (c.grade() != null && byGrade == null) {
            errors.add("$.credit.grade", "case_value_error", c.scheme() + "信用评价的等级应为 "
                    + String.join("、", grades.stream().map(CreditGrade::grade).toList()) + " 之一，实际为“" + c.grade() + "”");
        }
        CreditGrade byScore = c.score() == null ? null : law.gradeForScore(c.scheme(), c.score()).orElse(null);
        if (c.score() != null && byScore == null) {
            errors.add("$.credit.score", "case_value_error", c.scheme() + "信用评价不按分值定级，须给出 grade（等级）");
        }
        if (c.grade() == null && c.score() == null) {
            errors.add("$.credit", "missing_fact", "信用记录须提供 grade（等级）或 score（分值）");
            return Credit.none();
        }
        if (byGrade != null && byScore != null && byGrade != byScore) {
            errors.add("$.credit.grade", "case_value_error", "等级“" + c.grade() + "”与分值 " + c.score().toPlainString()
                    + " 不符：按 " + c.scheme() + "信用等级表应为“" + byScore.grade() + "”");
        }
        CreditGrade grade = byGrade != null ? byGrade : byScore;
        if (grade == null) return Credit.none();
        boolean dishonest = c.onSeriousDishonestyList() && c.repairedOn() == null;
        return new Credit(c.scheme(), grade.grade(), c.score() == null ? null : c.score().doubleValue(),
                c.onSeriousDishonestyList(), c.repairedOn(), grade.blocksLeniency() || dishonest);
    }

    private static void checkUscc(String uscc, Errors errors) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(uscc.charAt(i)) * USCC_WEIGHTS[i];
        int check = (31 - sum % 31) % 31;
        char expected = USCC_CHARS.charAt(check);
        if (uscc.charAt(17) != expected) {
            errors.add("$.enterprise.uscc", "case_value_error", "统一社会信用代码 " + uscc + " 校验位错误：按 GB 32100-2015 应为 "
                    + expected + "，实际为 " + uscc.charAt(17));
        }
    }

    /** Collects errors of one case. */
    private static final class Errors {
        private final String file;
        private final List<CaseError> list = new ArrayList<>();

        Errors(String file) {
            this.file = file;
        }

        void add(String path, String code, String message) {
            list.add(new CaseError(file, path, code, message));
        }

        void throwIfAny() throws CaseRejected {
            if (!list.isEmpty()) throw new CaseRejected(list);
        }
    }
}
