package tianping.engine;

import java.util.List;

/**
 * The order rules are applied in, one agenda group per step: limitation first, the penalty provisions and the
 * exemptions that override them, local enforcement patterns, coercive measures, then precedence decides, the
 * fine is set, and what follows from the decision (education, correction order, warning grade) is resolved.
 */
public final class Phases {

    public static final List<String> ORDER = List.of(
            "limitation", "provisions", "no-penalty", "ladders", "coercion",
            "resolve", "amount", "consequences", "warnings", "resolve-consequences");

    private Phases() {
    }
}
