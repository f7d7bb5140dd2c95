package tianping.monitoring;

import tianping.law.Numbers;
import tianping.law.ReferenceOxygen;
import tianping.monitoring.episodes.ExceedanceEpisode;
import tianping.monitoring.episodes.Exceedances;
import tianping.monitoring.episodes.Flatline;
import tianping.monitoring.episodes.PeriodicSpikes;
import tianping.monitoring.episodes.Point;
import tianping.monitoring.episodes.ProductionCheck;
import tianping.monitoring.episodes.RangeChange;
import tianping.monitoring.episodes.Sign;
import tianping.monitoring.section.FactorLimit;
import tianping.monitoring.section.ManualSample;
import tianping.monitoring.section.Outlet;
import tianping.monitoring.values.Mean;
import tianping.monitoring.values.Means;
import tianping.monitoring.values.Minutes;
import tianping.monitoring.values.Observation;
import tianping.monitoring.values.OxygenCorrection;
import tianping.monitoring.values.Series;
import tianping.monitoring.values.Thresholds;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the data show for one outlet over the case's period: valid hourly and daily means of each factor
 * (O₂-corrected where the outlet's source type requires it), exceedance episodes against each limit, manual
 * results, when compliance was restored, and signs of falsification; with the evidence lines that say which
 * means counted and which were excluded and why.
 */
final class OutletAnalysis {

    /** An exceedance as the case format's exceedances[] records it. */
    record Found(FactorLimit limit, String averaging, long start, int hours, BigDecimal measured) {
    }

    /** An evidence line as the case format's episodes[] records it. */
    record Evidence(String kind, long start, long end, List<String> channels, String text) {
    }

    /**
     * @param hourly   each factor's hourly means as its limits are compared with (O₂-corrected where required);
     *                 {@code daily} likewise; {@code episodes} the exceedance episodes (the officers' chart reads these)
     */
    record Result(Outlet outlet, List<Found> exceedances, Long restoredAt, List<Evidence> evidence, List<Sign> signs,
                  int validHours, int excludedHours, Map<String, TreeMap<Long, Mean>> hourly,
                  Map<String, TreeMap<Long, Mean>> daily, List<ExceedanceEpisode> episodes) {
    }

    static final String SIGN_KIND = "疑似弄虚作假迹象（须现场核实，不作为违法事实）";

    private final Outlet outlet;
    private final Collector data;
    private final Names names;
    private final Function<LocalDate, Thresholds> thresholds;
    private final Means means;
    private final ReferenceOxygen reference;
    private final String oxygenCode;
    private final String flowCode;
    private final List<ProductionCheck.Period> production;
    private final List<ManualSample> manual;
    private final long first;
    private final long last;

    /**
     * @param reference  the reference O₂ of the outlet's source type, or null when its limits apply uncorrected
     * @param oxygenCode the O₂ code (when corrected); {@code flowCode} the outlet's flow code, or null
     * @param first      first minute of the period examined; {@code last} its last minute
     */
    OutletAnalysis(Outlet outlet, Collector data, Names names, Function<LocalDate, Thresholds> thresholds,
                   ReferenceOxygen reference, String oxygenCode, String flowCode, List<ProductionCheck.Period> production,
                   List<ManualSample> manual, long first, long last) {
        this.outlet = outlet;
        this.data = data;
        this.names = names;
        this.thresholds = thresholds;
        this.means = new Means(thresholds);
        this.reference = reference;
        this.oxygenCode = oxygenCode;
        this.flowCode = flowCode;
        this.production = production;
        this.manual = manual;
        this.first = first;
        this.last = last;
    }

    Result analyse() {
        long firstHour = Minutes.hour(first);
        long lastHour = Minutes.hour(last);
        long firstDay = Minutes.day(first);
        long lastDay = Minutes.day(last);
        int interval = outlet.interval();

        OxygenCorrection correction = reference == null ? null : new OxygenCorrection(reference);
        Map<Long, Mean> oxygenHourly = Map.of();
        Map<Long, Mean> oxygenDaily = Map.of();
        if (correction != null) {
            Series o2 = data.series(outlet.mn(), oxygenCode);
            TreeMap<Long, Mean> h = means.hourly(o2, interval, firstHour, lastHour);
            oxygenHourly = h;
            oxygenDaily = means.daily(h, o2, firstDay, lastDay, m -> m);
        }
        Set<String> codes = new LinkedHashSet<>();
        outlet.factors().forEach(f -> codes.add(f.code()));
        Map<String, TreeMap<Long, Mean>> measured = new LinkedHashMap<>();
        Map<String, TreeMap<Long, Mean>> hourly = new LinkedHashMap<>();
        Map<String, TreeMap<Long, Mean>> daily = new LinkedHashMap<>();
        for (String code : codes) {
            Series s = data.series(outlet.mn(), code);
            TreeMap<Long, Mean> hm = means.hourly(s, interval, firstHour, lastHour);
            TreeMap<Long, Mean> hv = correction == null ? hm : correction.apply(hm, oxygenHourly);
            Map<Long, Mean> o2Daily = oxygenDaily;
            TreeMap<Long, Mean> dv = means.daily(hv, s, firstDay, lastDay,
                    m -> correction == null ? m : correction.correct(m, o2Daily.get(m.start())));
            measured.put(code, hm);
            hourly.put(code, hv);
            daily.put(code, dv);
        }

        List<ExceedanceEpisode> episodes = new ArrayList<>();
        for (FactorLimit limit : outlet.factors()) {
            episodes.addAll(Exceedances.find(limit, limit.hourly() ? hourly.get(limit.code()) : daily.get(limit.code())));
        }
        episodes.sort(Comparator.comparingLong(ExceedanceEpisode::start).thenComparing(e -> e.factor().code()));

        List<Found> found = new ArrayList<>();
        for (ExceedanceEpisode e : episodes) {
            found.add(new Found(e.factor(), e.factor().averaging(), e.start(), e.hours(), e.peak()));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (ExceedanceEpisode e : episodes) evidence.add(episodeEvidence(e));
        evidence.addAll(dailyHours(episodes));
        evidence.addAll(exceedanceDays(episodes));
        for (String code : codes) {
            for (FactorLimit f : outlet.factors()) {
                if (!f.code().equals(code)) continue;
                (f.hourly() ? excluded(code, "小时", hourly.get(code)) : excluded(code, "日", daily.get(code))).ifPresent(evidence::add);
            }
        }
        manual(found, evidence);
        List<Sign> signs = signs(codes, measured);
        for (Sign s : signs) {
            evidence.add(new Evidence(SIGN_KIND, s.start(), s.end(), s.code().isEmpty() ? List.of(outlet.mn())
                    : List.of(outlet.mn(), s.code()), s.kind() + "：" + s.evidence()));
        }
        int valid = 0;
        int excluded = 0;
        for (TreeMap<Long, Mean> h : hourly.values()) {
            for (Mean m : h.values()) {
                if (m instanceof Mean.Valid) valid++;
                else excluded++;
            }
        }
        return new Result(outlet, found, restoredAt(episodes, hourly, daily, lastHour, lastDay), evidence, signs, valid, excluded,
                hourly, daily, episodes);
    }

    /** Manual results: an exceedance each one outside its factor's (first) limit, and an evidence line each. */
    private void manual(List<Found> found, List<Evidence> evidence) {
        for (ManualSample m : manual) {
            FactorLimit limit = outlet.factors().stream().filter(f -> f.code().equals(m.factor())).findFirst().orElseThrow();
            boolean exceeds = limit.exceededBy(m.measured());
            long at = Minutes.of(m.sampledAt());
            if (exceeds) found.add(new Found(limit, "手工监测", at, 0, m.measured()));
            evidence.add(new Evidence("手工监测", at, at, List.of(outlet.mn(), m.factor()), names.of(m.factor()) + " "
                    + plain(m.measured()) + " " + limit.unit() + (m.by() == null ? "" : "（" + m.by() + "）") + "，限值 "
                    + limit(limit) + "：" + (exceeds ? "超标" + multiple(m.measured(), limit) : "未超标")));
        }
    }

    private Evidence episodeEvidence(ExceedanceEpisode e) {
        FactorLimit f = e.factor();
        String counted = e.counted().stream().map(v -> Minutes.text(v.start()) + " " + plain(v.value()) + "（" + basis(v) + "）")
                .collect(Collectors.joining("、"));
        String what = f.hourly() ? "小时均值连续 " + e.hours() + " 小时" : "日均值";
        String kind = names.kind(f.code());
        return new Evidence("超标时段", e.start(), e.end(), List.of(outlet.mn(), f.code()), names.of(f.code())
                + (kind.isEmpty() ? "" : "（" + kind + "）") + " " + what
                + "超过限值 " + limit(f) + (reference != null ? "，折算至基准氧含量 " + plain(reference.percent()) + "%" : "")
                + "，最大 " + plain(e.peak()) + multiple(e.peak(), f) + "；计入：" + counted);
    }

    private static String basis(Mean.Valid v) {
        List<String> parts = new ArrayList<>();
        if (v.oxygen() != null) parts.add("实测 " + plain(v.measured()) + "，含氧量 " + plain(v.oxygen()) + "%");
        parts.add(switch (v.source()) {
            case "分钟数据" -> "有效分钟 " + v.count();
            case "小时均值" -> "有效小时 " + v.count();
            default -> v.source();
        });
        parts.addAll(v.notes());
        return String.join("；", parts);
    }

    /** 自然日累计超标时长: for each day, the hours any factor's hourly mean exceeded. */
    private List<Evidence> dailyHours(List<ExceedanceEpisode> episodes) {
        TreeMap<Long, TreeMap<Long, Set<String>>> byDay = new TreeMap<>();
        for (ExceedanceEpisode e : episodes) {
            if (e.hours() == 0) continue;
            for (Mean.Valid v : e.counted()) {
                byDay.computeIfAbsent(Minutes.day(v.start()), d -> new TreeMap<>())
                        .computeIfAbsent(v.start(), h -> new TreeSet<>()).add(names.of(e.factor().code()));
            }
        }
        List<Evidence> out = new ArrayList<>();
        byDay.forEach((day, hours) -> out.add(new Evidence("自然日累计超标时长", hours.firstKey(), hours.lastKey() + 60,
                List.of(outlet.mn()), Minutes.date(day) + " 共 " + hours.size() + " 小时：" + hours.entrySet().stream()
                .map(h -> Minutes.time(h.getKey()).toLocalTime() + "（" + String.join("、", h.getValue()) + "）")
                .collect(Collectors.joining("、")))));
        return out;
    }

    /** 日均值超标天数: the days with a daily-mean exceedance, what 挂牌督办 triggers count. */
    private List<Evidence> exceedanceDays(List<ExceedanceEpisode> episodes) {
        TreeMap<Long, List<String>> days = new TreeMap<>();
        for (ExceedanceEpisode e : episodes) {
            if (e.hours() > 0) continue;
            days.computeIfAbsent(e.start(), d -> new ArrayList<>()).add(names.of(e.factor().code()) + " " + plain(e.peak()));
        }
        if (days.isEmpty()) return List.of();
        return List.of(new Evidence("日均值超标天数", days.firstKey(), days.lastKey() + 1440, List.of(outlet.mn()),
                "日均值超标 " + days.size() + " 日：" + days.entrySet().stream()
                        .map(d -> Minutes.date(d.getKey()) + "（" + String.join("、", d.getValue()) + "）").collect(Collectors.joining("、"))));
    }

    /** The means of one factor that could not be used, consecutive ones with the same reason joined. */
    private Optional<Evidence> excluded(String code, String unit, TreeMap<Long, Mean> means) {
        List<String> lines = new ArrayList<>();
        long firstExcluded = -1;
        long lastExcluded = -1;
        long runStart = -1;
        long runEnd = -1;
        String runReason = null;
        int count = 0;
        long step = unit.equals("小时") ? 60 : 1440;
        for (Mean m : means.values()) {
            if (!(m instanceof Mean.Excluded x)) continue;
            count++;
            if (firstExcluded < 0) firstExcluded = m.start();
            lastExcluded = m.start();
            if (runReason != null && x.reason().equals(runReason) && m.start() == runEnd + step) {
                runEnd = m.start();
                continue;
            }
            if (runReason != null) lines.add(range(runStart, runEnd, step, unit) + " " + runReason);
            runStart = runEnd = m.start();
            runReason = x.reason();
        }
        if (runReason == null) return Optional.empty();
        lines.add(range(runStart, runEnd, step, unit) + " " + runReason);
        return Optional.of(new Evidence("剔除的" + unit + "均值", firstExcluded, lastExcluded + step,
                List.of(outlet.mn(), code), names.of(code) + " 共 " + count + " 个" + unit + "均值不采用：" + String.join("；", lines)));
    }

    private static String range(long start, long end, long step, String unit) {
        String a = unit.equals("小时") ? Minutes.text(start) : Minutes.date(start).toString();
        if (start == end) return a;
        String b = unit.equals("小时") ? Minutes.text(end) : Minutes.date(end).toString();
        return a + " 至 " + b + "（" + ((end - start) / step + 1) + " 个）";
    }

    private List<Sign> signs(Set<String> codes, Map<String, TreeMap<Long, Mean>> measured) {
        List<Sign> out = new ArrayList<>();
        for (String code : codes) {
            Series s = data.series(outlet.mn(), code);
            List<Point> hourlyPoints = new ArrayList<>();
            for (Mean m : measured.get(code).values()) {
                if (m instanceof Mean.Valid v) hourlyPoints.add(new Point(v.start(), v.measured().doubleValue()));
            }
            if (!s.minutes().isEmpty()) {
                List<Point> minutes = new ArrayList<>();
                for (Observation o : s.minutes().values()) if (o.usable()) minutes.add(new Point(o.minute(), o.value()));
                out.addAll(Flatline.find(code, names.of(code), minutes, outlet.interval(), thresholds));
            } else {
                out.addAll(Flatline.find(code, names.of(code), hourlyPoints, 60, thresholds));
            }
            out.addAll(PeriodicSpikes.find(code, names.of(code), hourlyPoints, thresholds));
            List<Observation> all = new ArrayList<>(s.minutes().values());
            all.addAll(s.hours().values());
            all.addAll(s.days().values());
            BigDecimal registered = outlet.factors().stream().filter(f -> f.code().equals(code) && f.range() != null)
                    .map(FactorLimit::range).findFirst().orElse(null);
            out.addAll(RangeChange.find(code, names.of(code), all, registered));
        }
        if (!production.isEmpty()) {
            Map<Long, Mean> flow = Map.of();
            Set<Long> stopped = new HashSet<>();
            List<String> all = new ArrayList<>(codes);
            if (flowCode != null) {
                Series f = data.series(outlet.mn(), flowCode);
                flow = means.hourly(f, outlet.interval(), Minutes.hour(first), Minutes.hour(last));
                all.add(flowCode);
            }
            if (oxygenCode != null) all.add(oxygenCode);
            for (String code : all) {
                Series s = data.series(outlet.mn(), code);
                for (var level : List.of(s.minutes(), s.hours())) {
                    for (Observation o : level.values()) if (o.flag().judgement().equals("停运")) stopped.add(Minutes.hour(o.minute()));
                }
            }
            out.addAll(ProductionCheck.find(flowCode == null ? "" : flowCode, production, flow, stopped, thresholds));
        }
        out.sort(Comparator.comparingLong(Sign::start).thenComparing(Sign::kind));
        return out;
    }

    /**
     * 恢复达标: the first hour after the last hourly exceedance in which every factor that exceeded an hourly limit
     * has a valid mean within it, and likewise the first day for daily limits; the later of the two. Null when
     * the data end before compliance shows.
     */
    private static Long restoredAt(List<ExceedanceEpisode> episodes, Map<String, TreeMap<Long, Mean>> hourly,
                                   Map<String, TreeMap<Long, Mean>> daily, long lastHour, long lastDay) {
        Long restored = null;
        for (boolean perHour : new boolean[]{true, false}) {
            List<ExceedanceEpisode> some = episodes.stream().filter(e -> (e.hours() > 0) == perHour).toList();
            if (some.isEmpty()) continue;
            Set<FactorLimit> limits = some.stream().map(ExceedanceEpisode::factor).collect(Collectors.toSet());
            long after = some.stream().mapToLong(ExceedanceEpisode::end).max().orElseThrow();
            long step = perHour ? 60 : 1440;
            Long found = null;
            for (long t = after; t <= (perHour ? lastHour : lastDay) && found == null; t += step) {
                long at = t;
                boolean ok = limits.stream().allMatch(l -> (perHour ? hourly : daily).get(l.code()).get(at) instanceof Mean.Valid v
                        && !l.exceededBy(v.value()));
                if (ok) found = t;
            }
            if (found == null) return null;
            restored = restored == null ? found : Math.max(restored, found);
        }
        return restored;
    }

    static String plain(BigDecimal v) {
        return Numbers.plain(v.doubleValue());
    }

    private static String limit(FactorLimit f) {
        return (f.limitLow() != null ? plain(f.limitLow()) + "–" : "") + plain(f.limit()) + " " + f.unit() + "（" + f.standard() + "）";
    }

    private static String multiple(BigDecimal measured, FactorLimit f) {
        if (f.limitLow() != null) return "";
        BigDecimal m = measured.subtract(f.limit()).divide(f.limit(), MathContext.DECIMAL64);
        return "（超标 " + plain(m) + " 倍）";
    }

    /** What the pollutant catalogue says of a code, for evidence lines. */
    interface Names {
        /** 二氧化硫 */
        String of(String code);

        /** 第一类污染物、重金属（两高解释第一条第（三）项）…, or empty for a conventional pollutant */
        String kind(String code);
    }
}
