package io.riskstream.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The two {@code riskstream.market-data.*} settings every service needs, whether or not it fetches market data: the
 * exchange's close time and an optional fixed as-of date (replaying a historical data set). The market-data module's
 * settings bind the same names for the services that fetch.
 */
@ConfigurationProperties("riskstream.market-data")
public record MarketClockSettings(LocalDate asOfDate, @DefaultValue("16:00") LocalTime closeTime) {
}
