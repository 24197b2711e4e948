package io.riskstream.factor.domain.regression;

/**
 * Univariate OLS with intercept, closed form of legacy spec §1.5: β = Sxy/Sxx, α = ȳ − βx̄, R² = 1 − SSR/SST
 * (0 when SST = 0), SE(β) = sqrt(SSR/(n−2)/Sxx), t = β/SE, p two-sided from Student t with n − 2 dof.
 */
public final class OrdinaryLeastSquares {

    private OrdinaryLeastSquares() {
    }

    public static FitStatistics fit(double[] y, double[] x) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("y has " + y.length + " values but x has " + x.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) || !Double.isFinite(x[i])) {
                throw new IllegalArgumentException("non-finite value at row " + i);
            }
        }
        if (y.length < 3) {
            throw new IllegalArgumentException("OLS with intercept needs at least 3 rows, got " + y.length);
        }
        return fromMoments(CrossMoments.of(new double[][] {y, x}, 0, y.length));
    }

    /** Fit from moments whose column 0 is y and column 1 is x. */
    public static FitStatistics fromMoments(CrossMoments m) {
        int n = m.n();
        double sxx = m.cross(1, 1);
        double sxy = m.cross(0, 1);
        double syy = m.cross(0, 0);
        double beta = sxy / sxx;
        double alpha = m.mean(0) - beta * m.mean(1);
        // SSR = Syy − β·Sxy; rounding can push an exact fit slightly below zero
        double ssr = Math.max(0.0, syy - beta * sxy);
        double rSquared = syy > 0 ? 1.0 - ssr / syy : 0.0;
        double stdError = Math.sqrt(ssr / (n - 2) / sxx);
        double t = beta / stdError;
        double p = StudentT.twoSidedPValue(t, n - 2);
        return new FitStatistics(beta, alpha, rSquared, stdError, t, p, n);
    }
}
