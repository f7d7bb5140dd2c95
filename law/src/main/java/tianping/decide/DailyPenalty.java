package tianping.decide;

import org.kie.api.runtime.rule.RuleContext;
import tianping.facts.Finding;
import tianping.facts.Order;
import tianping.facts.PriorFinding;
import tianping.facts.Reinspection;
import tianping.law.Numbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The day count of 按日连续处罚 (令第28号 Art. 17): from the day after the correction order was served to the day
 * the re-inspection found the violation continuing, both included; when an earlier re-inspection was already
 * penalized, from the day after it (累计执行). Amount = original fine × days, exactly, with no cap: the law fixes
 * it, so no benchmark, 从重 or 从轻 moves it.
 */
public final class DailyPenalty {

    private DailyPenalty() {
    }

    public static void propose(RuleContext ctx, Finding f, PriorFinding original, Order order, List<?> counted,
                               String basis) {
        LocalDate from = order.servedOn();
        for (Object o : counted) {
            LocalDate on = ((Reinspection) o).on();
            if (on.isAfter(from) && on.isBefore(f.getDiscoveredOn())) from = on;
        }
        long days = ChronoUnit.DAYS.between(from, f.getDiscoveredOn());
        if (days <= 0) return;
        BigDecimal fine = Money.plain(original.fine());
        BigDecimal total = Money.plain(fine.multiply(BigDecimal.valueOf(days)));
        String note = "原处罚 " + Numbers.yuan(fine) + " × " + days + " 日（" + from.plusDays(1) + " 至 "
                + f.getDiscoveredOn() + "）= " + Numbers.yuan(total) + (basis.isEmpty() ? "" : "；并依据 " + basis);
        Decisions.propose(ctx, f, note, total);
    }
}
