package io.riskstream.factor.domain.exposure;

import io.riskstream.factor.domain.returns.DailyPrices;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark price series prepared once and shared across the symbols of a run (dates already in epoch days).
 */
public final class BenchmarkPrices {

    private final Map<String, DailyPrices> bySymbol;

    private BenchmarkPrices(Map<String, DailyPrices> bySymbol) {
        this.bySymbol = bySymbol;
    }

    /** Keys must be the series' own symbols. */
    public static BenchmarkPrices of(Map<String, PriceSeries> benchmarks) {
        Map<String, DailyPrices> prepared = new HashMap<>();
        benchmarks.forEach((symbol, series) -> {
            if (!symbol.equals(series.symbol())) {
                throw new IllegalArgumentException("benchmark key " + symbol + " holds series of " + series.symbol());
            }
            prepared.put(symbol, series.toDailyPrices());
        });
        return new BenchmarkPrices(Map.copyOf(prepared));
    }

    Optional<DailyPrices> get(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    public boolean has(String symbol) {
        return bySymbol.containsKey(symbol);
    }
}
