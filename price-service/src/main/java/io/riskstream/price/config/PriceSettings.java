package io.riskstream.price.config;

import io.riskstream.common.factors.FactorCatalogue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code riskstream.prices.*}: how much history a symbol needs, the benchmark ETFs kept current for factor-service,
 * whether to fetch them at start-up (and the first pause before trying again when the provider cannot answer then),
 * and the weekday of the UNIVERSE tier's refresh. The history depth and the benchmarks default to the factor
 * catalogue's: {@link FactorCatalogue#PRICE_HISTORY_DAYS} (factor-service's horizon + the longest window + its
 * buffer) and {@link FactorCatalogue#benchmarkSymbols()}.
 */
@ConfigurationProperties("riskstream.prices")
public record PriceSettings(Integer historyDays,
                            List<String> benchmarks,
                            @DefaultValue("true") boolean bootstrapBenchmarks,
                            @DefaultValue("FRIDAY") java.time.DayOfWeek universeRefreshDay,
                            @DefaultValue("30s") java.time.Duration bootstrapRetry) {

    public PriceSettings {
        historyDays = historyDays == null ? FactorCatalogue.PRICE_HISTORY_DAYS : historyDays;
        benchmarks = benchmarks == null ? FactorCatalogue.benchmarkSymbols() : List.copyOf(benchmarks);
    }
}
