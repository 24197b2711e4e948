package io.riskstream.factor.domain.regression;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Ridge regression with unpenalised intercept on standardised X, as scikit-learn StandardScaler + Ridge (legacy spec
 * §2.3): Z = (X − μ)/s with population s, ỹ = y − ȳ, w = (ZᵀZ + αI)⁻¹Zᵀỹ, β_j = w_j/s_j.
 */
public final class RidgeRegression {

    private final double alpha;

    public RidgeRegression(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("ridge alpha must be finite and >= 0: " + alpha);
        }
        this.alpha = alpha;
    }

    /** Fit of y on the columns of X (each array one regressor). */
    public RidgeFit fit(double[] y, double[][] xColumns) {
        double[][] columns = new double[xColumns.length + 1][];
        columns[0] = y;
        for (int j = 0; j < xColumns.length; j++) {
            if (xColumns[j].length != y.length) {
                throw new IllegalArgumentException("column " + j + " has " + xColumns[j].length + " rows, y has " + y.length);
            }
            columns[j + 1] = xColumns[j];
        }
        for (double[] c : columns) {
            for (int i = 0; i < c.length; i++) {
                if (!Double.isFinite(c[i])) {
                    throw new IllegalArgumentException("non-finite value at row " + i);
                }
            }
        }
        return fromMoments(CrossMoments.of(columns, 0, y.length));
    }

    /** Fit from moments whose column 0 is y and columns 1..p the regressors. */
    public RidgeFit fromMoments(CrossMoments m) {
        int n = m.n();
        int p = m.columns() - 1;
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double variance = m.cross(j + 1, j + 1) / n;
            scale[j] = isConstant(variance, m.mean(j + 1), n) ? 1.0 : Math.sqrt(variance);
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = m.cross(0, j + 1) / scale[j];
            for (int k = 0; k < p; k++) {
                a[j][k] = m.cross(j + 1, k + 1) / (scale[j] * scale[k]);
            }
            a[j][j] += alpha;
        }
        double[] w = solve(a, b);
        double[] betas = new double[p];
        double intercept = m.mean(0);
        double wb = 0;
        double ww = 0;
        for (int j = 0; j < p; j++) {
            double beta = w[j] / scale[j];
            betas[j] = Double.isFinite(beta) ? beta : 0.0;
            intercept -= betas[j] * m.mean(j + 1);
            wb += w[j] * b[j];
            ww += w[j] * w[j];
        }
        // Σ(ỹ − Zw)² = ỹᵀỹ − wᵀZᵀỹ − α·wᵀw, because (ZᵀZ + αI)w = Zᵀỹ
        double sst = m.cross(0, 0);
        double ssr = Math.max(0.0, sst - wb - alpha * ww);
        double rSquared = sst > 0 ? 1.0 - ssr / sst : 0.0;
        return new RidgeFit(betas, intercept, rSquared, n);
    }

    /**
     * StandardScaler leaves a constant column unscaled, so its Z column is ~0 and its w is ~0; "constant" means a
     * variance within the rounding error of computing it (the bound scikit-learn uses).
     */
    private static boolean isConstant(double variance, double mean, int n) {
        double eps = Math.ulp(1.0);
        double roundingBound = n * eps * variance + Math.pow(n * mean * eps, 2);
        return variance <= roundingBound;
    }

    private static double[] solve(double[][] a, double[] b) {
        RealMatrix matrix = new Array2DRowRealMatrix(a, false);
        ArrayRealVector rhs = new ArrayRealVector(b, false);
        try {
            return new CholeskyDecomposition(matrix).getSolver().solve(rhs).toArray();
        } catch (NonPositiveDefiniteMatrixException e) {
            // only reachable with alpha = 0 and collinear regressors
            try {
                return new LUDecomposition(matrix).getSolver().solve(rhs).toArray();
            } catch (SingularMatrixException singular) {
                double[] nan = new double[b.length];
                java.util.Arrays.fill(nan, Double.NaN);
                return nan;
            }
        }
    }
}
