package tianping.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tianping.law.Measure;
import tianping.law.Measures;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "vocabulary", description = "列出清单与罚则“条件”列可用的用语、单位与取值。")
final class VocabularyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("条件写法：用语 比较符 值，多个条件以“；”分隔。比较符：<  ≤  >  ≥  =  ≠  ∈ {值1, 值2}");
        out.println("例：日最大累计超标时长 ≤ 4 小时；危害后果 ∈ {无, 轻微}；已改正 = 是；近12个月同类违法次数 = 0");
        out.println();
        for (Measure m : Measures.all()) {
            String values = switch (m.kind()) {
                case NUMBER -> "数值" + (m.unit().isEmpty() ? "" : "，单位：" + m.unit());
                case BOOLEAN -> "是 / 否";
                case TEXT -> m.allowed().isEmpty() ? "文字" : String.join(" / ", m.allowed());
            };
            out.println(m.label() + "\t" + values);
        }
        out.println("近N个月同类违法次数\t数值，单位：次（N 为任意月数）");
        out.println("近N年违法次数（含本次）\t数值，单位：次（N 为任意年数）");
        out.flush();
        return ExitCode.OK;
    }
}
