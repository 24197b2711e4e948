package io.riskstream.marketdata;

import java.util.Locale;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.marketdata.config.MarketDataSettings;
import io.riskstream.marketdata.fmp.FmpMarketData;
import io.riskstream.marketdata.yahoo.YahooMarketData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the configured provider chain from names ("fmp", "yahoo", "csv", "simulated"); each provider gets its own
 * resilience (rate limits, retries, circuit breaker, daily quota) and the chain falls through in order. The
 * simulated market is refused outside the development environment.
 */
public final class MarketDataProviders {

    /** What the chain is built with besides the settings. */
    public record Context(Clock clock, MeterRegistry meters, ProviderHealth health, ProviderQuota quota,
                          boolean development) {
    }

    private MarketDataProviders() {
    }

    /** A chain for tools and tests: in-process quota, detached health, simulated allowed. */
    public static MarketDataProvider create(MarketDataSettings settings, Clock clock, MeterRegistry meters) {
        return create(settings, new Context(clock, meters, ProviderHealth.detached(), ProviderQuota.inMemory(clock), true));
    }

    public static MarketDataProvider create(MarketDataSettings settings, Context context) {
        List<String> names = settings.providers();
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("riskstream.market-data.providers is empty; use e.g. 'fmp,yahoo' or 'csv'");
        }
        MeterRegistry meters = context.meters();
        List<MarketDataProvider> chain = new ArrayList<>();
        for (String raw : FallbackMarketData.asked(names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList())) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            chain.add(switch (name) {
                // metered inside the resilience: every attempt that reaches the provider is counted, retries included
                case "simulated" -> new ResilientMarketData(metered(simulated(settings, context), meters),
                        ProviderLimits.unlimited(), meters, context.quota());
                case "csv" -> new ResilientMarketData(metered(csv(settings.csvDir(), context.clock()), meters),
                        ProviderLimits.unlimited(), meters, context.quota());
                case "fmp" -> new ResilientMarketData(metered(fmp(settings.fmp(), context.health()), meters),
                        limits(settings.fmp()), meters, context.quota());
                case "yahoo" -> new ResilientMarketData(metered(yahoo(settings.yahoo(), context.health()), meters),
                        limits(settings.yahoo()), meters, context.quota());
                default -> throw new IllegalArgumentException("unknown market-data provider '" + raw
                        + "' (known: fmp, yahoo, csv, simulated)");
            });
        }
        return chain.size() == 1 ? chain.getFirst() : new FallbackMarketData(chain, meters);
    }

    private static MarketDataProvider metered(MarketDataProvider provider, MeterRegistry meters) {
        return meters == null ? provider : new MeteredMarketData(provider, meters);
    }

    private static MarketDataProvider simulated(MarketDataSettings settings, Context context) {
        if (!context.development()) {
            throw new IllegalStateException("market-data provider 'simulated' is synthetic and refused outside the "
                    + "development environment: configure real providers (MARKET_DATA_PROVIDERS, e.g. fmp,yahoo with "
                    + "FMP_API_KEY, or csv with MARKET_DATA_CSV_DIR), or set RISKSTREAM_ENVIRONMENT=development for a "
                    + "local or test stack");
        }
        List<String> splits = settings.simulatedSplits() == null ? List.of() : settings.simulatedSplits();
        SimulatedMarket market = new SimulatedMarket(context.clock());
        return splits.isEmpty() ? market
                : new SplitEvents(market, splits.stream().map(SplitEvents.Split::parse).toList(), context.clock());
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

    private static MarketDataProvider fmp(MarketDataSettings.Fmp fmp, ProviderHealth health) {
        if (fmp == null || fmp.apiKey() == null || fmp.apiKey().isBlank()) {
            throw new IllegalArgumentException("provider 'fmp' needs an API key: set FMP_API_KEY");
        }
        return new FmpMarketData(fmp.baseUrl(), fmp.apiKey(), fmp.timeout(), fmp.api(), fmp.batchSize(),
                fmp.batchQuotes(), health);
    }

    private static MarketDataProvider yahoo(MarketDataSettings.Yahoo yahoo, ProviderHealth health) {
        return new YahooMarketData(yahoo.baseUrl(), yahoo.timeout(), health);
    }

    private static ProviderLimits limits(MarketDataSettings.Fmp fmp) {
        ProviderLimits defaults = ProviderLimits.remoteDefaults();
        return new ProviderLimits(fmp.perMinute(), fmp.perDay(), fmp.maxAttempts(), fmp.initialBackoff(),
                defaults.backoffMultiplier(), fmp.maxBackoff(), defaults.failureRatePercent(), fmp.openCircuitFor(),
                fmp.timeout());
    }

    private static ProviderLimits limits(MarketDataSettings.Yahoo yahoo) {
        ProviderLimits defaults = ProviderLimits.remoteDefaults();
        return new ProviderLimits(yahoo.perMinute(), yahoo.perDay(), yahoo.maxAttempts(), yahoo.initialBackoff(),
                defaults.backoffMultiplier(), yahoo.maxBackoff(), defaults.failureRatePercent(),
                yahoo.openCircuitFor(), yahoo.timeout());
    }
}
