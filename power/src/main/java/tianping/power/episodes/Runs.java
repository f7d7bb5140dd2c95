package tianping.power.episodes;

/** Maximal runs of consecutive slots meeting a condition, reported when at least {@code min} long. */
final class Runs {

    interface Condition {
        boolean test(int slot);
    }

    interface Sink {
        void run(int from, int to);
    }

    private Runs() {
    }

    static void find(int from, int to, int min, Condition condition, Sink sink) {
        int start = -1;
        for (int s = from; s < to; s++) {
            if (condition.test(s)) {
                if (start < 0) start = s;
            } else if (start >= 0) {
                if (s - start >= min) sink.run(start, s);
                start = -1;
            }
        }
        if (start >= 0 && to - start >= min) sink.run(start, to);
    }
}
