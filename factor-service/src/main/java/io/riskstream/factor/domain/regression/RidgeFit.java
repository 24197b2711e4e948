package io.riskstream.factor.domain.regression;

/**
 * A ridge fit with betas on the original scale of X (unclamped; non-finite already replaced by 0), the intercept
 * ȳ − Σβ_j·μ_j and the in-sample R². The betas array is owned by the record: do not modify.
 */
public record RidgeFit(double[] betas, double intercept, double rSquared, int observations) {

    public double beta(int j) {
        return betas[j];
    }
}
