package tianping.monitoring.section;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/**
 * The case file's {@code monitoring} section (case.schema.json, {@code $defs/monitoring}), as bound after the
 * reader checked it against the schema.
 *
 * @param data     data files, relative to the case file's directory
 * @param format   hj212 (default) or csv
 * @param interval 分钟 / 小时 / 日: what one CSV row stands for
 * @param finding  what the officer established that data cannot show (discovery, harm, correction, …), copied
 *                 into every finding derived
 */
public record MonitoringSection(List<String> data, String format, String interval, Period period, List<Outlet> outlets,
                                List<ProductionPeriod> production, List<ManualSample> manual, ObjectNode finding) {

    public MonitoringSection {
        production = production == null ? List.of() : List.copyOf(production);
        manual = manual == null ? List.of() : List.copyOf(manual);
        format = format == null ? "hj212" : format;
    }

    /** Only data of these days (both inclusive) are used. */
    public record Period(LocalDate from, LocalDate to) {
    }
}
