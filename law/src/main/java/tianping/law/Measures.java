package tianping.law;

import tianping.facts.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static tianping.law.Measure.Kind.BOOLEAN;
import static tianping.law.Measure.Kind.NUMBER;
import static tianping.law.Measure.Kind.TEXT;

/**
 * The vocabulary of the condition language: every term a list row or provision row may use. Adding a term means
 * adding a measure to {@link Finding} and a line here; `tianping vocabulary` prints this table for legal staff.
 */
public final class Measures {

    /** Terms by label; a label with several units (日 / 工作日) names one measure per unit. */
    private static final Map<String, List<Measure>> FIXED = new LinkedHashMap<>();
    private static final Pattern SAME_WITHIN = Pattern.compile("近(\\d{1,3})个月同类违法次数");
    private static final Pattern ANY_WITHIN_YEARS = Pattern.compile("近(\\d{1,2})年违法次数（含本次）");
    private static final Pattern DAILY_EXCEEDANCE_DAYS = Pattern.compile("任意连续(\\d{1,3})日内日均值超标天数");

    static {
        text("危害后果", "harm", List.of("无", "轻微", "一般", "较大", "重大"), Finding::getHarm);
        text("违法行为类别", "category", List.of("超标排放", "逃避监管", "建设项目", "信息公开", "自动监测", "固体废物", "扬尘", "重污染天气", "许可管理", "拒不执行"), Finding::getCategory);
        text("环境要素", "medium", List.of("大气", "水", "噪声", "固体废物", "建设项目", "排污许可", "综合"), Finding::getMedium);
        text("违法行为代码", "violation", List.of(), Finding::getViolation);
        text("行业", "industry", List.of(), Finding::getIndustry);
        number("违法持续时间", "durationMonths", "个月", Finding::getDurationMonths);
        bool("查实投诉", "verifiedComplaint", Finding::isVerifiedComplaint);
        bool("重污染天气预警期间", "duringHeavyPollutionAlert", Finding::isDuringHeavyPollutionAlert);
        text("发现方式", "discoveredBy", List.of("现场检查", "在线监控", "用电监控", "智慧环保平台", "举报", "复查", "执法监测", "第三方监测", "其他"), Finding::getDiscoveredBy);
        bool("已改正", "corrected", Finding::isCorrected);
        bool("当场改正", "correctedOnTheSpot", Finding::isCorrectedOnTheSpot);
        number("责令改正后改正用时", "correctionDays", "日", Finding::getCorrectionDays);
        number("责令改正后改正用时", "correctionWorkingDays", "工作日", Finding::getCorrectionWorkingDays);
        number("自发现起改正用时", "selfCorrectionDays", "日", Finding::getSelfCorrectionDays);
        bool("逾期未改正", "correctionOverdue", Finding::isCorrectionOverdue);
        bool("拒不改正", "refusedCorrection", Finding::isRefusedCorrection);
        bool("逃避监管", "evasive", Finding::isEvasive);
        bool("弄虚作假", "falsification", Finding::isFalsification);
        bool("阻挠检查", "obstruction", Finding::isObstruction);
        put(new Measure("本案另有超标排放或逃避监管", "otherExceedanceOrEvasionInCase", BOOLEAN, "", List.of(), false, Finding::isOtherExceedanceOrEvasionInCase));
        bool("位于环境敏感区", "inSensitiveArea", Finding::isInSensitiveArea);
        bool("信用记录限制从宽", "creditBlocksLeniency", Finding::isCreditBlocksLeniency);
        bool("重点排污单位", "keyDischarger", Finding::isKeyDischarger);
        bool("持有排污许可证", "holdsPermit", Finding::isHoldsPermit);
        bool("公用事业单位", "publicUtility", Finding::isPublicUtility);
        put(new Measure("同类违法累计次数", "sameViolationsEver", NUMBER, "次", List.of(), false, Finding::getSameViolationsEver));
        number("超标因子数", "factorsExceeded", "个", Finding::getFactorsExceeded);
        number("小时均值最大超标倍数", "maxHourlyMultiple", "倍", Finding::getMaxHourlyMultiple);
        number("日均值最大超标倍数", "maxDailyMultiple", "倍", Finding::getMaxDailyMultiple);
        number("最大超标倍数", "maxMultiple", "倍", Finding::getMaxMultiple);
        number("日最大累计超标时长", "maxDailyExceedanceHours", "小时", Finding::getMaxDailyExceedanceHours);
        bool("超标因子含有毒或第一类污染物", "toxicOrClassI", Finding::getToxicOrClassI);
        bool("超标因子含pH", "phExceeded", Finding::getPhExceeded);
        put(new Measure("已恢复达标", "complianceRestored", BOOLEAN, "", List.of(), false, Finding::isComplianceRestored));
        number("pH最小值", "phMin", "", Finding::getPhMin);
        number("pH最大值", "phMax", "", Finding::getPhMax);
        number("噪声超标值", "noiseExcessDb", "分贝", Finding::getNoiseExcessDb);
        bool("日均值超标", "dailyMeanExceeded", Finding::getDailyMeanExceeded);
        bool("手工监测超标", "manualMonitoringExceeded", Finding::getManualMonitoringExceeded);
        number("恢复达标用时", "hoursToCompliance", "小时", Finding::getHoursToCompliance);
        number("恢复达标间隔日数", "daysToCompliance", "日", Finding::getDaysToCompliance);
        bool("突发故障", "suddenFault", Finding::getSuddenFault);
        number("故障报告用时", "faultReportHours", "小时", Finding::getFaultReportHours);
        bool("故障期间停产或减产", "productionCut", Finding::getProductionCut);
        number("年危险废物产生或贮存量", "annualHazardousWasteTonnes", "吨", Finding::getAnnualHazardousWasteTonnes);
        number("未覆盖堆场面积", "stockpileAreaM2", "平方米", Finding::getStockpileAreaM2);
        text("建设阶段", "constructionStage", List.of("未开工", "施工初期", "主体施工", "建成未投产", "已投产"), Finding::getConstructionStage);
        text("项目性质", "projectNature", List.of("新建", "改建", "扩建", "技术改造"), Finding::getProjectNature);
        bool("已排放污染物", "pollutantsDischarged", Finding::getPollutantsDischarged);
        bool("已停止建设或恢复原状", "stoppedOrRestored", Finding::getStoppedOrRestored);
        bool("符合备案条件", "eligibleForFiling", Finding::getEligibleForFiling);
        bool("污染防治设施已建成", "facilitiesBuilt", Finding::getFacilitiesBuilt);
        bool("污染防治设施正常运行", "facilitiesRunning", Finding::getFacilitiesRunning);
        bool("正在开展验收", "acceptanceInProgress", Finding::getAcceptanceInProgress);
        bool("按期验收或停止生产", "acceptedOnTimeOrStopped", Finding::getAcceptedOnTimeOrStopped);
        bool("环评文件已批复", "eiaApproved", Finding::getEiaApproved);
        number("自检查起补办手续用时", "monthsToRegularize", "个月", Finding::getMonthsToRegularize);
        number("燃气锅炉额定蒸发量", "gasBoilerCapacityTph", "吨/小时", Finding::getGasBoilerCapacityTph);
        bool("新增用地", "newLandOccupied", Finding::getNewLandOccupied);
        bool("已作出验收承诺", "acceptancePledged", Finding::getAcceptancePledged);
    }

