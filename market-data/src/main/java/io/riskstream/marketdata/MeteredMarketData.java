package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Counts every provider call in {@code riskstream_provider_calls_total} (tags provider, kind, outcome: ok, empty, error, refused), so the cost
 * of a daily close or an onboarding can be read off the metrics rather than guessed, and times it in
 * {@code riskstream_provider_call_duration_seconds} with the same tags.
 */
public final class MeteredMarketData implements MarketDataProvider {

    public static final String METER = "riskstream.provider.calls";
    /** The duration of each call, by the same tags (the provider-latency panel). */
    public static final String LATENCY = "riskstream.provider.call.duration";

    private final MarketDataProvider delegate;
    private final MeterRegistry registry;

    public MeteredMarketData(MarketDataProvider delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
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
        return count("bars", () -> delegate.dailyBars(symbol, from, to), List::isEmpty);
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        return count("quotes", () -> delegate.quotes(symbols), Map::isEmpty);
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
        return count("profile", () -> delegate.profiles(symbols, parts), Map::isEmpty);
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return count("statements", () -> delegate.statements(symbol, kind, frequency, limit), List::isEmpty);
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return count("earnings", () -> delegate.earnings(symbol), List::isEmpty);
    }

    @Override
    public List<StockSplit> splits(String symbol) {
        return count("splits", () -> delegate.splits(symbol), List::isEmpty);
    }

    private <T> T count(String kind, Supplier<T> call, Predicate<T> empty) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T answer = call.get();
            outcome = answer == null || empty.test(answer) ? "empty" : "ok";
            return answer;
        } catch (ProviderException e) {
            outcome = e.kind() == ProviderException.Kind.REFUSED ? "refused" : "error";
            throw e;
        } finally {
            counter(kind, outcome).increment();
            Timer.builder(LATENCY).description("Market-data provider call duration, retries and waits for the rate limit included")
                    .tags("provider", delegate.name(), "kind", kind, "outcome", outcome).register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Counter counter(String kind, String outcome) {
        return Counter.builder(METER).description("Market-data provider calls")
                .tags("provider", delegate.name(), "kind", kind, "outcome", outcome).register(registry);
    }
}
