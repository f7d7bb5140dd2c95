package tianping.power.episodes;

/** The median of the non-NaN values of an array, by selection in expected linear time (no sort). */
final class Median {

    private Median() {
    }

    static double of(double[] values, int count) {
        double[] v = new double[count];
        int i = 0;
        for (double d : values) if (!Double.isNaN(d)) v[i++] = d;
        double hi = select(v, count / 2);
        if (count % 2 == 1) return hi;
        double lo = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < count / 2; j++) lo = Math.max(lo, v[j]);
        return (lo + hi) / 2;
    }

    /** Quickselect (Hoare): puts the k-th smallest at v[k], smaller ones before it. */
    private static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (lo < hi) {
            double pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j) {
                    double tmp = v[i];
                    v[i] = v[j];
                    v[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return v[k];
    }
}
