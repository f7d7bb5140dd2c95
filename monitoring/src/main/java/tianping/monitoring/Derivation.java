package tianping.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.facts.Pollutant;
import tianping.law.LawBook;
import tianping.law.MonitoringCode;
import tianping.law.Numbers;
import tianping.law.ReferenceOxygen;
import tianping.monitoring.episodes.ProductionCheck;
import tianping.monitoring.hj212.CsvExportReader;
import tianping.monitoring.hj212.Hj212Reader;
import tianping.monitoring.hj212.Packet;
import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.section.ManualSample;
import tianping.monitoring.section.MonitoringSection;
import tianping.monitoring.section.Outlet;
import tianping.monitoring.section.ProductionPeriod;
import tianping.monitoring.values.FlagBook;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Series;
import tianping.monitoring.values.Thresholds;
import tianping.read.CaseError;
import tianping.read.ConfinedFiles;
import tianping.read.DateWindow;
import tianping.read.Excerpt;
import tianping.read.CaseRejected;
import tianping.read.NoViolationFound;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One run of the monitoring derivation on one case: check the section, read the data, analyse, write findings. */
final class Derivation {

    private static final String AT = "$." + MonitoringDerivation.SECTION;

    private final String file;
    private final ObjectNode caseJson;
    private final ConfinedFiles files;
    private final LawBook law;
    private final MonitoringSection section;
    private final FlagBook flags;
    private final List<CaseError> errors = new ArrayList<>();
    private final Map<LocalDate, Thresholds> thresholds = new HashMap<>();
    private Collector data;

    Derivation(String file, ObjectNode caseJson, ConfinedFiles files, LawBook law, MonitoringSection section) {
        this.file = file;
        this.caseJson = caseJson;
        this.files = files;
        this.law = law;
        this.section = section;
        this.flags = new FlagBook(law);
    }

    ObjectNode run() throws CaseRejected {
        List<OutletAnalysis.Result> results = analyse();
        ObjectNode out = new FindingWriter(caseJson, section, data.files()).write(results);
        if (out.path("findings").isEmpty()) throw noFinding(results);
        return out;
    }

    /** The section checked, its data read and every outlet analysed; {@link #data} is then the data read. */
    List<OutletAnalysis.Result> analyse() throws CaseRejected {
        if (!flags.loaded()) {
            error(AT, "monitoring_ruleset_error", "规则集缺少在线监测表格（tables/data-flags.csv、monitoring-codes.csv、reference-oxygen.csv），无法推导");
        }
        String oxygenCode = code("含氧量", "大气");
        checkSection(oxygenCode);
        throwIfAny();

        Map<String, String> legacy = new HashMap<>();
        for (MonitoringCode c : law.monitoringCodes()) if (!c.legacyCode().isEmpty()) legacy.put(c.legacyCode(), c.code());
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        for (Outlet o : section.outlets()) {
            List<String> codes = new ArrayList<>();
            o.factors().forEach(f -> { if (!codes.contains(f.code())) codes.add(f.code()); });
            if (o.sourceType() != null) codes.add(oxygenCode);
            String flow = code("流量", o.medium());
            if (flow != null) codes.add(flow);
            wanted.put(o.mn(), codes);
        }
        long from = section.period() == null ? Long.MIN_VALUE : Minutes.of(section.period().from());
        long to = section.period() == null ? Long.MAX_VALUE : Minutes.of(section.period().to().plusDays(1));
        Collector data = new Collector(flags, legacy, wanted, from, to, plausibility());
        throwIfAny();
        readFiles(data);
        throwIfAny();
        checkUsable(data);
        throwIfAny();

        checkData(data, oxygenCode);
        throwIfAny();

        List<OutletAnalysis.Result> results = new ArrayList<>();
        for (int i = 0; i < section.outlets().size(); i++) {
            Outlet o = section.outlets().get(i);
            long[] span = span(o, data, wanted.get(o.mn()));
            loadThresholds(span);
            throwIfAny();
            ReferenceOxygen reference = null;
            if (o.sourceType() != null) {
                LocalDate on = Minutes.date(span[0]);
                reference = law.referenceOxygen(o.sourceType(), on).orElse(null);
                if (reference == null) {
                    error(AT + ".outlets[" + i + "].sourceType", "monitoring_ruleset_error", "排放源类型“" + o.sourceType() + "”的基准氧含量在 " + on
                            + " 没有有效值（reference-oxygen.csv）");
                    continue;
                }
            }
            List<ProductionCheck.Period> production = section.production().stream()
                    .filter(p -> p.mn() == null || p.mn().equals(o.mn()))
                    .map(p -> new ProductionCheck.Period(Minutes.of(p.start()), Minutes.of(p.end()), p.source())).toList();
            List<ManualSample> manual = section.manual().stream().filter(m -> m.mn().equals(o.mn())).toList();
            results.add(new OutletAnalysis(o, data, names(), d -> thresholds.get(d), reference,
                    o.sourceType() == null ? null : oxygenCode, code("流量", o.medium()), production, manual, span[0], span[1]).analyse());
        }
        throwIfAny();
        this.data = data;
        return results;
    }

