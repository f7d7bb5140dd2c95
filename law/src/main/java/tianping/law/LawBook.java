package tianping.law;

import tianping.facts.Pollutant;
import tianping.facts.ViolationType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The law as data: every table of a rule set, read, checked and cross-referenced, then held unchanged for lookups.
 * Each table has its own reader ({@code ViolationTypeTable}, {@code NoPenaltyItemTable}, …); this class only runs them
 * in order, checks what spans tables (every violation type punished, the default benchmark known) and answers
 * lookups. Rows that point at unknown violation types, lists or kinds are load errors of the row's own table.
 */
public final class LawBook {

    /**
     * Every file a rule set's tables/ may hold. Anything else there (an extra .csv, an Excel workbook) is refused by
     * name: a table the loader does not read would otherwise look like law and change nothing.
     */
    static final Set<String> TABLES = Set.of("violation-types.csv", "pollutants.csv", "holidays.csv", "credit-grades.csv",
            "parameters.csv", "no-penalty-kinds.csv", "lists.csv", "no-penalty-items.csv", "penalty-provisions.csv",
            "alert-allowances.csv", "discretion-levels.csv", "benchmarks.csv", "data-flags.csv", "monitoring-codes.csv",
            "reference-oxygen.csv", "outcome-kinds.csv");

    private final Map<String, ViolationType> violationTypes;
    private final Map<String, Pollutant> pollutants;
    private final Map<String, List<String>> pollutantAliases;
    private final WorkCalendar calendar;
    private final List<CreditGrade> creditGrades;
    private final Map<String, List<Parameter>> parameters;
    private final Map<String, NoPenaltyList> lists;
    private final List<NoPenaltyItem> items;
    private final Map<String, PenaltyProvision> provisions;
    private final List<AlertAllowance> alertAllowances;
    private final Map<String, Benchmark> benchmarks;
    private final Map<String, DataFlag> dataFlags;
    private final Map<String, MonitoringCode> monitoringCodes;
    private final List<ReferenceOxygen> referenceOxygen;
    private final OutcomeKinds outcomeKinds;
    private final List<ViolationType> violationTypeList;
    private final List<NoPenaltyList> listList;
    private final List<PenaltyProvision> provisionList;
    private final List<MonitoringCode> monitoringCodeList;
    private final Map<String, Map<String, List<String>>> enumerations;

    private LawBook(Map<String, ViolationType> violationTypes, Map<String, Pollutant> pollutants,
                    Map<String, List<String>> pollutantAliases, WorkCalendar calendar,
                    List<CreditGrade> creditGrades, Map<String, List<Parameter>> parameters, Map<String, NoPenaltyList> lists,
                    List<NoPenaltyItem> items, Map<String, PenaltyProvision> provisions, List<AlertAllowance> alertAllowances,
                    Map<String, Benchmark> benchmarks, Map<String, DataFlag> dataFlags,
                    Map<String, MonitoringCode> monitoringCodes, List<ReferenceOxygen> referenceOxygen,
                    OutcomeKinds outcomeKinds, Map<String, Map<String, List<String>>> enumerations) {
        this.enumerations = Collections.unmodifiableMap(new java.util.TreeMap<>(enumerations));
        this.violationTypes = frozen(violationTypes);
        this.pollutants = frozen(pollutants);
        this.pollutantAliases = frozen(pollutantAliases);
        this.calendar = calendar;
        this.creditGrades = List.copyOf(creditGrades);
        Map<String, List<Parameter>> rows = new LinkedHashMap<>();
        parameters.forEach((name, dated) -> rows.put(name, List.copyOf(dated)));
        this.parameters = Collections.unmodifiableMap(rows);
        this.lists = frozen(lists);
        this.items = List.copyOf(items);
        this.provisions = frozen(provisions);
        this.alertAllowances = List.copyOf(alertAllowances);
        this.benchmarks = frozen(benchmarks);
        this.dataFlags = frozen(dataFlags);
        this.monitoringCodes = frozen(monitoringCodes);
        this.referenceOxygen = List.copyOf(referenceOxygen);
        this.outcomeKinds = outcomeKinds;
        this.violationTypeList = List.copyOf(this.violationTypes.values());
        this.listList = List.copyOf(this.lists.values());
        this.provisionList = List.copyOf(this.provisions.values());
        this.monitoringCodeList = List.copyOf(this.monitoringCodes.values());
    }

