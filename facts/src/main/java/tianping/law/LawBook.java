package tianping.law;

import tianping.facts.Pollutant;
import tianping.facts.ViolationType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The law as data: every table of a rule set, read, checked and cross-referenced. Rows that point at unknown
 * violation types, lists or kinds, and violation types no provision punishes, are load errors.
 */
public final class LawBook {

    private final Map<String, ViolationType> violationTypes = new LinkedHashMap<>();
    private final Map<String, Pollutant> pollutants = new LinkedHashMap<>();
    private final List<CreditGrade> creditGrades = new ArrayList<>();
    private final Map<String, List<Parameter>> parameters = new LinkedHashMap<>();
    private final Map<String, NoPenaltyList> lists = new LinkedHashMap<>();
    private final Map<String, NoPenaltyKind> kinds = new LinkedHashMap<>();
    private final List<NoPenaltyItem> items = new ArrayList<>();
    private final Map<String, Long> itemLines = new HashMap<>();
    private final Map<String, PenaltyProvision> provisions = new LinkedHashMap<>();
    private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
    private final Map<String, DataFlag> dataFlags = new LinkedHashMap<>();
    private final Map<String, MonitoringCode> monitoringCodes = new LinkedHashMap<>();
    private final List<ReferenceOxygen> referenceOxygen = new ArrayList<>();
    private final List<AlertAllowance> alertAllowances = new ArrayList<>();
    private WorkCalendar calendar;

    private LawBook() {
    }

    /**
     * Every file a rule set's tables/ may hold. Anything else there (an extra .csv, an Excel workbook) is refused by
     * name: a table the loader does not read would otherwise look like law and change nothing.
     */
    static final Set<String> TABLES = Set.of("violation-types.csv", "pollutants.csv", "holidays.csv", "credit-grades.csv",
            "parameters.csv", "no-penalty-kinds.csv", "lists.csv", "no-penalty-items.csv", "penalty-provisions.csv",
            "alert-allowances.csv", "discretion-levels.csv", "benchmarks.csv", "data-flags.csv", "monitoring-codes.csv",
            "reference-oxygen.csv");

    public static LawBook read(RuleFiles files) throws RuleSetException {
        LawBook book = new LawBook();
        List<TableError> errors = new ArrayList<>();
        unreadFiles(files, errors);
        RuleGuards.check(files, errors);
        book.readAll(files, errors);
        if (errors.isEmpty()) book.crossCheck(errors);
        if (!errors.isEmpty()) throw new RuleSetException(errors);
        return book;
    }

    // ---- lookups ------------------------------------------------------------------------------------------

    public Optional<ViolationType> violationType(String code) {
        return Optional.ofNullable(violationTypes.get(code));
    }

