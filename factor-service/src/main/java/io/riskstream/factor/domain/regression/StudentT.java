package io.riskstream.factor.domain.regression;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * Two-sided p-values of a t statistic: p = P(|T_ν| > |t|) = I_x(ν/2, 1/2) with x = ν/(ν + t²), the regularised
 * incomplete beta function — exactly what commons-math3's TDistribution evaluates for 2·F(−|t|).
 *
 * <p>Why not call TDistribution: profiling the all-dates path showed about half of the time inside it, mostly
 * recomputing log B(ν/2, 1/2), which depends only on ν, and FastMath's log/log1p/exp. Here log B is cached per ν and
 * the same continued fraction (commons-math3's) is evaluated with java.lang.Math. StudentTTest pins the result to
 * TDistribution over a grid of t and ν.
 */
final class StudentT {

    private static final double EPSILON = 1e-14; // Beta.regularizedBeta's default
    private static final int CACHED = 1024;
    private static final double[] LOG_BETA = new double[CACHED];

    static {
        java.util.Arrays.fill(LOG_BETA, Double.NaN);
    }

    private StudentT() {
    }

    static double twoSidedPValue(double t, int degreesOfFreedom) {
        if (Double.isNaN(t) || degreesOfFreedom < 1) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double nu = degreesOfFreedom;
        double x = nu / (nu + t * t);
        return regularizedBeta(x, nu / 2, 0.5, logBeta(degreesOfFreedom));
    }

    // I_x(a, b); for x beyond the mean the continued fraction converges slowly, so use I_x(a,b) = 1 − I_{1−x}(b,a)
    private static double regularizedBeta(double x, double a, double b, double logBetaAB) {
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        if (x > (a + 1) / (2 + a + b) && 1 - x <= (b + 1) / (2 + a + b)) {
            return 1 - continuedFractionForm(1 - x, b, a, logBetaAB);
        }
        return continuedFractionForm(x, a, b, logBetaAB);
    }

    // DLMF 8.17.22: I_x(a,b) = x^a (1−x)^b / (a·B(a,b)) · 1/(1 + d_1/(1 + d_2/(1 + …)))
    private static double continuedFractionForm(double x, double a, double b, double logBetaAB) {
        ContinuedFraction fraction = new ContinuedFraction() {
            @Override
            protected double getA(int n, double z) {
                return 1.0;
            }

            @Override
            protected double getB(int n, double z) {
                if (n % 2 == 0) {
                    double m = n / 2.0;
                    return m * (b - m) * z / ((a + 2 * m - 1) * (a + 2 * m));
                }
                double m = (n - 1) / 2.0;
                return -((a + m) * (a + b + m) * z) / ((a + 2 * m) * (a + 2 * m + 1));
            }
        };
        double prefactor = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - logBetaAB);
        return prefactor / fraction.evaluate(x, EPSILON, Integer.MAX_VALUE);
    }

    private static double logBeta(int dof) {
        if (dof >= CACHED) {
            return Beta.logBeta(dof / 2.0, 0.5);
        }
        double cached = LOG_BETA[dof];
        if (Double.isNaN(cached)) {
            // benign race: every thread computes and stores the same value
            cached = Beta.logBeta(dof / 2.0, 0.5);
            LOG_BETA[dof] = cached;
        }
        return cached;
    }
}
