package tianping.law;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads holidays.csv into the working-day calendar: days off, weekend days worked, and the years it covers. */
final class HolidayTable {

    private HolidayTable() {
    }

    static WorkCalendar read(TableSource src) {
        Map<LocalDate, Boolean> working = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (var r : src.table("holidays.csv", "日期,安排,节日,来源", "").rows()) {
            LocalDate d = r.date("日期");
            String kind = r.oneOf("安排", List.of("休", "班"));
            r.text("来源");
            if (working.put(d, kind.equals("班")) != null) r.error("table_value_error", "日期 " + d + " 重复");
            years.add(d.getYear());
        }
        return new WorkCalendar(working, years);
    }
}
