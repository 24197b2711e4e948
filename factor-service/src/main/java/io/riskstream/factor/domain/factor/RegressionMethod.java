package io.riskstream.factor.domain.factor;

/** How a factor's beta is obtained. */
public enum RegressionMethod {
    /** Univariate OLS with intercept on one benchmark's returns. */
    OLS,
    /** One member of the joint ridge regression on the six style ETFs. */
    RIDGE,
    /** Univariate OLS with intercept on (long return − short return). */
    SPREAD,
    /** Copied from the company profile by the application layer; not computed here. */
    PROVIDER
}
