package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock splits laid over a provider that has none (the simulated market), the way a real provider reports them:
 * from the split date on, prices are divided by the ratio; and once the split date has come, the provider's history
 * before it is re-based too (prices ÷ ratio, volumes × ratio). So a provider's adjusted history changes under a
 * symbol whose older bars are already stored — what price-service must detect and replace.
 * Configured as {@code SYMBOL:YYYY-MM-DD:RATIO}, e.g. {@code ACME:2024-12-31:2}.
 */
public final class SplitEvents implements MarketDataProvider {

    public record Split(String symbol, LocalDate date, double ratio) {
        public static Split parse(String text) {
            String[] parts = text.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("split '" + text + "' is not SYMBOL:YYYY-MM-DD:RATIO");
            }
            double ratio = Double.parseDouble(parts[2]);
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("split '" + text + "' needs a positive ratio");
            }
            return new Split(parts[0], LocalDate.parse(parts[1]), ratio);
        }
    }

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final MarketDataProvider delegate;
    private final Map<String, Split> splits = new HashMap<>();
    private final Clock clock;

    public SplitEvents(MarketDataProvider delegate, Collection<Split> splits, Clock clock) {
        this.delegate = delegate;
        splits.forEach(s -> this.splits.put(s.symbol(), s));
        this.clock = clock;
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
        List<DailyBar> bars = delegate.dailyBars(symbol, from, to);
        Split split = splits.get(symbol);
        return split == null ? bars : bars.stream().map(b -> adjust(b, split)).toList();
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        Map<String, Quote> quotes = new LinkedHashMap<>(delegate.quotes(symbols));
        quotes.replaceAll((symbol, q) -> {
            Split split = splits.get(symbol);
            if (split == null) {
                return q;
            }
            double f = factor(q.date(), split);
            return new Quote(q.symbol(), q.date(), div(q.open(), f), div(q.high(), f), div(q.low(), f), q.price() / f,
                    q.volume(), div(q.previousClose(), factor(q.date().minusDays(1), split)), q.marketCap(), q.peRatio(),
                    div(q.yearHigh(), f), div(q.yearLow(), f), q.source());
        });
        return quotes;
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, java.util.Set<ProfilePart> parts) {
        return delegate.profiles(symbols, parts);
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return delegate.statements(symbol, kind, frequency, limit);
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return delegate.earnings(symbol);
    }

    private DailyBar adjust(DailyBar bar, Split split) {
        double f = factor(bar.date(), split);
        if (f == 1.0) {
            return bar;
        }
        return new DailyBar(bar.symbol(), bar.date(), div(bar.open(), f), div(bar.high(), f), div(bar.low(), f),
                div(bar.close(), f), bar.adjClose() / f, bar.volume() == null ? null : Math.round(bar.volume() * f),
                bar.source());
    }

    /** Divisor for a bar dated {@code date}: the ratio on and after the split; before it, once the split is known. */
    private double factor(LocalDate date, Split split) {
        boolean known = !LocalDate.now(clock.withZone(NEW_YORK)).isBefore(split.date());
        return !date.isBefore(split.date()) || known ? split.ratio() : 1.0;
    }

    private static Double div(Double value, double f) {
        return value == null ? null : value / f;
    }
}
