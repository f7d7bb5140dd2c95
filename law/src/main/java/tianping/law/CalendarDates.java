package tianping.law;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a date written YYYY-MM-DD is not in the calendar: "2024 年 2 月没有 30 日", "2023 年 2 月没有 29 日（2023 年不是闰年）",
 * "没有 13 月". Used for case files and tables alike, so that an impossible date is named as such instead of being
 * reported as a malformed one.
 */
public final class CalendarDates {

    private static final Pattern YMD = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

    private CalendarDates() {
    }

    /** Why {@code text} (starting YYYY-MM-DD) is no calendar date, or null if it is one or is not written so. */
    public static String impossible(String text) {
        Matcher m = YMD.matcher(text);
        if (!m.find()) return null;
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) return "没有 " + month + " 月（月份应为 01–12）";
        if (day < 1) return "没有 0 日（日应从 01 起）";
        YearMonth ym = YearMonth.of(year, month);
        if (day <= ym.lengthOfMonth()) return null;
        String leap = month == 2 && day == 29 ? "（" + year + " 年不是闰年）" : "";
        return year + " 年 " + month + " 月没有 " + day + " 日" + leap + "，该月只有 " + ym.lengthOfMonth() + " 日";
    }
}
