package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

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
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One provider behind resilience4j: a circuit breaker, a per-minute rate limiter, retries with exponential back-off
 * for transient failures only, and the key's daily quota ({@link ProviderQuota}, shared by the service's replicas).
 * Failures leave as {@link ProviderException}s whose kind tells the chain and the caller what to do. Exposes
 * {@code riskstream_provider_circuit_open{provider}} and {@code riskstream_provider_quota_remaining{provider}}
 * beside resilience4j's own meters.
 */
public final class ResilientMarketData implements MarketDataProvider {

    private final MarketDataProvider delegate;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter perMinute;
    private final Retry retry;
    private final ProviderQuota quota;
    private final int perDay;

    public ResilientMarketData(MarketDataProvider delegate, ProviderLimits limits, MeterRegistry meters) {
        this(delegate, limits, meters, ProviderQuota.inMemory(Clock.systemUTC()));
    }

    public ResilientMarketData(MarketDataProvider delegate, ProviderLimits limits, MeterRegistry meters,
                               ProviderQuota quota) {
        this.delegate = delegate;
        this.quota = quota;
        this.perDay = limits.perDay();
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
            Gauge.builder("riskstream.provider.circuit.open", circuitBreaker, ResilientMarketData::open)
                    .description("1 while the provider's circuit breaker is open").tag("provider", name)
                    .register(meters);
            if (perDay < Integer.MAX_VALUE) {
                Gauge.builder("riskstream.provider.quota.remaining", this, r -> r.remainingQuota())
                        .description("Requests left today of the provider key's daily quota").tag("provider", name)
                        .register(meters);
            }
        }
    }

    private static double open(CircuitBreaker breaker) {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN ? 1 : 0;
    }

    private double remainingQuota() {
        try {
            return quota.remaining(name(), perDay);
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: unknown rather than a guess
        }
    }

    public Retry retry() {
        return retry;
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
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
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
        return call(() -> delegate.profiles(symbols, parts));
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return call(() -> delegate.statements(symbol, kind, frequency, limit));
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return call(() -> delegate.earnings(symbol));
    }

    @Override
    public List<StockSplit> splits(String symbol) {
        return call(() -> delegate.splits(symbol));
    }

    private <T> T call(Supplier<T> question) {
        Supplier<T> limited = () -> {
            // every attempt, retries included, spends a request of the quota
            RateLimiter.waitForPermission(perMinute);
            if (perDay < Integer.MAX_VALUE && !quota.tryAcquire(name(), perDay, 1)) {
                throw new ProviderException(ProviderException.Kind.TRY_NEXT, name(), "daily request quota of "
                        + perDay + " spent");
            }
            return question.get();
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, limited)).get();
        } catch (CallNotPermittedException e) {
            throw new ProviderException(ProviderException.Kind.TRY_NEXT, name(), "circuit open after repeated failures");
        } catch (RequestNotPermitted e) {
            throw new ProviderException(ProviderException.Kind.TRY_NEXT, name(), "request rate limit reached ("
                    + e.getMessage() + ")");
        }
    }
}
