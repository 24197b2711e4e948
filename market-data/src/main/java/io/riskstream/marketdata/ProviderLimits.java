package io.riskstream.marketdata;

import java.time.Duration;

/**
 * Resilience settings of one provider: requests per minute and per day (a free FMP plan allows 250 a day), retries
 * with exponential back-off for transient failures, the circuit breaker, and the call timeout.
 */
public record ProviderLimits(int perMinute, int perDay, int maxAttempts, Duration initialBackoff,
                             double backoffMultiplier, Duration maxBackoff, float failureRatePercent,
                             Duration openCircuitFor, Duration callTimeout) {

    /** For a local or simulated provider: no rate limits, fast retries. */
    public static ProviderLimits unlimited() {
        return new ProviderLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 3, Duration.ofMillis(50), 2.0,
                Duration.ofSeconds(1), 50f, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /** A remote provider on a free plan. */
    public static ProviderLimits remoteDefaults() {
        return new ProviderLimits(300, 250, 4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(20), 50f,
                Duration.ofSeconds(60), Duration.ofSeconds(20));
    }
}