    /**
     * What values can be at all (parameters.csv, [K]): dates within 数据最早年份–数据最晚年份; a factor's value at
     * most 在线监测测定值合理上限倍数 times its highest limit, and, where a range is registered, at most
     * 在线监测超量程合理上限倍数 times the range. Looked up on the decision date, as the case's own dates are.
     */
    private Collector.Plausibility plausibility() {
        LocalDate on = DateWindow.lookupDate(caseJson.path("decisionDate").asText(""));
        DateWindow window;
        double ofLimit;
        double ofRange;
        try {
            window = DateWindow.on(file, law, on);
            ofLimit = law.number("在线监测测定值合理上限倍数", on);
            ofRange = law.number("在线监测超量程合理上限倍数", on);
        } catch (CaseRejected | IllegalArgumentException e) {
            error(AT, "monitoring_ruleset_error", "规则集缺少数据合理范围参数（parameters.csv 数据最早年份、数据最晚年份、"
                    + "在线监测测定值合理上限倍数、在线监测超量程合理上限倍数），无法推导");
            return Collector.Plausibility.none();
        }
        Map<String, Map<String, Collector.Ceiling>> ceilings = new HashMap<>();
        for (Outlet o : section.outlets()) {
            Map<String, Collector.Ceiling> mine = new HashMap<>();
            for (FactorLimit f : o.factors()) {
                double byLimit = f.limit().doubleValue() * ofLimit;
                Collector.Ceiling c = new Collector.Ceiling(byLimit, "限值 " + f.limit().toPlainString() + " 的 "
                        + Numbers.plain(ofLimit) + " 倍（parameters.csv 在线监测测定值合理上限倍数）");
                if (f.range() != null && f.range().doubleValue() * ofRange < byLimit) {
                    c = new Collector.Ceiling(f.range().doubleValue() * ofRange, "备案量程 " + f.range().toPlainString() + " 的 "
                            + Numbers.plain(ofRange) + " 倍（parameters.csv 在线监测超量程合理上限倍数）");
                }
                Collector.Ceiling earlier = mine.get(f.code());
                // a code with an hourly and a daily limit: the more permissive bound, so no real value is lost
                if (earlier == null || earlier.max() < c.max()) mine.put(f.code(), c);
            }
            ceilings.put(o.mn(), mine);
        }
        return new Collector.Plausibility(window.firstEpochMinute(), window.endEpochMinute(), window.describe(), ceilings);
    }

    /**
     * Data of which nothing can be used (every packet broken, every flag unknown or invalid, every value beyond
     * what an analyser can report) show nothing: that is no "no violation", it is unusable data, refused with its counts.
     */
    private void checkUsable(Collector data) {
        if (data.usable() > 0) return;
        long packets = 0;
        long problems = 0;
        for (Collector.FileReport f : data.files()) {
            packets += f.packets;
            problems += f.problems;
        }
        if (packets == 0 && problems == 0) return;
        if (packets > 0 && data.kept() == 0 && data.implausible() == 0 && data.outsideWindow() == 0) return;
        error(AT + ".data", "data_unusable", "原始数据不可用：" + data.files().size() + " 个数据文件中可读的数据包 " + packets
                + " 个、错误 " + problems + " 处（坏包、数值无法读取、超出合理范围等）；本案排放口因子的数据值 " + data.kept()
                + " 个，其中数据标记未知 " + data.unknownFlags() + " 个，超出合理范围 " + data.implausible() + " 个，时间不在合理范围的包 "
                + data.outsideWindow() + " 个；没有一个可用的有效数据，不能据此认定有无超标（不是“未发现违法事实”）");
    }

    /** The HJ 212 code of a role (含氧量, 流量) for a medium, from monitoring-codes.csv. */
    private String code(String role, String medium) {
        return law.monitoringCodes().stream().filter(c -> c.role().equals(role) && c.medium().equals(medium))
                .map(MonitoringCode::code).findFirst().orElse(null);
    }

