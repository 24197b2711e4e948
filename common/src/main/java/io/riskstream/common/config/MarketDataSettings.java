package io.riskstream.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code riskstream.market-data.*}: the provider chain ({@code simulated}, {@code csv}, or several in order), the CSV
 * directory, the exchange close time, and an optional fixed as-of date (replaying a historical data set).
 */
@ConfigurationProperties("riskstream.market-data")
public record MarketDataSettings(@DefaultValue("simulated") List<String> providers,
                                 String csvDir,
                                 LocalDate asOfDate,
                                 @DefaultValue("16:00") LocalTime closeTime) {
}
