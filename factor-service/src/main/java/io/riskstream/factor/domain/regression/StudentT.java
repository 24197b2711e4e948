package io.riskstream.factor.domain.regression;

import org.apache.commons.math3.distribution.TDistribution;

/** Two-sided p-values of a t statistic, with one distribution object per degrees of freedom. */
final class StudentT {

    private static final int CACHED = 1024;
    private static final TDistribution[] CACHE = new TDistribution[CACHED];

    private StudentT() {
    }

    /**
     * p = 2·F(−|t|). Taking the lower tail, not 1 − F(|t|), keeps full relative precision for tiny p-values
     * (the golden vector's market beta has p ≈ 1e−46).
     */
    static double twoSidedPValue(double t, int degreesOfFreedom) {
        if (Double.isNaN(t) || degreesOfFreedom < 1) {
            return Double.NaN;
        }
        return 2.0 * distribution(degreesOfFreedom).cumulativeProbability(-Math.abs(t));
    }

    private static TDistribution distribution(int dof) {
        if (dof >= CACHED) {
            return new TDistribution(null, dof);
        }
        TDistribution d = CACHE[dof];
        if (d == null) {
            // no random generator: we never sample, and the default one is costly to seed
            d = new TDistribution(null, dof);
            CACHE[dof] = d; // benign race: the object is immutable
        }
        return d;
    }
}
