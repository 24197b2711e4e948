package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Providers in order: each question goes to the next provider only for what the previous ones did not answer —
 * an empty answer, or a {@link ProviderException}. Every answer keeps the {@code source} of the provider that gave it,
 * and each answer a later provider gives counts in {@code riskstream_provider_fallbacks_total{from, to, kind}}. When
 * no provider answers, the most actionable failure is thrown: a refusal of the configuration first, then a transient
 * one (retry later), then "unknown symbol" (which is only believed when every provider says it).
 *
 * <p>A synthetic provider ({@code simulated}) never stands in for a real one: after a real provider in the chain it
 * is not asked at all, whatever the real one answered or failed with (a chain {@code fmp,simulated} is {@code fmp}).
 */
public final class FallbackMarketData implements MarketDataProvider {

    /** Providers whose answers are made up: never a fallback for a real provider. */
    public static final Set<String> SYNTHETIC = Set.of("simulated");

    private final List<MarketDataProvider> chain;
    private final MeterRegistry meters;

    public FallbackMarketData(List<MarketDataProvider> chain) {
        this(chain, null);
    }

    public FallbackMarketData(List<MarketDataProvider> chain, MeterRegistry meters) {
        List<String> asked = asked(chain.stream().map(MarketDataProvider::name).toList());
        this.chain = chain.stream().filter(p -> asked.contains(p.name())).toList();
        this.meters = meters;
    }

    /**
     * The providers of a chain that are ever asked: a synthetic one after a real one is not (and is logged), since
     * its made-up answers must never stand in for a real provider's.
     */
    public static List<String> asked(List<String> names) {
        List<String> out = new java.util.ArrayList<>();
        boolean real = false;
        for (String name : names) {
            boolean synthetic = SYNTHETIC.contains(name);
            if (synthetic && real) {
                org.slf4j.LoggerFactory.getLogger(FallbackMarketData.class).warn("market-data provider '{}' follows a "
                        + "real provider in the chain and is never asked: synthetic data does not stand in for real "
                        + "data", name);
                continue;
            }
            real |= !synthetic;
            out.add(name);
        }
        return out;
    }

    @Override
    public String name() {
        return String.join(",", chain.stream().map(MarketDataProvider::name).toList());
    }

    @Override
    public boolean suppliesProfiles() {
        return chain.stream().anyMatch(MarketDataProvider::suppliesProfiles);
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        return firstNonEmpty("bars", p -> p.dailyBars(symbol, from, to));
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        return merge("quotes", symbols, MarketDataProvider::quotes);
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
        return merge("profile", symbols, (p, s) -> p.suppliesProfiles() ? p.profiles(s, parts) : Map.of());
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return firstNonEmpty("statements", p -> p.statements(symbol, kind, frequency, limit));
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return firstNonEmpty("earnings", p -> p.earnings(symbol));
    }

    @Override
    public List<StockSplit> splits(String symbol) {
        return firstNonEmpty("splits", p -> p.splits(symbol));
    }

    private <T> List<T> firstNonEmpty(String kind, Function<MarketDataProvider, List<T>> question) {
        ProviderException failure = null;
        for (int i = 0; i < chain.size(); i++) {
            MarketDataProvider provider = chain.get(i);
            try {
                List<T> answer = question.apply(provider);
                if (!answer.isEmpty()) {
                    countFallback(i, kind, 1);
                    return answer;
                }
            } catch (ProviderException e) {
                failure = moreActionable(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.of();
    }

    private <T> Map<String, T> merge(String kind, Collection<String> symbols,
                                     BiFunction<MarketDataProvider, Collection<String>, Map<String, T>> question) {
        Map<String, T> answered = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>(symbols);
        ProviderException failure = null;
        for (int i = 0; i < chain.size(); i++) {
            if (missing.isEmpty()) {
                break;
            }
            try {
                Map<String, T> part = new HashMap<>(question.apply(chain.get(i), List.copyOf(missing)));
                part.keySet().retainAll(missing);
                answered.putAll(part);
                missing.removeAll(part.keySet());
                countFallback(i, kind, part.size());
            } catch (ProviderException e) {
                failure = moreActionable(failure, e);
            }
        }
        if (answered.isEmpty() && failure != null) {
            throw failure;
        }
        return answered;
    }

    private void countFallback(int index, String kind, int answers) {
        if (index == 0 || answers == 0 || meters == null) {
            return;
        }
        Counter.builder("riskstream.provider.fallbacks")
                .description("Answers given by a later provider of the chain because an earlier one did not answer")
                .tags("from", chain.getFirst().name(), "to", chain.get(index).name(), "kind", kind)
                .register(meters).increment(answers);
    }

    private static ProviderException moreActionable(ProviderException current, ProviderException next) {
        if (current == null) {
            return next;
        }
        return rank(next) < rank(current) ? next : current;
    }

    private static int rank(ProviderException e) {
        return switch (e.kind()) {
            case REFUSED -> 0;
            case RETRY_LATER -> 1;
            case TRY_NEXT -> 2;
            case UNKNOWN_SYMBOL -> 3;
        };
    }
}
