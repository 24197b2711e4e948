package io.riskstream.factor.domain.factor;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;

import java.util.List;
import java.util.Objects;

/**
 * One factor as a set of named rules. {@code regressors} are benchmark symbols: the single regressor for OLS,
 * (long, short) for a spread, the member's own ETF for ridge, none for the provider beta.
 */
public record FactorDefinition(
        FactorId id,
        RegressionMethod method,
        List<String> regressors,
        int windowDays,
        int minReturns,
        double cap) {

    public FactorDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        regressors = List.copyOf(regressors);
        int expected = method.regressorCount();
        if (regressors.size() != expected) {
            throw new IllegalArgumentException(id.wireName() + ": " + method + " takes " + expected + " regressors");
        }
    }

    /** The benchmark whose returns are the regressor (OLS, ridge member) or the long leg (spread). */
    public String regressor() {
        return regressors.getFirst();
    }

    public String shortLeg() {
        return regressors.get(1);
    }
}
