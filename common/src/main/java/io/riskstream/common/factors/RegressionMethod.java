package io.riskstream.common.factors;

/** How a factor's beta is obtained. */
public enum RegressionMethod {
    /** Univariate OLS with intercept on one benchmark's returns. */
    OLS,
    /** One member of the joint ridge regression on the six style ETFs. */
    RIDGE,
    /** Univariate OLS with intercept on (long return − short return). */
    SPREAD,
    /** Copied from the company profile, not computed. */
    PROVIDER;

    /** How many benchmarks the method regresses on: one (OLS, a ridge member's own ETF), two (long, short), none. */
    public int regressorCount() {
        return switch (this) {
            case OLS, RIDGE -> 1;
            case SPREAD -> 2;
            case PROVIDER -> 0;
        };
    }
}
