package io.riskstream.price.application;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EmptyAnswers;
import io.riskstream.common.application.IncompleteAnswerException;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.Quote;
import io.riskstream.price.domain.BarValidation;
import io.riskstream.price.domain.FetchPlan;
import io.riskstream.price.domain.HistoryComparison;
import io.riskstream.price.domain.SymbolRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The network half of keeping a symbol's history: asks the provider (rate-limited, with retries) for only what is
 * missing (plus a few recent days, so a preliminary bar is corrected and a re-based history is noticed) and
 * validates the answer. It reads the stored state but writes nothing, and never runs inside a unit of work: what it
 * found is stored by {@link PriceHistory#store}. An empty or invalid answer never leads to deleting stored bars.
 */
public class PriceFetch {

    private static final Logger log = LoggerFactory.getLogger(PriceFetch.class);
    /** Trading days re-fetched before the watermark on an incremental fetch. */
    static final int OVERLAP_DAYS = 3;

    private final BarStore bars;
    private final UniverseStore universe;
    private final MarketDataProvider provider;
    private final TradingCalendar calendar;
    private final PriceMetrics metrics;
    private final int historyDays;

    public PriceFetch(BarStore bars, UniverseStore universe, MarketDataProvider provider, TradingCalendar calendar,
                      PriceMetrics metrics, int historyDays) {
        this.bars = bars;
        this.universe = universe;
        this.provider = provider;
        this.calendar = calendar;
        this.metrics = metrics;
        this.historyDays = historyDays;
    }

    /** What brings the symbol's stored history up to {@code target}. */
    public FetchedPrices upTo(String symbol, LocalDate target) {
        if (!SymbolRules.isPricedByProvider(symbol)) {
            return nothing(symbol, "not a provider symbol");
        }
        Optional<UniverseStore.Entry> entry = universe.find(symbol);
        if (entry.map(UniverseStore.Entry::inactive).orElse(false)) {
            return nothing(symbol, "inactive: " + entry.get().lastError());
        }
        Optional<BarStore.StoredRange> stored = bars.range(symbol);
        FetchPlan plan = FetchPlan.decide(stored.map(BarStore.StoredRange::first), stored.map(BarStore.StoredRange::last),
                entry.map(UniverseStore.Entry::firstAvailableDate), target.minusDays(historyDays), target);
        if (!plan.fetches()) {
            return new FetchedPrices.Nothing(new PriceHistory.Outcome(symbol, plan, 0, false, false, null));
        }
        LocalDate from = plan.kind() == FetchPlan.Kind.INCREMENTAL ? overlapStart(plan.from(), stored.get().first())
                : plan.from();
        Answer answer = fetch(symbol, from, plan.to(), stored.isPresent());
        if (answer.unknownReason() != null) {
            return new FetchedPrices.Unknown(symbol, plan, answer.unknownReason());
        }
        if (answer.bars().isEmpty()) {
            // nothing new yet; stored history untouched
            return new FetchedPrices.Nothing(new PriceHistory.Outcome(symbol, plan, 0, false, false, null));
        }
        if (stored.isPresent()) {
            List<DailyBar> overlap = bars.load(symbol, answer.bars().getFirst().date(), stored.get().last());
            Optional<LocalDate> changed = HistoryComparison.firstDifference(overlap, answer.bars());
            if (changed.isPresent()) {
                log.info("{}: provider history differs from the stored one on {}; replacing it", symbol, changed.get());
                return replacement(symbol, stored.get(), target, plan);
            }
        }
        return new FetchedPrices.Bars(symbol, plan, stored, answer.bars());
    }

    /**
     * A quote for {@code date} of a symbol one day behind: that day's bar, without a history call, unless the quote
     * is invalid, the symbol has no history or the move looks like a split (then its history decides).
     */
    public FetchedPrices fromQuote(String symbol, Quote quote, LocalDate date) {
        Optional<BarStore.StoredRange> stored = bars.range(symbol);
        // the close of the day is its adjusted close too (adjustments only ever change earlier days); the bar comes
        // from whichever provider answered the quote
        DailyBar bar = new DailyBar(symbol, date, quote.open(), quote.high(), quote.low(), quote.price(), quote.price(),
                quote.volume(), quote.source());
        List<DailyBar> valid = validate(symbol, List.of(bar));
        if (valid.isEmpty() || stored.isEmpty()) {
            return upTo(symbol, date);
        }
        DailyBar last = bars.load(symbol, stored.get().last(), stored.get().last()).getFirst();
        if (HistoryComparison.suspiciousMove(last.adjClose(), quote.price())) {
            return upTo(symbol, date); // a split looks like a crash on a quote: let the provider's history decide
        }
        return new FetchedPrices.Bars(symbol, new FetchPlan(FetchPlan.Kind.INCREMENTAL, date, date), stored, valid);
    }

    /** The bars of [from, to], for a backfill that inserts those not stored yet. */
    public FetchedPrices range(String symbol, LocalDate from, LocalDate to) {
        if (!SymbolRules.isPricedByProvider(symbol)) {
            throw new IllegalArgumentException(symbol + " is not priced by a provider");
        }
        Answer answer = fetch(symbol, from, to, bars.range(symbol).isPresent());
        if (answer.unknownReason() != null) {
            return new FetchedPrices.Unknown(symbol, new FetchPlan(FetchPlan.Kind.BACKFILL, from, to),
                    answer.unknownReason());
        }
        return answer.bars().isEmpty() ? nothing(symbol, null) : new FetchedPrices.Missing(symbol, from, to, answer.bars());
    }

    private FetchedPrices replacement(String symbol, BarStore.StoredRange stored, LocalDate target, FetchPlan plan) {
        LocalDate from = stored.first().isBefore(target.minusDays(historyDays)) ? stored.first()
                : target.minusDays(historyDays);
        Answer answer = fetch(symbol, from, target, true);
        // a replacement must cover what it replaces; a short or empty answer keeps the stored history
        if (answer.unknownReason() != null || answer.bars().size() < 0.9 * stored.count()) {
            String problem = "history re-based at the provider but its answer (" + answer.bars().size()
                    + " bars) does not cover the " + stored.count() + " stored bars; kept the stored history";
            log.warn("{}: {}", symbol, problem);
            return new FetchedPrices.Kept(symbol, plan, problem, answer.unknownReason());
        }
        return new FetchedPrices.Replacement(symbol, from, target, answer.bars());
    }

    /** Valid bars in [from, to], or why the provider does not know the symbol. */
    private record Answer(List<DailyBar> bars, String unknownReason) {
    }

    /**
     * Fetches and validates. The provider does not know the symbol when it says so, or when it answers an empty
     * history for a symbol with none stored and no quote either.
     */
    private Answer fetch(String symbol, LocalDate from, LocalDate to, boolean hasHistory) {
        List<DailyBar> fetched;
        try {
            fetched = provider.dailyBars(symbol, from, to);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.UNKNOWN_SYMBOL) {
                return new Answer(List.of(), e.getMessage());
            }
            throw new RetryLaterException(symbol + ": " + e.getMessage());
        }
        if (fetched.isEmpty() && !hasHistory) {
            // an empty history is what a provider answers for a symbol it does not know, and what a misbehaving one
            // answers at times for one it knows: a quote tells the two apart (known: the record is retried)
            if (providerQuotes(symbol)) {
                throw new IncompleteAnswerException(symbol + ": provider " + provider.name()
                        + " quotes the symbol but answered no history; retried later");
            }
            log.warn("{}: no history at provider {}; marked inactive", symbol, provider.name());
            return new Answer(List.of(), "no price history at provider " + provider.name());
        }
        return new Answer(validate(symbol, fetched.stream()
                .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList()), null);
    }

    private boolean providerQuotes(String symbol) {
        try {
            return EmptyAnswers.quoted(provider, symbol);
        } catch (ProviderException e) {
            throw new RetryLaterException(symbol + ": " + e.getMessage());
        }
    }

    private List<DailyBar> validate(String symbol, List<DailyBar> fetched) {
        BarValidation.Result result = BarValidation.validate(fetched, calendar);
        if (!result.rejected().isEmpty()) {
            metrics.invalidBars(provider.name(), result.rejected().size());
            log.warn("{}: dropped {} invalid bar(s), first: {} ({})", symbol, result.rejected().size(),
                    result.rejected().getFirst().bar().date(), result.rejected().getFirst().reason());
        }
        return result.valid();
    }

    private LocalDate overlapStart(LocalDate afterWatermark, LocalDate firstStored) {
        LocalDate start = afterWatermark;
        for (int i = 0; i < OVERLAP_DAYS + 1; i++) {
            start = calendar.previousTradingDay(start);
        }
        return start.isBefore(firstStored) ? firstStored : start;
    }

    private static FetchedPrices nothing(String symbol, String problem) {
        return new FetchedPrices.Nothing(PriceHistory.Outcome.nothing(symbol, problem));
    }
}
