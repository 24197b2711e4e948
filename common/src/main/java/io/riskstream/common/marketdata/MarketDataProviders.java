package io.riskstream.common.marketdata;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.config.MarketDataSettings;
import io.riskstream.common.marketdata.fmp.FmpMarketData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the configured provider chain from names ("simulated", "csv", "fmp"); each provider gets its own
 * resilience (rate limits, retries, circuit breaker) and the chain falls through in order.
 */
public final class MarketDataProviders {

    private MarketDataProviders() {
    }

    public static MarketDataProvider create(MarketDataSettings settings, Clock clock, MeterRegistry meters) {
        List<String> names = settings.providers();
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("riskstream.market-data.providers is empty; use e.g. 'simulated' or 'csv'");
        }
        List<MarketDataProvider> chain = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase();
            chain.add(switch (name) {
                // metered inside the resilience: every attempt that reaches the provider is counted, retries included
                case "simulated" -> new ResilientMarketData(metered(simulated(settings, clock), meters),
                        ProviderLimits.unlimited(), meters);
                case "csv" -> new ResilientMarketData(metered(csv(settings.csvDir(), clock), meters),
                        ProviderLimits.unlimited(), meters);
                case "fmp" -> new ResilientMarketData(metered(fmp(settings.fmp()), meters), limits(settings.fmp()), meters);
                default -> throw new IllegalArgumentException("unknown market-data provider '" + raw
                        + "' (known: simulated, csv, fmp)");
            });
        }
        return chain.size() == 1 ? chain.getFirst() : new FallbackMarketData(chain);
    }

    private static MarketDataProvider metered(MarketDataProvider provider, MeterRegistry meters) {
        return meters == null ? provider : new MeteredMarketData(provider, meters);
    }

    private static MarketDataProvider simulated(MarketDataSettings settings, Clock clock) {
        List<String> splits = settings.simulatedSplits() == null ? List.of() : settings.simulatedSplits();
        SimulatedMarket market = new SimulatedMarket(clock);
        return splits.isEmpty() ? market
                : new SplitEvents(market, splits.stream().map(SplitEvents.Split::parse).toList(), clock);
    }

    private static MarketDataProvider csv(String csvDir, Clock clock) {
        if (csvDir == null || csvDir.isBlank()) {
            throw new IllegalArgumentException("provider 'csv' needs riskstream.market-data.csv-dir (MARKET_DATA_CSV_DIR)");
        }
        Path dir = Path.of(csvDir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("CSV market-data directory " + dir.toAbsolutePath() + " does not exist");
        }
        return new CsvMarketData(dir, clock);
    }

    private static MarketDataProvider fmp(MarketDataSettings.Fmp fmp) {
        if (fmp == null || fmp.apiKey() == null || fmp.apiKey().isBlank()) {
            throw new IllegalArgumentException("provider 'fmp' needs an API key: set FMP_API_KEY");
        }
        return new FmpMarketData(fmp.baseUrl(), fmp.apiKey(), fmp.timeout());
    }

    private static ProviderLimits limits(MarketDataSettings.Fmp fmp) {
        ProviderLimits defaults = ProviderLimits.remoteDefaults();
        return new ProviderLimits(fmp.perMinute(), fmp.perDay(), fmp.maxAttempts(), fmp.initialBackoff(),
                defaults.backoffMultiplier(), fmp.maxBackoff(), defaults.failureRatePercent(), defaults.openCircuitFor(),
                fmp.timeout());
    }
}
