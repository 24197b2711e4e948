package io.riskstream.common.marketdata;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Providers in order: each question goes to the next provider only for what the previous ones did not answer. */
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
        for (MarketDataProvider provider : chain) {
            List<T> answer = question.apply(provider);
            if (!answer.isEmpty()) {
                return answer;
            }
        }
        return List.of();
    }

    private <T> Map<String, T> merge(Collection<String> symbols,
                                     java.util.function.BiFunction<MarketDataProvider, Collection<String>, Map<String, T>> question) {
        Map<String, T> answered = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>(symbols);
        for (MarketDataProvider provider : chain) {
            if (missing.isEmpty()) {
                break;
            }
            Map<String, T> part = question.apply(provider, List.copyOf(missing));
            answered.putAll(part);
            missing.removeAll(part.keySet());
        }
        return answered;
    }
}
