package io.riskstream.marketdata.config;

import io.riskstream.marketdata.fmp.FmpMarketData;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code riskstream.market-data.*}: the provider chain ({@code fmp}, {@code yahoo}, {@code csv}, or several in order
 * such as {@code fmp,yahoo}; {@code simulated} only in the development environment), the CSV directory, the FMP and
 * Yahoo connections and limits, the exchange close time, an optional fixed as-of date (replaying a historical data
 * set), and splits laid over the simulated market ({@code SYMBOL:YYYY-MM-DD:RATIO}).
 */
@ConfigurationProperties("riskstream.market-data")
public record MarketDataSettings(@DefaultValue("simulated") List<String> providers,
                                 String csvDir,
                                 LocalDate asOfDate,
                                 @DefaultValue("16:00") LocalTime closeTime,
                                 @DefaultValue Fmp fmp,
                                 @DefaultValue Yahoo yahoo,
                                 @DefaultValue List<String> simulatedSplits,
                                 @DefaultValue("true") boolean sharedQuota) {

    /**
     * FMP: the key comes from the environment (FMP_API_KEY) and is never logged. {@code perDay} is this service's
     * share of the key's daily quota (250 on the free plan), spent by all its replicas together.
     */
    public record Fmp(String apiKey,
                     @DefaultValue("https://financialmodelingprep.com/") URI baseUrl,
                     @DefaultValue("STABLE") FmpMarketData.Api api,
                     @DefaultValue("250") int batchSize,
                     @DefaultValue("true") boolean batchQuotes,
                     @DefaultValue("300") int perMinute,
                     @DefaultValue("250") int perDay,
                     @DefaultValue("4") int maxAttempts,
                     @DefaultValue("500ms") Duration initialBackoff,
                     @DefaultValue("20s") Duration maxBackoff,
                     @DefaultValue("20s") Duration timeout,
                     @DefaultValue("60s") Duration openCircuitFor) {

        @Override
        public String toString() {
            return "Fmp[baseUrl=" + baseUrl + ", api=" + api + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
        }
    }

    /** Yahoo's chart API has no key; its limits are this system's own courtesy (Yahoo publishes none). */
    public record Yahoo(@DefaultValue("https://query2.finance.yahoo.com/") URI baseUrl,
                        @DefaultValue("60") int perMinute,
                        @DefaultValue("2000") int perDay,
                        @DefaultValue("4") int maxAttempts,
                        @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("30s") Duration maxBackoff,
                        @DefaultValue("20s") Duration timeout,
                        @DefaultValue("60s") Duration openCircuitFor) {
    }
}
