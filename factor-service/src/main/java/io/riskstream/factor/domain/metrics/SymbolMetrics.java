package io.riskstream.factor.domain.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One symbol's metrics on one date. {@code valuation} is null while no profile is known; {@code hasFactors} says
 * whether any regression factor was computed for the date.
 */
public record SymbolMetrics(String symbol, LocalDate metricsDate, Double currentPrice, PeriodReturns returns,
                            Valuation valuation, boolean hasFactors) {

    public SymbolMetrics {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(metricsDate, "metricsDate");
        Objects.requireNonNull(returns, "returns");
    }

    /** Legacy §3: 30·has_price + 30·has_return_1d + 20·has_profile + 20·has_factors (0–100). */
    public int dataQualityScore() {
        return (currentPrice != null ? 30 : 0) + (returns.oneDay() != null ? 30 : 0) + (valuation != null ? 20 : 0)
                + (hasFactors ? 20 : 0);
    }

    /** The same metrics with the profile values as they are now (the provider has no valuation history). */
    public SymbolMetrics withValuation(Valuation current) {
        return new SymbolMetrics(symbol, metricsDate, currentPrice, returns, current, hasFactors);
    }
}
