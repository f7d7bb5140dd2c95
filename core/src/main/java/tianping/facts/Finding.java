package tianping.facts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One violation found in this case (本案违法事实), with the measures the rules read derived once from the
 * case: correction times in calendar and working days, exceedance multiples and hours, counts of earlier
 * violations in a window. Rules never see the raw case file, only this fact.
 *
 * <p>Every measure is null when the case does not establish it; the condition language treats a missing
 * value as "condition not met" and the trace shows "未提供".
 */
public final class Finding {

    /**
     * The handling of the case the derivation needs besides the finding itself.
     *
     * @param caseFindings every finding of this case (id and type), so a condition about the enterprise's other
     *                     conduct (安徽: 无超标排放、逃避监管等违法行为) sees the other findings of the same case
     */
    public record Context(Enterprise enterprise, Credit credit, List<PriorFinding> history, LocalDate decisionDate,
                          List<CaseFinding> caseFindings) {
        public Context {
            history = List.copyOf(history);
            caseFindings = List.copyOf(caseFindings);
        }

        public Context(Enterprise enterprise, Credit credit, List<PriorFinding> history, LocalDate decisionDate) {
            this(enterprise, credit, history, decisionDate, List.of());
        }
    }

    /** One finding of the case as its siblings see it: which act it is. */
    public record CaseFinding(String id, ViolationType type) {
    }

    private final Context context;
    private final LocalDate judgedOn;
    private final Integer correctionWorkingDays;
    private final ExceedanceSummary summary;

    /** Conduct around the violation that bars leniency or aggravates it. */
    public record Conduct(boolean refusedCorrection, boolean evasive, boolean falsification, boolean obstruction,
                          boolean noFaultProven) {
        public static Conduct none() {
            return new Conduct(false, false, false, false, false);
        }
    }

    /** The correction order for this violation and when it was complied with. */
    public record Correction(LocalDate orderedOn, LocalDate deadline, LocalDate correctedOn, boolean onTheSpot) {
        public static Correction none() {
            return new Correction(null, null, null, false);
        }
    }

    /**
     * What the case establishes about the act, as given (or as a derivation found it); the measures rules read
     * are derived from these once, in {@link Finding}. Absent optional facts take their documented defaults here.
     */
    public record Facts(String id, ViolationType type, LocalDate actDate, LocalDate actEndDate, LocalDate discoveredOn,
                        String discoveredBy, String continuationOf, String harm, boolean endangersLifeOrHealth,
                        String alertLevel, boolean verifiedComplaint, Conduct conduct, List<String> mitigation,
                        Correction correction, List<Exceedance> exceedances, LocalDateTime complianceRestoredAt,
                        Fault fault, Details details, List<Episode> episodes) {
        public Facts {
            Objects.requireNonNull(id);
            Objects.requireNonNull(type);
            Objects.requireNonNull(actDate);
            Objects.requireNonNull(discoveredOn);
            Objects.requireNonNull(harm);
            actEndDate = actEndDate != null ? actEndDate : actDate;
            discoveredBy = discoveredBy != null ? discoveredBy : "其他";
            conduct = conduct != null ? conduct : Conduct.none();
            mitigation = mitigation != null ? List.copyOf(mitigation) : List.of();
            correction = correction != null ? correction : Correction.none();
            exceedances = exceedances != null ? List.copyOf(exceedances) : List.of();
            details = details != null ? details : Details.none();
            episodes = episodes != null ? List.copyOf(episodes) : List.of();
        }
    }

    /** The act as established; the getters the rules call read it. */
    private final Facts facts;

    /**
     * @param judgedOn              the date whose law judges the act (the act's date; another under Art. 37)
     * @param correctionWorkingDays working days from the order to the correction, counted with the region's calendar
     */
    public Finding(Facts facts, Context context, LocalDate judgedOn, Integer correctionWorkingDays) {
        this.facts = facts;
        this.context = Objects.requireNonNull(context);
        this.judgedOn = Objects.requireNonNull(judgedOn);
        this.correctionWorkingDays = correctionWorkingDays;
        this.summary = ExceedanceSummary.of(facts.exceedances());
    }

    /** The same finding judged under the law in force on another date (行政处罚法 Art. 37). */
    public Finding judgedOn(LocalDate date) {
        return new Finding(facts, context, date, correctionWorkingDays);
    }

    // ---- identity and dates -------------------------------------------------------------------------------