    OutletAnalysis.Names names() {
        return new OutletAnalysis.Names() {
            @Override
            public String of(String code) {
                return law.pollutant(code).map(Pollutant::name).orElseGet(() -> law.monitoringCodes().stream()
                        .filter(c -> c.code().equals(code)).map(MonitoringCode::name).findFirst().orElse(code));
            }

            @Override
            public String kind(String code) {
                Pollutant p = law.pollutant(code).orElse(null);
                if (p == null) return "";
                List<String> kinds = new ArrayList<>();
                if (!p.pollutantClass().equals("常规")) kinds.add(p.pollutantClass() + "污染物");
                if (p.metalGroup().equals("三倍")) kinds.add("重金属（两高解释第一条第（三）项）");
                if (p.metalGroup().equals("十倍")) kinds.add("重金属（两高解释第一条第（四）项）");
                if (p.persistentOrganic()) kinds.add("持久性有机污染物");
                return String.join("、", kinds);
            }
        };
    }

    private void checkSection(String oxygenCode) {
        if (section.format().equals("csv") && section.interval() == null) {
            error(AT + ".interval", "case_schema_error", "CSV 数据须注明 interval（分钟、小时或日）");
        }
        if (section.period() != null && section.period().to().isBefore(section.period().from())) {
            error(AT + ".period.to", "case_value_error", "期间终止日 " + section.period().to() + " 早于起始日 " + section.period().from());
        }
        Set<String> ids = new HashSet<>();
        Set<String> mns = new HashSet<>();
        for (int i = 0; i < section.outlets().size(); i++) {
            Outlet o = section.outlets().get(i);
            String at = AT + ".outlets[" + i + "]";
            if (!ids.add(o.id())) error(at + ".id", "case_value_error", "排放口编号 " + o.id() + " 重复");
            if (!mns.add(o.mn())) error(at + ".mn", "case_value_error", "MN " + o.mn() + " 重复");
            if (o.sourceType() != null) {
                if (o.medium().equals("水")) {
                    error(at + ".sourceType", "case_value_error", "水污染物排放口不按基准氧含量折算，不应注明排放源类型");
                } else if (!law.sourceTypes().contains(o.sourceType())) {
                    error(at + ".sourceType", "unknown_reference", "排放源类型“" + o.sourceType() + "”不在 reference-oxygen.csv 中（可用："
                            + String.join("、", law.sourceTypes()) + "）");
                } else if (oxygenCode == null) {
                    error(at + ".sourceType", "monitoring_ruleset_error", "monitoring-codes.csv 中没有用途为含氧量的大气编码，无法折算");
                }
            }
            Set<String> limits = new HashSet<>();
            for (int j = 0; j < o.factors().size(); j++) {
                FactorLimit f = o.factors().get(j);
                String fat = at + ".factors[" + j + "]";
                Pollutant p = law.pollutant(f.code()).orElse(null);
                if (p == null) {
                    error(fat + ".code", "unknown_reference", "污染因子代码“" + f.code() + "”不在污染物目录（tables/pollutants.csv）中"
                            + law.didYouMeanPollutant(f.code()));
                } else if (!p.medium().equals(o.medium())) {
                    error(fat + ".code", "case_value_error", p.name() + "（" + f.code() + "）是" + p.medium() + "污染物，排放口为" + o.medium());
                }
                if (!limits.add(f.code() + f.averaging())) {
                    error(fat, "case_value_error", f.code() + " 的" + f.averaging() + "限值重复");
                }
                if (f.limitLow() != null && f.limitLow().compareTo(f.limit()) >= 0) {
                    error(fat + ".limitLow", "case_value_error", "限值下限 " + f.limitLow().toPlainString() + " 不小于上限 " + f.limit().toPlainString());
                }
            }
        }
        Map<String, Outlet> byMn = new HashMap<>();
        section.outlets().forEach(o -> byMn.put(o.mn(), o));
        for (int k = 0; k < section.manual().size(); k++) {
            ManualSample m = section.manual().get(k);
            String at = AT + ".manual[" + k + "]";
            Outlet o = byMn.get(m.mn());
            if (o == null) error(at + ".mn", "unknown_reference", "MN " + m.mn() + " 不是 outlets 中的排放口");
            else if (o.factors().stream().noneMatch(f -> f.code().equals(m.factor()))) {
                error(at + ".factor", "unknown_reference", "排放口 " + o.id() + " 没有因子 " + m.factor() + " 的限值");
            }
        }
        for (int k = 0; k < section.production().size(); k++) {
            ProductionPeriod p = section.production().get(k);
            String at = AT + ".production[" + k + "]";
            if (p.mn() != null && !byMn.containsKey(p.mn())) error(at + ".mn", "unknown_reference", "MN " + p.mn() + " 不是 outlets 中的排放口");
            if (!p.end().isAfter(p.start())) error(at + ".end", "case_value_error", "生产时段终止 " + p.end() + " 不晚于开始 " + p.start());
        }
    }