    /** Reads every table of a rule set; all errors of all tables are reported together. */
    public static LawBook read(RuleFiles files) throws RuleSetException {
        List<TableError> errors = new ArrayList<>();
        unreadFiles(files, errors);
        RuleGuards.check(files, errors);
        TableSource src = new TableSource(files, errors);
        Map<String, ViolationType> violationTypes = ViolationTypeTable.read(src);
        Map<String, List<String>> pollutantAliases = new LinkedHashMap<>();
        Map<String, Pollutant> pollutants = PollutantTable.read(src, pollutantAliases);
        WorkCalendar calendar = HolidayTable.read(src);
        List<CreditGrade> creditGrades = CreditGradeTable.read(src);
        Map<String, List<Parameter>> parameters = ParameterTable.read(src);
        Map<String, NoPenaltyKind> kinds = NoPenaltyKindTable.read(src);
        Map<String, NoPenaltyList> lists = NoPenaltyListTable.read(src);
        List<NoPenaltyItem> items = NoPenaltyItemTable.read(src, violationTypes, lists, kinds);
        Map<String, PenaltyProvision> provisions = PenaltyProvisionTable.read(src, violationTypes);
        List<AlertAllowance> alertAllowances = AlertAllowanceTable.read(src);
        Map<String, Benchmark> benchmarks = BenchmarkTable.read(src, DiscretionLevelTable.read(src));
        Map<String, DataFlag> dataFlags = DataFlagTable.read(src);
        Map<String, MonitoringCode> monitoringCodes = MonitoringCodeTable.read(src, pollutants, pollutantAliases);
        List<ReferenceOxygen> referenceOxygen = ReferenceOxygenTable.read(src);
        OutcomeKinds outcomeKinds = OutcomeKindTable.read(src);
        if (errors.isEmpty()) MetadataVocabulary.check(files, outcomeKinds, errors);
        LawBook book = new LawBook(violationTypes, pollutants, pollutantAliases, calendar, creditGrades, parameters, lists, items, provisions,
                alertAllowances, benchmarks, dataFlags, monitoringCodes, referenceOxygen, outcomeKinds, src.enumerations());
        if (errors.isEmpty()) book.crossCheck(errors);
        if (!errors.isEmpty()) throw new RuleSetException(errors);
        return book;
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    // ---- lookups ------------------------------------------------------------------------------------------

    /** The file names a rule set's tables/ may hold. */
    public static Set<String> tableFiles() {
        return TABLES;
    }

    /**
     * Per table file and column, the values the column allows, exactly as the table readers check them (the
     * workbook offers them as drop-downs, so that there is no second list to keep in step).
     */
    public Map<String, Map<String, List<String>>> enumerations() {
        return enumerations;
    }

    public Optional<ViolationType> violationType(String code) {
        return Optional.ofNullable(violationTypes.get(code));
    }

    public Optional<Pollutant> pollutant(String code) {
        return Optional.ofNullable(pollutants.get(code));
    }

    /** "，是否指 a21026（二氧化硫）？" for a code not in pollutants.csv (SO2, 二氧化硫, a21062, a 2005 code), or "". */
    public String didYouMeanPollutant(String code) {
        Map<String, List<String>> aliases = new LinkedHashMap<>(pollutantAliases);
        for (MonitoringCode m : monitoringCodeList) {
            if (!m.legacyCode().isEmpty() && pollutants.containsKey(m.code())) {
                List<String> a = new ArrayList<>(aliases.getOrDefault(m.code(), List.of()));
                a.add(m.legacyCode());
                aliases.put(m.code(), a);
            }
        }
        return didYouMeanPollutant(code, pollutants.values(), aliases);
    }

    static String didYouMeanPollutant(String code, Collection<Pollutant> pollutants, Map<String, List<String>> aliases) {
        return Suggestions.didYouMean(code, pollutants.stream()
                .map(p -> new Suggestions.Candidate(p.code(), p.name(), aliases.getOrDefault(p.code(), List.of()))).toList());
    }

    /** "，是否指 air_exceedance（超过大气污染物排放标准…）？" for a code not in violation-types.csv, or "". */
    public String didYouMeanViolation(String code) {
        return didYouMeanViolation(code, violationTypeList);
    }

    static String didYouMeanViolation(String code, Collection<ViolationType> types) {
        // the names are long legal wording: matched on, but only the code is shown
        return Suggestions.didYouMean(code, types.stream()
                .map(t -> new Suggestions.Candidate(t.code(), "", List.of(t.name()))).toList());
    }

    /** Phases, dispositions and measures the rules may name, and what the engine does with each (outcome-kinds.csv). */
    public OutcomeKinds outcomeKinds() {
        return outcomeKinds;
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public List<NoPenaltyItem> items() {
        return items;
    }

    public List<PenaltyProvision> provisions() {
        return provisionList;
    }

    public Optional<PenaltyProvision> provision(String id) {
        return Optional.ofNullable(provisions.get(id));
    }

    public List<ViolationType> violationTypes() {
        return violationTypeList;
    }

    public List<NoPenaltyList> lists() {
        return listList;
    }

    /**
     * Every date on which some row of the tables comes into or goes out of force (the day after a 失效日期).
     * With the rules' own dates these are the dates the law of the rule set changes.
     */
    public java.util.SortedSet<LocalDate> changeDates() {
        java.util.SortedSet<LocalDate> dates = new java.util.TreeSet<>();
        java.util.function.Consumer<Validity> add = v -> {
            if (!v.from().equals(LocalDate.MIN)) dates.add(v.from());
            if (v.to() != null) dates.add(v.to().plusDays(1));
        };
        items.forEach(i -> add.accept(i.validity()));
        lists.values().forEach(l -> add.accept(l.validity()));
        provisions.values().forEach(p -> add.accept(p.validity()));
        parameters.values().forEach(rows -> rows.forEach(p -> add.accept(p.validity())));
        benchmarks.values().forEach(b -> add.accept(b.validity()));
        return dates;
    }

    /** Every parameter row, in table order within each name. */
    public List<Parameter> parameterRows() {
        return parameters.values().stream().flatMap(List::stream).toList();
    }

    public Set<String> parameterNames() {
        return parameters.keySet();
    }

    /** What a data flag of an HJ 212 edition means (data-flags.csv); {@link DataFlag#NO_FLAG} for a value sent without one. */
    public Optional<DataFlag> dataFlag(String edition, String flag) {
        return Optional.ofNullable(dataFlags.get(DataFlagTable.key(edition, flag)));
    }

    /** The HJ 212 codes the monitoring derivation knows besides the pollutants' own (monitoring-codes.csv). */
    public List<MonitoringCode> monitoringCodes() {
        return monitoringCodeList;
    }

    /** The reference O₂ content for a source type in force on {@code date} (reference-oxygen.csv). */
    public Optional<ReferenceOxygen> referenceOxygen(String sourceType, LocalDate date) {
        return referenceOxygen.stream().filter(r -> r.sourceType().equals(sourceType) && r.validity().covers(date)).findFirst();
    }

    /** The source types reference-oxygen.csv names, in table order. */
    public List<String> sourceTypes() {
        return referenceOxygen.stream().map(ReferenceOxygen::sourceType).distinct().toList();
    }

    /** The grades a credit scheme defines, in table order (highest first). */
    public List<CreditGrade> creditGrades(String scheme) {
        return creditGrades.stream().filter(g -> g.scheme().equals(scheme)).toList();
    }

    /** The grade a score earns: the first grade whose minimum it reaches; empty if the scheme has no scores. */
    public Optional<CreditGrade> gradeForScore(String scheme, BigDecimal score) {
        List<CreditGrade> grades = creditGrades(scheme);
        if (grades.stream().allMatch(g -> g.minScore() == null)) return Optional.empty();
        return grades.stream().filter(g -> g.minScore() == null || score.compareTo(g.minScore()) >= 0).findFirst();
    }

    /** The parameter row in force on {@code date}; a missing parameter is a rule-set error. */
    public Parameter parameter(String name, LocalDate date) {
        List<Parameter> rows = parameters.get(name);
        if (rows == null) throw new IllegalArgumentException("参数表中没有参数“" + name + "”");
        Parameter row = rows.stream().filter(p -> p.validity().covers(date)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("参数“" + name + "”在 " + date + " 没有有效值"));
        ParameterReads.noted(row);
        return row;
    }

    public double number(String name, LocalDate date) {
        return Double.parseDouble(parameter(name, date).value());
    }

    /** A numeric parameter in force on {@code date}, exactly as the table writes it (for money and fine placement). */
    public BigDecimal decimal(String name, LocalDate date) {
        return new BigDecimal(parameter(name, date).value().trim());
    }

    /** The parameter row in force on {@code date}, if any. */
    public Optional<Parameter> parameterOn(String name, LocalDate date) {
        List<Parameter> rows = parameters.get(name);
        if (rows == null) throw new IllegalArgumentException("参数表中没有参数“" + name + "”");
        for (Parameter p : rows) {
            if (p.validity().covers(date)) {
                ParameterReads.noted(p);
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The production allowed to a performance grade during an alert of a level, in force on {@code date}. */
    public Optional<AlertAllowance> alertAllowance(String grade, String level, LocalDate date) {
        return alertAllowances.stream().filter(a -> a.grade().equals(grade) && a.level().equals(level)
                && a.validity().covers(date)).findFirst();
    }

    /** The discretion benchmark for an enterprise's region (longest matching prefix), else the default one. */
    public Benchmark benchmarkFor(String regionCode, LocalDate date) {
        Benchmark best = null;
        int bestLength = -1;
        for (Benchmark b : benchmarks.values()) {
            if (!b.validity().covers(date)) continue;
            for (String r : b.regions()) {
                if (regionCode.startsWith(r) && r.length() > bestLength) {
                    best = b;
                    bestLength = r.length();
                }
            }
        }
        if (best != null) return best;
        String fallback = parameter("默认裁量基准", date).value();
        return benchmarks.get(fallback);
    }

    // ---- checks across tables ------------------------------------------------------------------------------

    private static void unreadFiles(RuleFiles files, List<TableError> errors) {
        for (String path : files.paths("tables/", "")) {
            String name = path.substring("tables/".length());
            if (TABLES.contains(name)) continue;
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            String message = lower.endsWith(".xlsx") || lower.endsWith(".xls")
                    ? "规则集只读取 CSV 表格，不读取 Excel 工作簿：请把内容另存为“CSV UTF-8（逗号分隔）”并放入对应的表格（"
                    + String.join("、", new java.util.TreeSet<>(TABLES)) + "），再删去此文件"
                    : "规则集不读取这个文件，其中的内容不会生效：表格只能是 " + String.join("、", new java.util.TreeSet<>(TABLES))
                    + "；新增表格须同时修改读取它的代码，否则请删去或移出 tables/";
            errors.add(new TableError(path, 0, "table_unknown_file", message));
        }
    }

    private void crossCheck(List<TableError> errors) {
        for (ViolationType t : violationTypes.values()) {
            boolean punished = provisions.values().stream().anyMatch(p -> p.violations().contains(t.code()) && p.conditions().isEmpty());
            if (!punished) {
                errors.add(new TableError("tables/penalty-provisions.csv", 0, "unknown_reference",
                        "违法行为“" + t.code() + "”（" + t.name() + "）没有无附加条件的罚则，案件将无法作出处理结论"));
            }
        }
        if (!parameters.containsKey("默认裁量基准")) {
            errors.add(new TableError("tables/parameters.csv", 0, "unknown_reference", "缺少参数“默认裁量基准”"));
        } else {
            for (Parameter p : parameters.get("默认裁量基准")) {
                if (!benchmarks.containsKey(p.value())) {
                    errors.add(new TableError("tables/parameters.csv", 0, "unknown_reference", "默认裁量基准“" + p.value() + "”不在 benchmarks.csv 中"));
                }
            }
        }
    }
}
