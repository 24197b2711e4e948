package io.riskstream.portfolio.domain.risk;

/**
 * Two-pass sample statistics over a slice of an array (commons-math3's StandardDeviation would need a copy of every
 * rolling window; these few lines are the same formula without the copies).
 */
final class SampleStatistics {

    private SampleStatistics() {
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    /** Sample standard deviation (n − 1 in the denominator) of x[from, to). */
    static double std(double[] x, int from, int to) {
        double mean = mean(x, from, to), ss = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (to - from - 1));
    }

    /** Least-squares line y = a + b·x through the points; R² = 0 when y does not vary. */
    record Line(double slope, double intercept, double rSquared) {
    }

    static Line fit(double[] x, double[] y) {
        double mx = mean(x, 0, x.length), my = mean(y, 0, y.length), sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxy / sxx;
        return new Line(slope, my - slope * mx, syy > 0 ? sxy * sxy / (sxx * syy) : 0);
    }
}
