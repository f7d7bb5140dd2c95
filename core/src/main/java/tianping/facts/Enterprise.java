package tianping.facts;

/**
 * The enterprise under inspection (被检查企业), as given in the case file.
 *
 * @param uscc            统一社会信用代码
 * @param regionCode      6-digit administrative division code; lists and policies apply by its prefix
 * @param permitClass     排污许可管理类别: 重点管理 / 简化管理 / 登记管理 / 无
 * @param performanceGrade 重污染天气绩效分级: A+ / A / B / B- / C / D / 引领性 / 未分级
 * @param publicUtility   公用事业或民生保障单位 (令第30号 Art. 7: penalty only, no 限产/停产)
 */
public record Enterprise(
        String uscc,
        String name,
        String regionCode,
        String regionName,
        String industry,
        boolean keyDischarger,
        String permitClass,
        String performanceGrade,
        boolean onPositiveList,
        boolean inSensitiveArea,
        boolean publicUtility) {

    public Enterprise {
        if (performanceGrade == null) performanceGrade = "未分级";
        if (regionName == null) regionName = "";
    }

    /** True when the enterprise lies within the division whose code starts with {@code prefix} ("14" = 山西). */
    public boolean inRegion(String prefix) {
        return regionCode.startsWith(prefix);
    }

    /** Holds a pollutant discharge permit (重点管理 or 简化管理); 登记管理 is registration, not a permit. */
    public boolean holdsPermit() {
        return permitClass.equals("重点管理") || permitClass.equals("简化管理");
    }
}
