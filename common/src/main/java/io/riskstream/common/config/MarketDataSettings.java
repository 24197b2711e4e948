package io.riskstream.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code riskstream.market-data.*}: the provider chain ({@code simulated}, {@code csv}, {@code fmp}, or several in
 * order such as {@code fmp,csv}), the CSV directory, the FMP connection and limits, the exchange close time, and an
 * optional fixed as-of date (replaying a historical data set), and splits laid over the simulated market
 * ({@code SYMBOL:YYYY-MM-DD:RATIO}).
 */
@ConfigurationProperties("riskstream.market-data")
public record MarketDataSettings(@DefaultValue("simulated") List<String> providers,
                                 String csvDir,
                                 LocalDate asOfDate,
                                 @DefaultValue("16:00") LocalTime closeTime,
                                 @DefaultValue Fmp fmp,
                                 @DefaultValue List<String> simulatedSplits) {

    /** FMP: the key comes from the environment (FMP_API_KEY) and is never logged. */
    public record Fmp(String apiKey,
                      @DefaultValue("https://financialmodelingprep.com/api/v3/") URI baseUrl,
                      @DefaultValue("300") int perMinute,
                      @DefaultValue("250") int perDay,
                      @DefaultValue("4") int maxAttempts,
                      @DefaultValue("500ms") Duration initialBackoff,
                      @DefaultValue("20s") Duration maxBackoff,
                      @DefaultValue("20s") Duration timeout) {

        @Override
        public String toString() {
            return "Fmp[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
        }
    }
}