    public String getId() { return facts.id(); }
    public ViolationType getType() { return facts.type(); }
    public String getViolation() { return facts.type().code(); }
    public String getViolationName() { return facts.type().name(); }
    public String getMedium() { return facts.type().medium(); }
    public String getCategory() { return facts.type().category(); }
    public LocalDate getActDate() { return facts.actDate(); }
    /** 违法行为终了日: the end of a continuing act, else the act date (Art. 36 counts from here). */
    public LocalDate getActEndDate() { return facts.actEndDate(); }
    public LocalDate getDiscoveredOn() { return facts.discoveredOn(); }
    public String getDiscoveredBy() { return facts.discoveredBy(); }
    public String getContinuationOf() { return facts.continuationOf(); }
    /** Was the violation discovered within {@code years} years of the end of the act (行政处罚法 Art. 36)? */
    public boolean discoveredWithinYears(int years) {
        return !facts.discoveredOn().isAfter(facts.actEndDate().plusYears(years));
    }

    /** 违法持续时间: months from the act to its end. */
    public Double getDurationMonths() { return Months.between(facts.actDate(), facts.actEndDate()); }
    /** The date whose law is applied: the act date, or the decision date when the lighter later law is tried. */
    public LocalDate getJudgedOn() { return judgedOn; }
    public LocalDate getDecisionDate() { return context.decisionDate(); }
    public Enterprise getEnterprise() { return context.enterprise(); }
    public String getIndustry() { return context.enterprise().industry(); }
    public Credit getCredit() { return context.credit(); }
    public List<PriorFinding> getHistory() { return context.history(); }
    public List<Exceedance> getExceedances() { return facts.exceedances(); }
    public List<Episode> getEpisodes() { return facts.episodes(); }
    public List<String> getMitigation() { return facts.mitigation(); }
    public Details getDetails() { return facts.details(); }
    public Fault getFault() { return facts.fault(); }
    public Correction getCorrection() { return facts.correction(); }

    // ---- harm and conduct ---------------------------------------------------------------------------------

    public String getHarm() { return facts.harm(); }
    /** 已造成严重污染: harm 较大 or 重大. */
    public boolean isSeriousHarm() { return facts.harm().equals("较大") || facts.harm().equals("重大"); }
    public boolean isEndangersLifeOrHealth() { return facts.endangersLifeOrHealth(); }
    public String getAlertLevel() { return facts.alertLevel(); }
    public boolean isDuringHeavyPollutionAlert() { return facts.alertLevel() != null; }
    public boolean isVerifiedComplaint() { return facts.verifiedComplaint(); }
    public boolean isRefusedCorrection() { return facts.conduct().refusedCorrection(); }
    public boolean isEvasive() { return facts.conduct().evasive(); }
    public boolean isFalsification() { return facts.conduct().falsification(); }
    public boolean isObstruction() { return facts.conduct().obstruction(); }
    public boolean isNoFaultProven() { return facts.conduct().noFaultProven(); }
    public boolean isMitigated() { return !facts.mitigation().isEmpty(); }

    // ---- the enterprise, seen from the finding (so one pattern can hold every condition) -------------------

    public boolean isInSensitiveArea() { return context.enterprise().inSensitiveArea(); }
    public boolean isKeyDischarger() { return context.enterprise().keyDischarger(); }
    public boolean isHoldsPermit() { return context.enterprise().holdsPermit(); }
    public boolean isPublicUtility() { return context.enterprise().publicUtility(); }
    public boolean isCreditBlocksLeniency() { return context.credit().blocksLeniency(); }
    public boolean inRegion(String prefix) { return context.enterprise().inRegion(prefix); }

    /**
     * 本案另有超标排放或逃避监管: another finding of this case is an exceedance or an act of evasion (by the kind of
     * act; whether each is then excused is decided on that finding).
     */
    public boolean isOtherExceedanceOrEvasionInCase() {
        return context.caseFindings().stream().anyMatch(o -> !o.id().equals(facts.id())
                && (o.type().category().equals("超标排放") || o.type().category().equals("逃避监管")));
    }

    // ---- correction ---------------------------------------------------------------------------------------

    public boolean isCorrected() { return facts.correction().correctedOn() != null || facts.correction().onTheSpot(); }
    public boolean isCorrectedOnTheSpot() { return facts.correction().onTheSpot(); }

