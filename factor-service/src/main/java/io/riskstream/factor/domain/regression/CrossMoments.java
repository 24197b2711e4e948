package io.riskstream.factor.domain.regression;

/**
 * Means and centred cross products Σ(c_j − m_j)(c_k − m_k) of a few columns over n rows. Column 0 is the dependent
 * variable by convention; the rest are regressors.
 */
public final class CrossMoments {

    private final int n;
    private final double[] means;
    private final double[][] cross;

    CrossMoments(int n, double[] means, double[][] cross) {
        this.n = n;
        this.means = means;
        this.cross = cross;
    }

    /** Two-pass computation over rows [from, to) of the given columns. */
    public static CrossMoments of(double[][] columns, int from, int to) {
        int p = columns.length;
        int n = to - from;
        double[] means = new double[p];
        for (int j = 0; j < p; j++) {
            double[] c = columns[j];
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += c[i];
            }
            means[j] = n == 0 ? 0 : sum / n;
        }
        double[][] cross = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] cj = columns[j];
            double mj = means[j];
            for (int k = j; k < p; k++) {
                double[] ck = columns[k];
                double mk = means[k];
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += (cj[i] - mj) * (ck[i] - mk);
                }
                cross[j][k] = sum;
                cross[k][j] = sum;
            }
        }
        return new CrossMoments(n, means, cross);
    }

    public int n() {
        return n;
    }

    public int columns() {
        return means.length;
    }

    public double mean(int j) {
        return means[j];
    }

    public double cross(int j, int k) {
        return cross[j][k];
    }
}
