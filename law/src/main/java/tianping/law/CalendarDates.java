package tianping.law;

import java.time.YearMonth;

/**
 * Says why a date written YYYY-MM-DD is not in the calendar: "2024 年 2 月没有 30 日", "2023 年 2 月没有 29 日（2023 年不是闰年）",
 * "没有 13 月". Used for case files and tables alike, so that an impossible date is named as such instead of being
 * reported as a malformed one.
 */
public final class CalendarDates {

    private CalendarDates() {
    }

    /** Why {@code text} (starting YYYY-MM-DD) is no calendar date, or null if it is one or is not written so. */
    public static String impossible(String text) {
        // read by hand rather than by a regular expression: every date string of every case comes through here
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return null;
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) return null;
        if (month < 1 || month > 12) return "没有 " + month + " 月（月份应为 01–12）";
        if (day < 1) return "没有 0 日（日应从 01 起）";
        YearMonth ym = YearMonth.of(year, month);
        if (day <= ym.lengthOfMonth()) return null;
        String leap = month == 2 && day == 29 ? "（" + year + " 年不是闰年）" : "";
        return year + " 年 " + month + " 月没有 " + day + " 日" + leap + "，该月只有 " + ym.lengthOfMonth() + " 日";
    }

    /** The ASCII digits {@code text[from, to)} as a number, or -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