    /** Calendar days from service of the correction order to correction (0 if corrected before the order). */
    public Integer getCorrectionDays() {
        if (facts.correction().onTheSpot()) return 0;
        if (facts.correction().correctedOn() == null || facts.correction().orderedOn() == null) return null;
        return (int) Math.max(0, ChronoUnit.DAYS.between(facts.correction().orderedOn(), facts.correction().correctedOn()));
    }

    /** Working days from service of the correction order to correction, by the official holiday calendar. */
    public Integer getCorrectionWorkingDays() {
        return facts.correction().onTheSpot() ? Integer.valueOf(0) : correctionWorkingDays;
    }

    /** Calendar days from discovery to correction. */
    public Integer getSelfCorrectionDays() {
        if (facts.correction().onTheSpot()) return 0;
        if (facts.correction().correctedOn() == null) return null;
        return (int) Math.max(0, ChronoUnit.DAYS.between(facts.discoveredOn(), facts.correction().correctedOn()));
    }

    /** Not corrected by the deadline set in the order, as of the decision date. */
    public boolean isCorrectionOverdue() {
        LocalDate deadline = facts.correction().deadline();
        if (deadline == null) return false;
        LocalDate done = facts.correction().correctedOn();
        return done != null ? done.isAfter(deadline) : context.decisionDate().isAfter(deadline);
    }

    // ---- exceedance measures (computed once in ExceedanceSummary) -----------------------------------------

    /** 超标因子数: distinct factors exceeded. Null when the finding carries no monitoring data. */
    public Integer getFactorsExceeded() { return summary.factorsExceeded(); }
    public Double getMaxHourlyMultiple() { return summary.maxHourlyMultiple(); }
    public Double getMaxDailyMultiple() { return summary.maxDailyMultiple(); }
    public Double getMaxMultiple() { return summary.maxMultiple(); }
    /** 日最大累计超标时长 in whole minutes, exact; 0 when there are exceedances but none of hourly means. */
    public Long getMaxDailyExceedanceMinutes() { return summary.maxDailyExceedanceMinutes(); }

    /**
     * 日最大累计超标时长 in hours, as the condition language and the generated rules compare it. The double is
     * minutes / 60 correctly rounded, and a day has at most 1,440 minutes: two different values m / 60 and a
     * threshold written with a few decimals (4, 4.25) are far more than one ulp apart, so rounding keeps their
     * order and equality, and "≤ 4 小时" holds for 240 minutes and not for 255 (ExceedanceHoursTest proves it
     * over the whole day).
     */
    public Double getMaxDailyExceedanceHours() {
        Long minutes = summary.maxDailyExceedanceMinutes();
        return minutes == null ? null : minutes / 60.0;
    }
    /** Some factor exceeded is toxic or a Class-I pollutant (有毒或第一类污染物). */
    public Boolean getToxicOrClassI() { return summary.toxicOrClassI(); }
    /** Some exceedance is of pH (w01001), which has a range limit rather than a multiple. */
    public Boolean getPhExceeded() { return summary.phExceeded(); }
    public Double getPhMin() { return summary.phMin(); }
    public Double getPhMax() { return summary.phMax(); }
    /** 噪声超标分贝: measured − limit, the largest noise exceedance. */
    public Double getNoiseExcessDb() { return summary.noiseExcessDb(); }
    /** measured / limit, the highest among heavy metals and persistent organic pollutants (令30 Art. 6(2)). */
    public double getMaxHeavyMetalOrPopRatio() { return summary.maxHeavyMetalOrPopRatio(); }
    /** SO₂ (a21026) or NOx (a21002) was exceeded (两高解释 Art. 1(6)). */
    public boolean isExceededSulphurOrNitrogenOxides() { return summary.sulphurOrNitrogenOxides(); }
    public boolean isComplianceRestored() { return facts.complianceRestoredAt() != null; }

    /** measured / limit, the highest among factors of a heavy-metal group (两高解释 Art. 1(3)(4)). */
    public double maxRatioInMetalGroup(String group) {
        return summary.maxRatioByMetalGroup().getOrDefault(group, 0.0);
    }

    /** Falsified data cover COD, NH₃-N, SO₂ or NOx (两高解释 Art. 1(7)). */
    public boolean isFalsifiedKeyPollutant() {
        return facts.details().falsifiedFactors().stream().anyMatch(List.of("w01018", "w21003", "a21026", "a21002")::contains);
    }

