package io.riskstream.factor.domain.exposure;

/**
 * A computed exposure. {@code beta} is clamped to the cap; every other statistic comes from the unclamped fit.
 * {@code stdError}, {@code tStat} and {@code pValue} are null for ridge members (not defined there) and where the
 * fit gives no finite value.
 */
public record FactorFit(
        double beta,
        Double alpha,
        double rSquared,
        Double stdError,
        Double tStat,
        Double pValue,
        int observations,
        boolean capped,
        double unclampedBeta) implements FactorOutcome {
}
