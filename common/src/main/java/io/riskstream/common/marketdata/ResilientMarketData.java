package io.riskstream.common.marketdata;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One provider behind resilience4j: a circuit breaker, a per-minute and a per-day rate limiter, and retries with
 * exponential back-off for transient failures only. Failures leave as {@link ProviderException}s whose kind tells
 * the chain and the caller what to do.
 */
public final class ResilientMarketData implements MarketDataProvider {

    private final MarketDataProvider delegate;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter perMinute;
    private final RateLimiter perDay;
    private final Retry retry;

    public ResilientMarketData(MarketDataProvider delegate, ProviderLimits limits, MeterRegistry meters) {
        this.delegate = delegate;
        String name = delegate.name();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        this.circuitBreaker = breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(limits.failureRatePercent())
                .slidingWindowSize(20).minimumNumberOfCalls(10)
                .waitDurationInOpenState(limits.openCircuitFor())
                // only provider-side trouble opens the circuit; an unknown symbol is an answer
                .recordException(e -> e instanceof ProviderException p && p.kind() != ProviderException.Kind.UNKNOWN_SYMBOL)
                .build());
        // waiting for a minute slot is fine (the work is queued anyway); a spent daily quota is not waited out
        this.perMinute = limiters.rateLimiter(name + "-minute", RateLimiterConfig.custom()
                .limitForPeriod(limits.perMinute()).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ofMinutes(2)).build());
        this.perDay = limiters.rateLimiter(name + "-day", RateLimiterConfig.custom()
                .limitForPeriod(limits.perDay()).limitRefreshPeriod(Duration.ofDays(1))
                .timeoutDuration(Duration.ZERO).build());
        this.retry = retries.retry(name, RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(limits.initialBackoff(),
                        limits.backoffMultiplier(), limits.maxBackoff()))
                .retryOnException(e -> e instanceof ProviderException p && p.kind() == ProviderException.Kind.RETRY_LATER)
                .build());
        if (meters != null) {
            // resilience4j_retry_calls_total, resilience4j_circuitbreaker_state, resilience4j_ratelimiter_*
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
            TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
        }
    }

    public Retry retry() {
        return retry;
    }


    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean suppliesProfiles() {
        return delegate.suppliesProfiles();
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        return call(() -> delegate.dailyBars(symbol, from, to));
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        return call(() -> delegate.quotes(symbols));
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols) {
        return call(() -> delegate.profiles(symbols));
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return call(() -> delegate.statements(symbol, kind, frequency, limit));
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return call(() -> delegate.earnings(symbol));
    }

    private <T> T call(Supplier<T> question) {
        Supplier<T> limited = () -> {
            // every attempt, retries included, spends a request of the quota
            RateLimiter.waitForPermission(perMinute);
            RateLimiter.waitForPermission(perDay);
            return question.get();
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, limited)).get();
        } catch (CallNotPermittedException e) {
            throw new ProviderException(ProviderException.Kind.TRY_NEXT, name(), "circuit open after repeated failures");
        } catch (RequestNotPermitted e) {
            throw new ProviderException(ProviderException.Kind.TRY_NEXT, name(), "request quota spent ("
                    + e.getMessage() + ")");
        }
    }
}
