package tianping.power.episodes;

import tianping.law.Numbers;
import tianping.power.readings.EnterpriseSeries;

import java.util.ArrayList;
import java.util.List;

/** The wording evidence shares: the readings window an episode rests on and the thresholds applied. */
public final class Evidence {

    private Evidence() {
    }

    /** "读数窗口 2021-01-05T00:00 至 2021-01-05T23:00（T1、P1 共 184 个读数，nt.csv）". */
    public static String window(EnterpriseSeries series, int from, int to, List<String> channels) {
        int n = 0;
        for (String id : channels) {
            int c = series.indexOf(id);
            if (c >= 0) n += series.present(c, from, to);
        }
        return "读数窗口 " + series.grid().timeOf(from) + " 至 " + series.grid().timeOf(to) + "（" + String.join("、", channels)
                + " 共 " + n + " 个读数" + (series.files().isEmpty() ? "" : "，" + String.join("、", series.files())) + "）";
    }

    public static String thresholds(Threshold... applied) {
        List<String> parts = new ArrayList<>();
        for (Threshold t : applied) parts.add(t.text());
        return "阈值：" + String.join("、", parts);
    }

    /** A duration of slots, in hours and minutes. */
    public static String duration(int slots, int intervalMinutes) {
        int minutes = slots * intervalMinutes;
        if (minutes < 60) return minutes + " 分钟";
        return minutes / 60 + " 小时" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " 分钟");
    }

    public static String kw(double v) {
        return Numbers.plain(Math.round(v * 10) / 10.0) + " kW";
    }

    public static String percent(double fraction) {
        return Numbers.plain(Math.round(fraction * 1000) / 10.0) + "%";
    }
}
