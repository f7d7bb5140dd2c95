package tianping.read;

import com.fasterxml.jackson.databind.JsonNode;
import tianping.law.LawBook;
import tianping.law.Parameter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The years a real date of a case or of its raw data can lie in (parameters.csv 数据最早年份 and 数据最晚年份, [K]).
 * A date outside is a typing or device error (year 0000, 9999), not a fact: rules must not act on it, and date
 * arithmetic on it must not fail later. The rows are looked up on the case's decision date (taken into the range
 * the table covers, so that a decision date of year 0000 is judged by the window too).
 */
public record DateWindow(int firstYear, int lastYear, String source) {

    private static final LocalDate LOOKUP_FLOOR = LocalDate.of(1900, 1, 1);

    /** The window in force on the decision date written in a case ({@code decisionDate} as text, possibly invalid). */
    public static DateWindow of(String file, LawBook law, String decisionDate) throws CaseRejected {
        return on(file, law, lookupDate(decisionDate));
    }

    /**
     * The date plausibility parameters are looked up on: the case's decision date, or 1900-01-01 when it is
     * earlier or not a date (the rows hold from then, so even an impossible decision date meets a window).
     */
    public static LocalDate lookupDate(String decisionDate) {
        LocalDate on = LOOKUP_FLOOR;
        if (decisionDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate d = LocalDate.parse(decisionDate);
                if (d.isAfter(on)) on = d;
            } catch (DateTimeException e) {
                // an impossible date is reported where it is written; the window is the table's first
            }
        }
        return on;
    }

    /** The first minute of the window and the minute after it, counted as {@code tianping.monitoring} counts (since 1970). */
    public long firstEpochMinute() {
        return LocalDate.of(firstYear, 1, 1).toEpochDay() * 1440;
    }

    public long endEpochMinute() {
        return LocalDate.of(lastYear + 1, 1, 1).toEpochDay() * 1440;
    }

    /** The window in force on {@code date}; missing rows are a rule-set error. */
    public static DateWindow on(String file, LawBook law, LocalDate date) throws CaseRejected {
        try {
            Optional<Parameter> first = law.parameterOn("数据最早年份", date);
            Optional<Parameter> last = law.parameterOn("数据最晚年份", date);
            if (first.isEmpty() || last.isEmpty()) throw new IllegalArgumentException("数据最早年份、数据最晚年份在 " + date + " 没有有效值");
            return new DateWindow((int) Double.parseDouble(first.get().value()), (int) Double.parseDouble(last.get().value()),
                    first.get().source());
        } catch (IllegalArgumentException e) {
            throw new CaseRejected(List.of(new CaseError(file, "$", "ruleset_parameter_missing", e.getMessage() + "（parameters.csv）")));
        }
    }

    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public String describe() {
        return "应在 " + firstYear + "–" + lastYear + " 年间（parameters.csv 数据最早年份、数据最晚年份）";
    }

    /**
     * Every string of the case that is written as a date or a time (YYYY-MM-DD, optionally THH:MM[:SS]) whose
     * year is outside the window, or that is no calendar date (02-30), is an error at its path.
     */
    void checkTree(String file, JsonNode node, List<CaseError> errors) {
        checkTree(file, node, new ArrayList<>(), errors);
    }

    /** {@code at}: the keys and indexes leading to {@code node}, made into a path only for an error. */
    private void checkTree(String file, JsonNode node, List<Object> at, List<CaseError> errors) {
        if (errors.size() >= 20) return;
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.length() < 10 || s.length() > 19 || !looksLikeDate(s)) return;
            int year = Integer.parseInt(s.substring(0, 4));
            if (!covers(year)) {
                errors.add(new CaseError(file, path(at), "case_value_error", "日期 " + Excerpt.of(s) + " 的年份不在合理范围内，不是真实的日期："
                        + describe()));
                return;
            }
            String why = tianping.law.CalendarDates.impossible(s);
            if (why != null) errors.add(new CaseError(file, path(at), "case_value_error", "日期 " + Excerpt.of(s) + " 不存在：" + why));
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                at.add(e.getKey());
                checkTree(file, e.getValue(), at, errors);
                at.remove(at.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                checkTree(file, node.get(i), at, errors);
                at.remove(at.size() - 1);
            }
        }
    }

    /** "$.findings[0].actDate", each key escaped (keys are the case writer's text). */
    private static String path(List<Object> at) {
        StringBuilder p = new StringBuilder("$");
        for (Object k : at) {
            if (k instanceof Integer i) p.append('[').append(i).append(']');
            else p.append('.').append(Excerpt.of((String) k));
        }
        return p.toString();
    }

    private static boolean looksLikeDate(String s) {
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') return false;
        }
        if (s.length() == 10) return true;
        char t = s.charAt(10);
        return (t == 'T' || t == ' ') && s.length() >= 16 && s.charAt(13) == ':';
    }
}
