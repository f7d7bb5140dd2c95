package tianping.facts;

/**
 * A type of unlawful conduct (违法行为类型) from rules/tables/violation-types.csv.
 *
 * @param medium   环境要素: 大气 / 水 / 噪声 / 固体废物 / 建设项目 / 排污许可 …
 * @param category 超标排放 / 逃避监管 / 建设项目 / 信息公开 / 自动监测 / 固体废物 / 扬尘 / 重污染天气 / 许可管理
 * @param dutyArticle the article laying down the duty that was breached (义务条款)
 */
public record ViolationType(String code, String name, String medium, String category, String dutyArticle) {

    public boolean evasion() {
        return category.equals("逃避监管");
    }
}
