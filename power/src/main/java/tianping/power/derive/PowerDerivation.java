package tianping.power.derive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tianping.law.LawBook;
import tianping.power.episodes.Thresholds;
import tianping.power.readings.EnterpriseSeries;
import tianping.power.readings.Grid;
import tianping.power.readings.SeriesBuilder;
import tianping.read.CaseDerivation;
import tianping.read.CaseError;
import tianping.read.CaseRejected;
import tianping.read.ConfinedFiles;
import tianping.read.DateWindow;
import tianping.read.NoViolationFound;

import java.time.Duration;
import java.util.List;

/**
 * The derivation of a case's "power" section: reads the section and its readings files, finds the anomaly
 * episodes and appends the findings they make to {@code findings}, the clues to {@code clues}, and every data
 * file read with its sha256 to {@code derivedFrom}.
 */
public final class PowerDerivation implements CaseDerivation {

    public static final String SECTION = "power";

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public ObjectNode derive(String file, ObjectNode caseJson, ConfinedFiles data, LawBook law) throws CaseRejected {
        Analysed a = analyse(file, caseJson, data, law);
        return append(file, caseJson, a.result(), a.read());
    }

    /** What one case's section and readings show, before it is written into the case (also read by {@link PowerSeries}). */
    record Analysed(PowerSection section, Thresholds thresholds, EnterpriseSeries series, PowerAnalysis.Result result,
                    List<DerivedFrom> read) {
    }

    static Analysed analyse(String file, ObjectNode caseJson, ConfinedFiles data, LawBook law) throws CaseRejected {
        PowerSection section = PowerSection.read(file, caseJson, true);
        Thresholds t = thresholds(file, law, section);
        Grid grid = grid(file, section, t);
        String uscc = caseJson.path("enterprise").path("uscc").asText();
        SeriesBuilder builder = new SeriesBuilder(uscc, section.channels(), grid);
        plausibility(file, law, caseJson, builder);
        List<DerivedFrom> read = ReadingsFiles.load(file, section.readings(), data, builder);
        EnterpriseSeries series = builder.build();
        return new Analysed(section, t, series, PowerAnalysis.analyze(file, section, series, t, law), read);
    }

    static Thresholds thresholds(String file, LawBook law, PowerSection section) throws CaseRejected {
        try {
            return Thresholds.in(law, section.from().toLocalDate());
        } catch (IllegalArgumentException e) {
            throw new CaseRejected(List.of(new CaseError(file, PowerSection.PATH + ".period.from", "unknown_reference", e.getMessage())));
        }
    }

    /** Readings beyond 用电读数合理上限倍数 × rated kW (parameters.csv, [K]) are reading errors, not facts. */
    static void plausibility(String file, LawBook law, ObjectNode caseJson, SeriesBuilder builder) throws CaseRejected {
        try {
            plausibility(law, DateWindow.lookupDate(caseJson.path("decisionDate").asText(""))).apply(builder);
        } catch (IllegalArgumentException e) {
            throw new CaseRejected(List.of(new CaseError(file, PowerSection.PATH, "unknown_reference", e.getMessage() + "（parameters.csv）")));
        }
    }

    /**
     * The same ceiling, read once, for the builders of power-batch or the Flink job, whose parameters are those of
     * the day they analyse: one reading of the parameter for every way readings enter. Throws
     * IllegalArgumentException when the rule set has no such parameter on that date.
     */
    public static java.util.function.UnaryOperator<SeriesBuilder> plausibility(LawBook law, java.time.LocalDate on) {
        String name = "用电读数合理上限倍数";
        var p = law.parameter(name, on);
        String grade = p.source().startsWith("[") && p.source().indexOf(']') > 0 ? " " + p.source().substring(0, p.source().indexOf(']') + 1) : "";
        double multiple = Double.parseDouble(p.value());
        String source = "parameters.csv " + name + grade;
        return builder -> builder.plausibleUpTo(multiple, source);
    }

    static Grid grid(String file, PowerSection section, Thresholds t) throws CaseRejected {
        long minutes = Duration.between(section.from(), section.to()).toMinutes();
        if (minutes % t.intervalMinutes() != 0 || section.from().getMinute() % t.intervalMinutes() != 0) {
            throw new CaseRejected(List.of(new CaseError(file, PowerSection.PATH + ".period", "case_value_error",
                    "分析期间的起点与长度应为采样间隔 " + t.intervalMinutes() + " 分钟的整数倍")));
        }
        return Grid.between(section.from(), section.to(), t.intervalMinutes());
    }

    /**
     * Appends derived findings, clues and the data read to a case; a case left without any finding has nothing to
     * decide ({@link NoViolationFound}, code power_no_violation).
     */
    public static ObjectNode append(String file, ObjectNode caseJson, PowerAnalysis.Result result, List<DerivedFrom> read)
            throws CaseRejected {
        ArrayNode findings = caseJson.has("findings") && caseJson.get("findings").isArray()
                ? (ArrayNode) caseJson.get("findings") : caseJson.putArray("findings");
        for (ObjectNode f : result.findings()) {
            for (var existing : findings) {
                if (existing.path("id").asText().equals(f.get("id").asText())) {
                    throw new CaseRejected(List.of(new CaseError(file, "$.findings", "case_value_error", "违法事实编号 "
                            + f.get("id").asText() + " 留给由用电数据推导的违法事实，请改用其他编号")));
                }
            }
            findings.add(f);
        }
        if (findings.isEmpty()) {
            throw new NoViolationFound(List.of(new CaseError(file, PowerSection.PATH, "power_no_violation",
                    "用电数据未发现构成违法事实的异常（线索 " + result.clues().size() + " 项），本案没有可核查的违法事实")));
        }
        if (!result.clues().isEmpty()) {
            ArrayNode clues = caseJson.has("clues") ? (ArrayNode) caseJson.get("clues") : caseJson.putArray("clues");
            result.clues().forEach(clues::add);
        }
        ArrayNode derived = caseJson.has("derivedFrom") ? (ArrayNode) caseJson.get("derivedFrom") : caseJson.putArray("derivedFrom");
        for (DerivedFrom r : read) {
            derived.addObject().put("file", r.file()).put("sha256", r.sha256()).put("section", SECTION);
        }
        return caseJson;
    }
}