    public Optional<Pollutant> pollutant(String code) {
        return Optional.ofNullable(pollutants.get(code));
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public List<NoPenaltyItem> items() {
        return java.util.Collections.unmodifiableList(items);
    }

    public List<PenaltyProvision> provisions() {
        return List.copyOf(provisions.values());
    }

    public Optional<PenaltyProvision> provision(String id) {
        return Optional.ofNullable(provisions.get(id));
    }

    public List<ViolationType> violationTypes() {
        return List.copyOf(violationTypes.values());
    }

    public List<NoPenaltyList> lists() {
        return List.copyOf(lists.values());
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

    public Set<String> parameterNames() {
        return parameters.keySet();
    }

    /** What a data flag of an HJ 212 edition means (data-flags.csv); {@link DataFlag#NO_FLAG} for a value sent without one. */
    public Optional<DataFlag> dataFlag(String edition, String flag) {
        return Optional.ofNullable(dataFlags.get(edition + "\u0000" + flag));
    }

    /** The HJ 212 codes the monitoring derivation knows besides the pollutants' own (monitoring-codes.csv). */
    public List<MonitoringCode> monitoringCodes() {
        return List.copyOf(monitoringCodes.values());
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
        return rows.stream().filter(p -> p.validity().covers(date)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("参数“" + name + "”在 " + date + " 没有有效值"));
    }

    public double number(String name, LocalDate date) {
        return Double.parseDouble(parameter(name, date).value());
    }

    /** The parameter row in force on {@code date}, if any. */
    public Optional<Parameter> parameterOn(String name, LocalDate date) {
        List<Parameter> rows = parameters.get(name);
        if (rows == null) throw new IllegalArgumentException("参数表中没有参数“" + name + "”");
        for (Parameter p : rows) if (p.validity().covers(date)) return Optional.of(p);
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

    // ---- reading ------------------------------------------------------------------------------------------

    private CsvTable table(RuleFiles files, String name, List<TableError> errors, String columns, String optional) {
        return table(files, name, errors, columns, optional, true);
    }

    /**
     * @param required false for the online-monitoring and power tables: rule sets written before them (kept as snapshots
     *                 for replay) still load, and the derivation that needs them reports their absence when used
     */
    private CsvTable table(RuleFiles files, String name, List<TableError> errors, String columns, String optional,
                           boolean required) {
        String path = "tables/" + name;
        byte[] content = files.get(path);
        if (content == null) {
            if (required) errors.add(new TableError(path, 0, "table_missing", "规则集缺少表格 " + path));
            content = (columns + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return new CsvTable(path, content, Arrays.asList(columns.split(",")),
                optional.isEmpty() ? Set.of() : Set.of(optional.split(",")), errors);
    }

    private void readAll(RuleFiles files, List<TableError> errors) {
        for (var r : table(files, "violation-types.csv", errors, "代码,名称,环境要素,类别,义务条款,备注", "备注").rows()) {
            String code = r.text("代码");
            if (!code.matches("[a-z][a-z0-9_]*")) r.error("table_value_error", "违法行为代码应为小写英文与下划线，实际为“" + code + "”");
            put(violationTypes, code, new ViolationType(code, r.text("名称"),
                    r.oneOf("环境要素", List.of("大气", "水", "噪声", "固体废物", "建设项目", "排污许可", "综合")),
                    r.oneOf("类别", List.of("超标排放", "逃避监管", "建设项目", "信息公开", "自动监测", "固体废物", "扬尘", "重污染天气", "许可管理", "拒不执行")),
                    r.text("义务条款")), r);
        }
        for (var r : table(files, "pollutants.csv", errors, "代码,名称,环境要素,类别,重金属组,持久性有机污染物,来源", "").rows()) {
            String group = r.optional("重金属组");
            if (group != null && !group.equals("三倍") && !group.equals("十倍")) r.error("table_value_error", "重金属组应为“三倍”“十倍”或空");
            put(pollutants, r.text("代码"), new Pollutant(r.text("代码"), r.text("名称"),
                    r.oneOf("环境要素", List.of("大气", "水", "噪声")), r.oneOf("类别", List.of("常规", "有毒", "第一类")),
                    group == null ? "" : group, r.yesNo("持久性有机污染物"), r.text("来源")), r);
        }
        Map<LocalDate, Boolean> working = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (var r : table(files, "holidays.csv", errors, "日期,安排,节日,来源", "").rows()) {
            LocalDate d = r.date("日期");
            String kind = r.oneOf("安排", List.of("休", "班"));
            r.text("来源");
            if (working.put(d, kind.equals("班")) != null) r.error("table_value_error", "日期 " + d + " 重复");
            years.add(d.getYear());
        }
        calendar = new WorkCalendar(working, years);
        for (var r : table(files, "credit-grades.csv", errors, "评价办法,等级,最低分值,限制从宽,来源", "").rows()) {
            creditGrades.add(new CreditGrade(r.text("评价办法"), r.text("等级"), r.optionalNumber("最低分值"), r.yesNo("限制从宽"), r.text("来源")));
        }
        for (var r : table(files, "parameters.csv", errors, "参数,值,单位,说明,生效日期,失效日期,来源", "").rows()) {
            Parameter p = new Parameter(r.text("参数"), r.text("值"), r.optional("单位") == null ? "" : r.optional("单位"),
                    r.text("说明"), r.validity("生效日期", "失效日期"), r.text("来源"));
            List<Parameter> same = parameters.computeIfAbsent(p.name(), k -> new ArrayList<>());
            for (Parameter q : same) {
                if (overlaps(p.validity(), q.validity())) r.error("table_value_error", "参数“" + p.name() + "”的有效期与另一行重叠");
            }
            same.add(p);
        }
        for (var r : table(files, "no-penalty-kinds.csv", errors, "类型,法定条件,法律依据,适用", "").rows()) {
            String kind = r.oneOf("类型", List.of("轻微不罚", "首违不罚"));
            put(kinds, kind, new NoPenaltyKind(kind, r.conditions("法定条件", "法定条件（" + r.text("法律依据") + "）"),
                    r.text("法律依据"), r.oneOf("适用", List.of("应当", "可以")).equals("应当")), r);
        }
        for (var r : table(files, "lists.csv", errors, "清单编号,清单名称,发布机关,文号,适用地区,生效日期,失效日期,共同条件,初次违法认定,优先于,来源,备注", "").rows()) {
            String id = r.text("清单编号");
            List<String> regions = split(r.text("适用地区"));
            for (String region : regions) {
                if (!region.matches("\\d{2,6}")) r.error("table_value_error", "适用地区应为行政区划代码前缀（2–6 位数字），实际为“" + region + "”");
            }
            put(lists, id, new NoPenaltyList(id, r.text("清单名称"), r.text("发布机关"), r.optional("文号") == null ? "" : r.optional("文号"),
                    regions, r.validity("生效日期", "失效日期"), r.conditions("共同条件", "清单共同条件"),
                    r.conditions("初次违法认定", "初次违法认定"), split(r.text("优先于")), r.text("来源"),
                    r.optional("备注") == null ? "" : r.optional("备注")), r);
        }
        for (var r : table(files, "no-penalty-items.csv", errors, "事项编号,清单编号,类型,违法行为,事项名称,罚则条款,条件,清单位置,生效日期,失效日期,备注", "").rows()) {
            String id = r.text("事项编号");
            if (!id.matches("NP-[A-Z0-9-]+")) r.error("table_value_error", "事项编号应以 NP- 开头、由大写字母数字和连字符组成，实际为“" + id + "”");
            NoPenaltyList list = lists.get(r.text("清单编号"));
            NoPenaltyKind kind = kinds.get(r.text("类型"));
            if (list == null) r.error("unknown_reference", "清单编号“" + r.text("清单编号") + "”不在 lists.csv 中");
            if (kind == null) r.error("unknown_reference", "类型“" + r.text("类型") + "”不在 no-penalty-kinds.csv 中");
            List<String> violations = split(r.text("违法行为"));
            checkViolations(violations, r);
            if (list == null || kind == null) continue;
            LocalDate from = r.optionalDate("生效日期");
            LocalDate to = r.optionalDate("失效日期");
            Validity validity = from == null && to == null ? list.validity()
                    : new Validity(from != null ? from : list.validity().from(), to != null ? to : list.validity().to());
            if (items.stream().anyMatch(i -> i.id().equals(id))) r.error("table_value_error", "事项编号“" + id + "”重复");
            items.add(new NoPenaltyItem(id, list, kind, violations, r.text("事项名称"), r.text("罚则条款"),
                    r.conditions("条件", "事项条件"), r.text("清单位置"), validity, r.optional("备注") == null ? "" : r.optional("备注"),
                    list.overrides()));
            itemLines.put(id, r.line());
        }
        ListPrecedence.apply(items, itemLines, errors);
        for (var r : table(files, "penalty-provisions.csv", errors, "规则编号,违法行为,法律依据,条款摘要,罚款方式,下限,上限,保底金额,并处措施,按日连续处罚依据,适用条件,生效日期,失效日期,来源", "").rows()) {
            String id = r.text("规则编号");
            if (!id.matches("PEN-[A-Z0-9-]+")) r.error("table_value_error", "规则编号应以 PEN- 开头、由大写字母数字和连字符组成，实际为“" + id + "”");
            List<String> violations = split(r.text("违法行为"));
            checkViolations(violations, r);
            PenaltyProvision.FineBasis basis = PenaltyProvision.FineBasis.of(r.text("罚款方式"));
            if (basis == null) r.error("table_value_error", "罚款方式应为 固定区间、投资额比例 或 处置费用倍数，实际为“" + r.text("罚款方式") + "”");
            BigDecimal min = r.number("下限");
            BigDecimal max = r.number("上限");
            if (max.compareTo(min) < 0) r.error("table_value_error", "上限 " + max + " 小于下限 " + min);
            BigDecimal floor = r.optionalNumber("保底金额");
            put(provisions, id, new PenaltyProvision(id, violations, r.text("法律依据"), r.text("条款摘要"), basis, min, max,
                    floor == null ? BigDecimal.ZERO : floor, split(r.optional("并处措施")),
                    r.optional("按日连续处罚依据") == null ? "" : r.optional("按日连续处罚依据"),
                    r.conditions("适用条件", "适用条件"), r.validity("生效日期", "失效日期"), r.text("来源")), r);
        }
        for (var r : table(files, "alert-allowances.csv", errors, "绩效等级,预警级别,允许负荷比例,措施,生效日期,失效日期,来源", "", false).rows()) {
            String grade = r.oneOf("绩效等级", List.of("A+", "A", "B", "B-", "C", "D", "引领性", "未分级"));
            String level = r.oneOf("预警级别", List.of("黄色", "橙色", "红色"));
            BigDecimal fraction = r.number("允许负荷比例");
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                r.error("table_value_error", "允许负荷比例应在 0 与 1 之间，实际为 " + fraction);
            }
            AlertAllowance a = new AlertAllowance(grade, level, fraction.doubleValue(), r.text("措施"),
                    r.validity("生效日期", "失效日期"), r.text("来源"));
            for (AlertAllowance other : alertAllowances) {
                if (other.grade().equals(grade) && other.level().equals(level) && overlaps(other.validity(), a.validity())) {
                    r.error("table_value_error", grade + " 级" + level + "预警的允许负荷有效期与另一行重叠");
                }
            }
            alertAllowances.add(a);
        }
        Map<String, List<Benchmark.Level>> levels = new LinkedHashMap<>();
        for (var r : table(files, "discretion-levels.csv", errors, "基准编号,因子,档次,条件,取值,来源", "").rows()) {
            levels.computeIfAbsent(r.text("基准编号"), k -> new ArrayList<>()).add(new Benchmark.Level(r.text("因子"),
                    r.text("档次"), r.conditions("条件", "裁量因子"), r.number("取值"), r.text("来源")));
        }
        for (var r : table(files, "benchmarks.csv", errors, "基准编号,基准名称,适用地区,计算方式,取整,生效日期,失效日期,来源", "").rows()) {
            String id = r.text("基准编号");
            Benchmark.Method method = Benchmark.Method.of(r.text("计算方式"));
            if (method == null) r.error("table_value_error", "计算方式应为 比例累加 或 因子档次，实际为“" + r.text("计算方式") + "”");
            if (!levels.containsKey(id)) r.error("unknown_reference", "基准“" + id + "”在 discretion-levels.csv 中没有因子档次");
            put(benchmarks, id, new Benchmark(id, r.text("基准名称"), split(r.text("适用地区")), method, r.number("取整"),
                    r.validity("生效日期", "失效日期"), r.text("来源"), levels.getOrDefault(id, List.of())), r);
        }
        for (String id : levels.keySet()) {
            if (!benchmarks.containsKey(id)) errors.add(new TableError("tables/discretion-levels.csv", 0, "unknown_reference", "基准编号“" + id + "”不在 benchmarks.csv 中"));
        }
        readMonitoringTables(files, errors);
    }

    private void readMonitoringTables(RuleFiles files, List<TableError> errors) {
        for (var r : table(files, "data-flags.csv", errors, "标准版本,标记,含义,判定,来源", "", false).rows()) {
            String edition = r.oneOf("标准版本", List.of("HJ 212-2017", "HJ/T 212-2005"));
            String flag = r.text("标记");
            if (!flag.equals(DataFlag.NO_FLAG) && !flag.matches("[A-Z]")) r.error("table_value_error", "标记应为一个大写字母或“无”，实际为“" + flag + "”");
            put(dataFlags, edition + "\u0000" + flag, new DataFlag(edition, flag, r.text("含义"),
                    r.oneOf("判定", DataFlag.JUDGEMENTS), r.text("来源")), r);
        }
        Set<String> legacy = new HashSet<>();
        for (var r : table(files, "monitoring-codes.csv", errors, "代码,名称,环境要素,用途,2005编码,来源", "", false).rows()) {
            String code = r.text("代码");
            String role = r.oneOf("用途", MonitoringCode.ROLES);
            if (role.equals("污染物") && !pollutants.containsKey(code)) {
                r.error("unknown_reference", "用途为污染物的代码“" + code + "”不在 pollutants.csv 中");
            }
            String old = r.optional("2005编码");
            if (old != null && !legacy.add(old)) r.error("table_value_error", "2005编码“" + old + "”重复");
            put(monitoringCodes, code, new MonitoringCode(code, r.text("名称"), r.oneOf("环境要素", List.of("大气", "水")),
                    role, old == null ? "" : old, r.text("来源")), r);
        }
        for (var r : table(files, "reference-oxygen.csv", errors, "排放源类型,基准氧含量,标准,生效日期,失效日期,来源", "", false).rows()) {
            BigDecimal percent = r.number("基准氧含量");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(21)) >= 0) {
                r.error("table_value_error", "基准氧含量应在 0 与 21 之间（%），实际为 " + percent.toPlainString());
            }
            ReferenceOxygen row = new ReferenceOxygen(r.text("排放源类型"), percent, r.text("标准"),
                    r.validity("生效日期", "失效日期"), r.text("来源"));
            for (ReferenceOxygen q : referenceOxygen) {
                if (q.sourceType().equals(row.sourceType()) && overlaps(q.validity(), row.validity())) {
                    r.error("table_value_error", "排放源类型“" + row.sourceType() + "”的有效期与另一行重叠");
                }
            }
            referenceOxygen.add(row);
        }
    }

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

    private void checkViolations(List<String> violations, CsvTable.Row r) {
        for (String v : violations) {
            if (!violationTypes.containsKey(v)) r.error("unknown_reference", "违法行为“" + v + "”不在 violation-types.csv 中");
        }
    }

    private static <V> void put(Map<String, V> map, String key, V value, CsvTable.Row r) {
        if (map.putIfAbsent(key, value) != null) r.error("table_value_error", "编号“" + key + "”重复");
    }

    private static boolean overlaps(Validity a, Validity b) {
        return (a.to() == null || !a.to().isBefore(b.from())) && (b.to() == null || !b.to().isBefore(a.from()));
    }

    static List<String> split(String cell) {
        if (cell == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : cell.split("[、,，;；]")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
