package tianping.law;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which parameter rows were read while one piece of work ran, for {@code tianping test --coverage}: a parameter no
 * test reads is a threshold whose change no test would notice. Recording is per thread and only while
 * {@link #during} runs; otherwise noting a read costs one thread-local lookup.
 */
public final class ParameterReads {

    private static final ThreadLocal<Set<Parameter>> RECORDING = new ThreadLocal<>();

    private ParameterReads() {
    }

    /** The rows read while {@code work} ran on this thread, with its result. */
    public static <T> Recorded<T> during(Supplier<T> work) {
        Set<Parameter> previous = RECORDING.get();
        Set<Parameter> reads = new HashSet<>();
        RECORDING.set(reads);
        try {
            T result = work.get();
            return new Recorded<>(result, Set.copyOf(reads));
        } finally {
            RECORDING.set(previous);
            if (previous != null) previous.addAll(reads);
        }
    }

    static void noted(Parameter p) {
        Set<Parameter> reads = RECORDING.get();
        if (reads != null) reads.add(p);
    }

    /** A parameter row: its name and the date it takes effect (one parameter may have several rows over time). */
    public static String key(Parameter p) {
        return p.name() + "（" + p.validity() + "）";
    }

    public record Recorded<T>(T result, Set<Parameter> reads) {
    }
}
