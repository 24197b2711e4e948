package io.riskstream.common.marketdata;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Providers in order: each question goes to the next provider only for what the previous ones did not answer —
 * an empty answer, or a {@link ProviderException}. When no provider answers, the most actionable failure is thrown:
 * a transient one (retry later) before "unknown symbol" (which is only believed when every provider says it).
 */
public final class FallbackMarketData implements MarketDataProvider {

    private final List<MarketDataProvider> chain;

    public FallbackMarketData(List<MarketDataProvider> chain) {
        this.chain = List.copyOf(chain);
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
        return firstNonEmpty(p -> p.dailyBars(symbol, from, to));
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        return merge(symbols, MarketDataProvider::quotes);
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols) {
        return merge(symbols, MarketDataProvider::profiles);
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return firstNonEmpty(p -> p.statements(symbol, kind, frequency, limit));
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return firstNonEmpty(p -> p.earnings(symbol));
    }

    private <T> List<T> firstNonEmpty(Function<MarketDataProvider, List<T>> question) {
        ProviderException failure = null;
        for (MarketDataProvider provider : chain) {
            try {
                List<T> answer = question.apply(provider);
                if (!answer.isEmpty()) {
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

    private static ProviderException moreActionable(ProviderException current, ProviderException next) {
        if (current == null) {
            return next;
        }
        return rank(next) < rank(current) ? next : current;
    }

    private static int rank(ProviderException e) {
        return switch (e.kind()) {
            case RETRY_LATER -> 0;
            case TRY_NEXT -> 1;
            case UNKNOWN_SYMBOL -> 2;
        };
    }

    private <T> Map<String, T> merge(Collection<String> symbols,
                                     java.util.function.BiFunction<MarketDataProvider, Collection<String>, Map<String, T>> question) {
        Map<String, T> answered = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>(symbols);
        ProviderException failure = null;
        for (MarketDataProvider provider : chain) {
            if (missing.isEmpty()) {
                break;
            }
            try {
                Map<String, T> part = question.apply(provider, List.copyOf(missing));
                answered.putAll(part);
                missing.removeAll(part.keySet());
            } catch (ProviderException e) {
                failure = moreActionable(failure, e);
            }
        }
        if (answered.isEmpty() && failure != null) {
            throw failure;
        }
        return answered;
    }
}
