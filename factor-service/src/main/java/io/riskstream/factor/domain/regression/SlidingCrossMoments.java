package io.riskstream.factor.domain.regression;

import io.riskstream.factor.domain.returns.ReturnRange;

/**
 * Cross moments of a window that slides forward over fixed columns, updated by adding and removing rows, so a
 * sequence of ascending windows costs O(rows) in total rather than O(rows × windows).
 *
 * <p>Sums are kept of values shifted by an anchor (the column means of the window at the last rebuild), which keeps
 * Σ(x − a)² close to the centred sum and avoids the cancellation of raw Σx² − n·x̄². The accumulator is rebuilt by a
 * two-pass computation once as many rows have left as the rebuilt window had, which bounds rounding drift to that of
 * about two window lengths of additions while keeping the amortised cost at O(1) per step.
 */
public final class SlidingCrossMoments {

    private final double[][] columns;
    private final int p;
    private final double[] anchor;
    private final double[] sum;
    private final double[] product; // upper triangle, row-major: (j, k) with j <= k
    private int from;
    private int to;
    private int removedSinceRebuild;
    private int rebuildAfter;
    private boolean built;

    public SlidingCrossMoments(double[][] columns) {
        this.columns = columns;
        this.p = columns.length;
        this.anchor = new double[p];
        this.sum = new double[p];
        this.product = new double[p * (p + 1) / 2];
    }

    /** Moves the window to {@code range}; forward moves are incremental, anything else rebuilds. */
    public CrossMoments moveTo(ReturnRange range) {
        boolean forward = built && range.from() >= from && range.to() >= to && range.from() <= to;
        int leaving = range.from() - from;
        if (!forward || removedSinceRebuild + leaving > rebuildAfter) {
            rebuild(range);
        } else {
            for (int i = from; i < range.from(); i++) {
                accumulate(i, -1.0);
            }
            for (int i = to; i < range.to(); i++) {
                accumulate(i, 1.0);
            }
            removedSinceRebuild += leaving;
            from = range.from();
            to = range.to();
        }
        return current();
    }

    private void rebuild(ReturnRange range) {
        from = range.from();
        to = range.to();
        int n = to - from;
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += columns[j][i];
            }
            anchor[j] = n == 0 ? 0 : s / n;
        }
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(product, 0);
        for (int i = from; i < to; i++) {
            accumulate(i, 1.0);
        }
        removedSinceRebuild = 0;
        rebuildAfter = Math.max(n, 1);
        built = true;
    }

    private void accumulate(int row, double sign) {
        int idx = 0;
        for (int j = 0; j < p; j++) {
            double dj = columns[j][row] - anchor[j];
            sum[j] += sign * dj;
            for (int k = j; k < p; k++) {
                product[idx++] += sign * dj * (columns[k][row] - anchor[k]);
            }
        }
    }

    private CrossMoments current() {
        int n = to - from;
        double[] means = new double[p];
        double[][] cross = new double[p][p];
        for (int j = 0; j < p; j++) {
            means[j] = n == 0 ? 0 : anchor[j] + sum[j] / n;
        }
        int idx = 0;
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                double c = n == 0 ? 0 : product[idx] - sum[j] * sum[k] / n;
                idx++;
                cross[j][k] = c;
                cross[k][j] = c;
            }
        }
        return new CrossMoments(n, means, cross);
    }
}
