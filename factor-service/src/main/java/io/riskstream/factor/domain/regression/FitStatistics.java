package io.riskstream.factor.domain.regression;

/**
 * Result of a univariate OLS with intercept, y = α + β·x + ε, before any cap. Fields may be NaN where the formula
 * has no value (no variance in x, a perfect fit has t = ±∞ and p = 0).
 */
public record FitStatistics(
        double beta,
        double alpha,
        double rSquared,
        double stdError,
        double tStat,
        double pValue,
        int observations) {
}