    /**
     * Streams every data file through {@link ConfinedFiles} (only regular files inside the case's folder or the
     * data root, bounded in size), hashing as it reads: a file is never held whole in memory.
     */
    private void readFiles(Collector data) {
        for (int i = 0; i < section.data().size(); i++) {
            String name = section.data().get(i);
            String at = AT + ".data[" + i + "]";
            try (ConfinedFiles.Opened opened = files.open(name)) {
                Collector.FileReport report = data.start(name);
                if (section.format().equals("csv")) {
                    new CsvExportReader(data, switch (section.interval()) {
                        case "分钟" -> Packet.CN_MINUTE;
                        case "小时" -> Packet.CN_HOUR;
                        default -> Packet.CN_DAY;
                    }).read(opened.stream());
                } else {
                    new Hj212Reader(data).read(opened.stream());
                }
                report.sha256 = opened.sha256();
                if (report.header != null) {
                    error(name + ":" + report.header.line(), "monitoring_data_error", report.header.message());
                }
            } catch (ConfinedFiles.Refused e) {
                error(at, e.code(), e.getMessage());
            } catch (ConfinedFiles.TooLarge e) {
                error(at, "data_file_too_large", e.getMessage());
            } catch (Collector.TooManyValues e) {
                error(at, "monitoring_data_too_large", e.getMessage());
                return;
            } catch (IOException e) {
                error(at, "data_file_missing", "数据文件“" + Excerpt.of(name) + "”读取失败");
            }
        }
    }

    private void checkData(Collector data, String oxygenCode) {
        for (int i = 0; i < section.outlets().size(); i++) {
            Outlet o = section.outlets().get(i);
            String at = AT + ".outlets[" + i + "]";
            if (!data.hasData(o.mn())) {
                error(at + ".mn", "monitoring_data_error", "数据文件中没有 MN=" + o.mn() + " 的分钟、小时或日数据"
                        + (section.period() == null ? "" : "（期间 " + section.period().from() + " 至 " + section.period().to() + "）")
                        + (data.otherMns().isEmpty() ? "" : "；数据中的 MN：" + String.join("、", data.otherMns())));
                continue;
            }
            for (int j = 0; j < o.factors().size(); j++) {
                String code = o.factors().get(j).code();
                if (data.series(o.mn(), code).isEmpty()) {
                    error(at + ".factors[" + j + "].code", "monitoring_data_error", "数据文件中没有排放口 " + o.id() + " 因子 " + code + " 的数据");
                }
            }
            if (o.sourceType() != null && data.series(o.mn(), oxygenCode).isEmpty()) {
                error(at + ".sourceType", "monitoring_data_error", "按基准氧含量折算须有含氧量（" + oxygenCode + "）数据，数据文件中没有");
            }
        }
    }

    /** The minutes examined for an outlet: the case's period, or else from its first to its last value. */
    private long[] span(Outlet o, Collector data, List<String> codes) {
        if (section.period() != null) {
            return new long[]{Minutes.of(section.period().from()), Minutes.of(section.period().to().plusDays(1)) - 1};
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String code : codes) {
            Series s = data.series(o.mn(), code);
            long[] span = s.span();
            if (span == null) continue;
            first = Math.min(first, span[0]);
            last = Math.max(last, span[1]);
        }
        return new long[]{first, last};
    }

    /** The thresholds of every day examined; a parameter missing or not in force is a rule-set error. */
    private void loadThresholds(long[] span) {
        for (LocalDate d = Minutes.date(span[0]); !d.isAfter(Minutes.date(span[1])); d = d.plusDays(1)) {
            if (thresholds.containsKey(d)) continue;
            try {
                thresholds.put(d, Thresholds.on(law, d));
            } catch (IllegalArgumentException e) {
                error(AT, "monitoring_ruleset_error", e.getMessage() + "（parameters.csv）");
                return;
            }
        }
    }

    /** Why a case whose data show no exceedance, and that has no other finding, cannot be decided. */
    private NoViolationFound noFinding(List<OutletAnalysis.Result> results) {
        String signs = results.stream().flatMap(r -> r.signs().stream().map(s -> r.outlet().id() + " " + s.kind() + "：" + s.evidence()))
                .collect(Collectors.joining("；"));
        return new NoViolationFound(List.of(new CaseError(file, AT, "monitoring_no_exceedance", "在线监测数据中没有超标时段，案件没有违法事实可以核查"
                + (signs.isEmpty() ? "" : "；另有疑似弄虚作假迹象须现场核实：" + signs))));
    }

    private void error(String path, String code, String message) {
        errors.add(new CaseError(file, path, code, message));
    }

    private void throwIfAny() throws CaseRejected {
        if (!errors.isEmpty()) throw new CaseRejected(List.copyOf(errors));
    }
}