    private Measures() {
    }

    /**
     * The measures a label names: one, or one per unit when the unit tells them apart (改正用时 in 日 or 工作日).
     * Parameterised terms such as 近12个月同类违法次数 are built on demand. Empty if the label is unknown.
     */
    public static List<Measure> byLabel(String label) {
        List<Measure> fixed = FIXED.get(label);
        if (fixed != null) return fixed;
        Matcher within = SAME_WITHIN.matcher(label);
        if (within.matches()) {
            int months = Integer.parseInt(within.group(1));
            return List.of(new Measure(label, "sameViolationsWithinMonths(" + months + ")", NUMBER, "次", List.of(),
                    false, f -> f.sameViolationsWithinMonths(months)));
        }
        Matcher years = ANY_WITHIN_YEARS.matcher(label);
        if (years.matches()) {
            int n = Integer.parseInt(years.group(1));
            return List.of(new Measure(label, "(violationsWithinYears(" + n + ") + 1)", NUMBER, "次", List.of(),
                    false, f -> f.violationsWithinYears(n) + 1));
        }
        Matcher days = DAILY_EXCEEDANCE_DAYS.matcher(label);
        if (days.matches()) {
            int n = Integer.parseInt(days.group(1));
            return List.of(new Measure(label, "dailyExceedanceDaysWithin(" + n + ")", NUMBER, "日", List.of(),
                    false, f -> f.dailyExceedanceDaysWithin(n)));
        }
        return List.of();
    }

    /** Every term, in table order, with one example of the parameterised term, for documentation. */
    public static List<Measure> all() {
        var list = new java.util.ArrayList<Measure>();
        FIXED.values().forEach(list::addAll);
        list.addAll(byLabel("近12个月同类违法次数"));
        list.addAll(byLabel("近2年违法次数（含本次）"));
        list.addAll(byLabel("任意连续30日内日均值超标天数"));
        return list;
    }

    private static void number(String label, String property, String unit, Function<Finding, Object> read) {
        put(new Measure(label, property, NUMBER, unit, List.of(), true, read));
    }

    private static void bool(String label, String property, Function<Finding, Object> read) {
        put(new Measure(label, property, BOOLEAN, "", List.of(), true, read));
    }

    private static void text(String label, String property, List<String> allowed, Function<Finding, Object> read) {
        put(new Measure(label, property, TEXT, "", allowed, true, read));
    }

    private static void put(Measure m) {
        FIXED.computeIfAbsent(m.label(), k -> new java.util.ArrayList<>()).add(m);
    }
}
