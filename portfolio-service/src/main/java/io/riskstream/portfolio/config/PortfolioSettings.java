package io.riskstream.portfolio.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param readinessGrace how long a requested (portfolio, date) waits for all its symbols' factors before it is
 *                       published with partial coverage flagged
 * @param drainInterval  pause between two passes of the refresh drainer (requests arriving meanwhile coalesce)
 * @param stressScenarios the stress-scenario file ("classpath:..." or a path), read and checked at start-up
 * @param riskAnalytics  whether each valued date gets its risk analytics (volatility, correlations, stress tests,
 *                       snapshot betas); off, dates get snapshots, exposures, sectors and position values only, the
 *                       risk endpoints answer what was stored before, and no price history is read for them
 */
@ConfigurationProperties("riskstream.portfolio")
public record PortfolioSettings(@DefaultValue("10m") Duration readinessGrace,
                                @DefaultValue("250ms") Duration drainInterval,
                                @DefaultValue("classpath:stress-scenarios.json") String stressScenarios,
                                @DefaultValue("true") boolean riskAnalytics) {
}
