package tianping.law;

import java.util.ArrayList;
import java.util.List;

/** Reads credit-grades.csv: each credit scheme's grades in table order, with score bounds and the leniency bar. */
final class CreditGradeTable {

    private CreditGradeTable() {
    }

    static List<CreditGrade> read(TableSource src) {
        List<CreditGrade> grades = new ArrayList<>();
        for (var r : src.table("credit-grades.csv", "评价办法,等级,最低分值,限制从宽,来源", "").rows()) {
            grades.add(new CreditGrade(r.text("评价办法"), r.text("等级"), r.optionalNumber("最低分值"), r.yesNo("限制从宽"), r.text("来源")));
        }
        return grades;
    }
}