    /**
     * 日均值超标天数: the most natural days with a daily-mean exceedance (any factor) within any {@code days}
     * consecutive days, as 挂牌督办 triggers count them (安徽: 10 of 30).
     */
    public int dailyExceedanceDaysWithin(int days) {
        List<LocalDate> dates = facts.exceedances().stream().filter(Exceedance::daily).map(e -> e.start().toLocalDate())
                .distinct().sorted().toList();
        int most = 0;
        for (int first = 0, last = 0; last < dates.size(); last++) {
            while (ChronoUnit.DAYS.between(dates.get(first), dates.get(last)) >= days) first++;
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /** Manual monitoring (手工监测) found an exceedance too. Null when the finding carries no monitoring data. */
    public Boolean getManualMonitoringExceeded() {
        if (facts.exceedances().isEmpty()) return null;
        return facts.exceedances().stream().anyMatch(e -> e.averaging().equals("手工监测"));
    }

    /** A daily mean was exceeded; for a fault with no monitoring data, established as not exceeded. */
    public Boolean getDailyMeanExceeded() {
        if (facts.exceedances().isEmpty()) return facts.fault() != null ? Boolean.FALSE : null;
        return summary.dailyMeanExceeded();
    }

    /** Hours from the start of the first exceedance to restored compliance. */
    public Double getHoursToCompliance() {
        if (summary.firstStart() == null || facts.complianceRestoredAt() == null) return null;
        return Duration.between(summary.firstStart(), facts.complianceRestoredAt()).toMinutes() / 60.0;
    }

    /** Calendar days from the day of the first exceedance to the day compliance was restored. */
    public Integer getDaysToCompliance() {
        if (summary.firstStart() == null || facts.complianceRestoredAt() == null) return null;
        return (int) ChronoUnit.DAYS.between(summary.firstStart().toLocalDate(), facts.complianceRestoredAt().toLocalDate());
    }

    public LocalDateTime getComplianceRestoredAt() { return facts.complianceRestoredAt(); }

    // ---- fault --------------------------------------------------------------------------------------------

    public Boolean getSuddenFault() { return facts.fault() == null ? null : facts.fault().sudden(); }
    public Boolean getProductionCut() { return facts.fault() == null ? null : facts.fault().productionCut(); }

    /** Hours from the fault to its report; null if never reported. */
    public Double getFaultReportHours() {
        if (facts.fault() == null || facts.fault().reportedAt() == null) return null;
        return Duration.between(facts.fault().occurredAt(), facts.fault().reportedAt()).toMinutes() / 60.0;
    }

    /**
     * The fault was handled as the law requires: a sudden fault, reported within {@code reportLimitHours} and
     * production stopped or cut. Such a fault is not 不正常运行防治污染设施 (公治〔2014〕853号 Art. 7(6) makes a fault
     * 不正常运行 only where it was not promptly checked and repaired), so not 逃避监管, for every consequence at once.
     */
    public boolean faultHandledAsRequired(double reportLimitHours) {
        Double hours = getFaultReportHours();
        return facts.fault() != null && Boolean.TRUE.equals(facts.fault().sudden()) && Boolean.TRUE.equals(facts.fault().productionCut())
                && hours != null && hours <= reportLimitHours;
    }

    // ---- item-specific details ----------------------------------------------------------------------------

    public Double getAnnualHazardousWasteTonnes() { return facts.details().annualHazardousWasteTonnes(); }
    public Double getStockpileAreaM2() { return facts.details().stockpileAreaM2(); }
    public String getConstructionStage() { return facts.details().constructionStage(); }
    public String getProjectNature() { return facts.details().projectNature(); }
    public Boolean getPollutantsDischarged() { return facts.details().pollutantsDischarged(); }
    public Boolean getStoppedOrRestored() { return facts.details().stoppedOrRestored(); }
    public Boolean getEligibleForFiling() { return facts.details().eligibleForFiling(); }
    public Boolean getFacilitiesBuilt() { return facts.details().facilitiesBuilt(); }
    public Boolean getFacilitiesRunning() { return facts.details().facilitiesRunning(); }
    public Boolean getAcceptanceInProgress() { return facts.details().acceptanceInProgress(); }
    public Boolean getAcceptedOnTimeOrStopped() { return facts.details().acceptedOnTimeOrStopped(); }
    public Boolean getEiaApproved() { return facts.details().eiaApproved(); }
    public Double getGasBoilerCapacityTph() { return facts.details().gasBoilerCapacityTph(); }
    public Boolean getNewLandOccupied() { return facts.details().newLandOccupied(); }
    public Boolean getAcceptancePledged() { return facts.details().acceptancePledged(); }
    public java.math.BigDecimal getTotalInvestment() { return facts.details().totalInvestment(); }
    public java.math.BigDecimal getDisposalCost() { return facts.details().disposalCost(); }
    public double getHazardousWasteTonnes() { return orZero(facts.details().hazardousWasteTonnes()); }
    public double getIllegalGainOrLoss() { return facts.details().illegalGainOrLoss() == null ? 0.0 : facts.details().illegalGainOrLoss().doubleValue(); }
    public boolean isDischargeInProtectedZone() { return Boolean.TRUE.equals(facts.details().dischargeInProtectedZone()); }
    public boolean isSludgeDumped() { return Boolean.TRUE.equals(facts.details().sludgeDumped()); }
    public boolean isAnnualQuotaExceeded() { return Boolean.TRUE.equals(facts.details().annualQuotaExceeded()); }
    public boolean isDailyLoadExceeded() { return Boolean.TRUE.equals(facts.details().dailyLoadExceeded()); }
    public List<String> getFalsifiedFactors() { return facts.details().falsifiedFactors(); }

    private static double orZero(Double d) { return d == null ? 0.0 : d; }

    /** Months (with fraction) from discovery to completing the missing approval, acceptance or filing. */
    public Double getMonthsToRegularize() {
        LocalDate done = facts.details().regularizedOn();
        if (done == null) return null;
        return Months.between(facts.discoveredOn(), done);
    }

    // ---- history ------------------------------------------------------------------------------------------

    /** Earlier findings of the same violation type found within {@code months} months before the act. */
    public int sameViolationsWithinMonths(int months) {
        LocalDate from = facts.actDate().minusMonths(months);
        return count(p -> p.violation().equals(facts.type().code()) && within(p.discoveredOn(), from));
    }

    /** Earlier findings of the same violation type, ever (首次被发现 = 0). */
    public int getSameViolationsEver() {
        return count(p -> p.violation().equals(facts.type().code()) && !p.discoveredOn().isAfter(facts.actDate()));
    }

    /** Earlier minor violations (handled without a penalty) found within {@code months} months before the act. */
    public int minorViolationsWithinMonths(int months) {
        LocalDate from = facts.actDate().minusMonths(months);
        return count(p -> p.minor() && within(p.discoveredOn(), from));
    }

    /** Earlier reminders (提醒) about the same violation type within {@code months} months before the act. */
    public int remindersWithinMonths(int months) {
        LocalDate from = facts.actDate().minusMonths(months);
        return count(p -> p.outcome().equals("提醒") && p.violation().equals(facts.type().code()) && within(p.discoveredOn(), from));
    }

    /** Earlier violations of any type found within {@code years} years before the act. */
    public int violationsWithinYears(int years) {
        LocalDate from = facts.actDate().minusYears(years);
        return count(p -> within(p.discoveredOn(), from));
    }

    /**
     * Earlier penalties within {@code years} years (counted from their effective date, 两高解释 Art. 19) for
     * exceeding SO₂ or NOx limits during a heavy-pollution alert.
     */
    public int alertExceedancePenaltiesWithinYears(int years) {
        LocalDate from = facts.actDate().minusYears(years);
        return count(p -> p.penalized() && p.duringHeavyPollutionAlert() && within(p.effectiveDate(), from)
                && (p.factors().contains("a21026") || p.factors().contains("a21002")));
    }

    /** Earlier penalties within {@code years} years for discharging toxic substances. */
    public int toxicPenaltiesWithinYears(int years) {
        LocalDate from = facts.actDate().minusYears(years);
        return count(p -> p.penalized() && p.toxicDischarge() && within(p.effectiveDate(), from));
    }

    private boolean within(LocalDate date, LocalDate from) {
        return date != null && !date.isBefore(from) && !date.isAfter(facts.actDate());
    }

    private int count(Predicate<PriorFinding> p) {
        int n = 0;
        for (PriorFinding f : context.history()) if (p.test(f)) n++;
        return n;
    }

    @Override
    public String toString() {
        return "违法事实 " + facts.id() + "（" + facts.type().name() + "，" + facts.actDate() + "）";
    }
}
