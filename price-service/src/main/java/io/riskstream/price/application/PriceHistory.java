package io.riskstream.price.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EmptyAnswers;
import io.riskstream.common.application.IncompleteAnswerException;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.Quote;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.price.domain.BarValidation;
import io.riskstream.price.domain.FetchPlan;
import io.riskstream.price.domain.HistoryComparison;
import io.riskstream.price.domain.SymbolRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings one symbol's stored history up to a target trading day: fetches only what is missing (plus a few recent
 * days, so a preliminary bar is corrected and a re-based history is noticed), validates it, stores it, and announces
 * the new bars with {@code prices-ready} through the outbox, in the caller's transaction. A re-based history is
 * replaced as a whole; an empty or invalid answer never deletes or overwrites stored bars.
 */
public class PriceHistory {

    private static final Logger log = LoggerFactory.getLogger(PriceHistory.class);
    /** Trading days re-fetched before the watermark on an incremental fetch. */
    static final int OVERLAP_DAYS = 3;

    public record Outcome(String symbol, FetchPlan plan, int barsStored, boolean announced, boolean replaced,
                          String problem) {
        public static Outcome nothing(String symbol, String problem) {
            return new Outcome(symbol, new FetchPlan(FetchPlan.Kind.NOTHING, null, null), 0, false, false, problem);
        }
    }

    private final BarStore bars;
    private final UniverseStore universe;
    private final MarketDataProvider provider;
    private final TradingCalendar calendar;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int historyDays;

    public PriceHistory(BarStore bars, UniverseStore universe, MarketDataProvider provider, TradingCalendar calendar,
                        OutboxWriter outbox, Clock clock, MeterRegistry meters, int historyDays) {
        this.bars = bars;
        this.universe = universe;
        this.provider = provider;
        this.calendar = calendar;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.historyDays = historyDays;
    }

    /**
     * @param cause the id of the event that asked for this work; the outgoing event id derives from it, so a
     *              redelivery produces the same event (absorbed by the outbox) instead of a second one
     */
    public Outcome bringUpToDate(String symbol, LocalDate target, UUID cause, UUID runId) {
        if (!SymbolRules.isPricedByProvider(symbol)) {
            return Outcome.nothing(symbol, "not a provider symbol");
        }
        Optional<UniverseStore.Entry> entry = universe.find(symbol);
        if (entry.map(UniverseStore.Entry::inactive).orElse(false)) {
            return Outcome.nothing(symbol, "inactive: " + entry.get().lastError());
        }
        Optional<BarStore.StoredRange> stored = bars.range(symbol);
        FetchPlan plan = FetchPlan.decide(stored.map(BarStore.StoredRange::first), stored.map(BarStore.StoredRange::last),
                entry.map(UniverseStore.Entry::firstAvailableDate), target.minusDays(historyDays), target);
        if (!plan.fetches()) {
            return new Outcome(symbol, plan, 0, false, false, null);
        }
        LocalDate from = plan.kind() == FetchPlan.Kind.INCREMENTAL ? overlapStart(plan.from(), stored.get().first())
                : plan.from();
        List<DailyBar> fetched = fetch(symbol, from, plan.to(), stored.isPresent());
        if (fetched == null) {
            return new Outcome(symbol, plan, 0, false, false, "unknown at provider");
        }
        if (fetched.isEmpty()) {
            return new Outcome(symbol, plan, 0, false, false, null); // nothing new yet; stored history untouched
        }
        if (stored.isPresent()) {
            List<DailyBar> overlap = bars.load(symbol, fetched.getFirst().date(), stored.get().last());
            Optional<LocalDate> changed = HistoryComparison.firstDifference(overlap, fetched);
            if (changed.isPresent()) {
                log.info("{}: provider history differs from the stored one on {}; replacing it", symbol, changed.get());
                return replaceHistory(symbol, stored.get(), target, plan, cause, runId);
            }
        }
        return store(symbol, plan, fetched, stored, cause, runId);
    }

    /** A quote for {@code date} of a symbol one day behind: stored as that day's bar, without a history call. */
    public Outcome storeQuote(String symbol, Quote quote, LocalDate date, UUID cause, UUID runId) {
        Optional<BarStore.StoredRange> stored = bars.range(symbol);
        // the close of the day is its adjusted close too (adjustments only ever change earlier days); the bar comes
        // from whichever provider answered the quote
        DailyBar bar = new DailyBar(symbol, date, quote.open(), quote.high(), quote.low(), quote.price(), quote.price(),
                quote.volume(), quote.source());
        List<DailyBar> valid = validate(symbol, List.of(bar));
        if (valid.isEmpty() || stored.isEmpty()) {
            return bringUpToDate(symbol, date, cause, runId);
        }
        DailyBar last = bars.load(symbol, stored.get().last(), stored.get().last()).getFirst();
        if (HistoryComparison.suspiciousMove(last.adjClose(), quote.price())) {
            // a split looks like a crash on a quote: let the provider's history decide
            return bringUpToDate(symbol, date, cause, runId);
        }
        FetchPlan plan = new FetchPlan(FetchPlan.Kind.INCREMENTAL, date, date);
        return store(symbol, plan, valid, stored, cause, runId);
    }

    /** Inserts the bars of [from, to] not stored yet and announces them; returns how many were inserted. */
    public int backfill(String symbol, LocalDate from, LocalDate to, UUID cause, UUID runId) {
        if (!SymbolRules.isPricedByProvider(symbol)) {
            throw new IllegalArgumentException(symbol + " is not priced by a provider");
        }
        List<DailyBar> fetched = fetch(symbol, from, to, bars.range(symbol).isPresent());
        if (fetched == null || fetched.isEmpty()) {
            return 0;
        }
        List<DailyBar> inserted = bars.insertMissing(fetched);
        BarStore.StoredRange range = bars.range(symbol).orElseThrow();
        // the provider has nothing before its first bar: remember it, so a short history is not re-fetched forever
        universe.recordFetch(symbol, range.last(), fetched.getFirst().date().isAfter(from) ? fetched.getFirst().date() : null);
        if (!inserted.isEmpty()) {
            announce(symbol, range.last(), false, inserted, cause, runId, "backfill " + from + ".." + to);
        }
        return inserted.size();
    }

    private Outcome store(String symbol, FetchPlan plan, List<DailyBar> fetched, Optional<BarStore.StoredRange> stored,
                          UUID cause, UUID runId) {
        // announce only what is new or corrected; an identical re-fetch of recent days is not news
        Map<LocalDate, DailyBar> known = new HashMap<>();
        if (stored.isPresent() && !fetched.getFirst().date().isAfter(stored.get().last())) {
            bars.load(symbol, fetched.getFirst().date(), stored.get().last()).forEach(b -> known.put(b.date(), b));
        }
        List<DailyBar> news = fetched.stream().filter(b -> !b.samePrices(known.get(b.date()))).toList();
        if (news.isEmpty()) {
            return new Outcome(symbol, plan, 0, false, false, null);
        }
        int written = bars.upsert(news);
        LocalDate first = stored.map(BarStore.StoredRange::first)
                .filter(f -> f.isBefore(fetched.getFirst().date())).orElse(fetched.getFirst().date());
        LocalDate firstAvailable = plan.kind() == FetchPlan.Kind.BACKFILL && fetched.getFirst().date().isAfter(plan.from())
                ? first : null;
        LocalDate watermark = stored.map(BarStore.StoredRange::last)
                .filter(l -> l.isAfter(fetched.getLast().date())).orElse(fetched.getLast().date());
        universe.recordFetch(symbol, watermark, firstAvailable);
        announce(symbol, watermark, false, news, cause, runId, plan.from() + ".." + plan.to());
        return new Outcome(symbol, plan, written, true, false, null);
    }

    private Outcome replaceHistory(String symbol, BarStore.StoredRange stored, LocalDate target, FetchPlan plan,
                                   UUID cause, UUID runId) {
        LocalDate from = stored.first().isBefore(target.minusDays(historyDays)) ? stored.first()
                : target.minusDays(historyDays);
        List<DailyBar> history = fetch(symbol, from, target, true);
        // a replacement must cover what it replaces; a short or empty answer keeps the stored history
        if (history == null || history.size() < 0.9 * stored.count()) {
            String problem = "history re-based at the provider but its answer (" + (history == null ? 0 : history.size())
                    + " bars) does not cover the " + stored.count() + " stored bars; kept the stored history";
            universe.recordError(symbol, problem);
            log.warn("{}: {}", symbol, problem);
            return new Outcome(symbol, plan, 0, false, false, problem);
        }
        bars.replace(symbol, history);
        universe.recordFetch(symbol, history.getLast().date(), null);
        announce(symbol, history.getLast().date(), true, history, cause, runId, "replaced.." + target);
        meters.counter("riskstream_price_history_replaced_total").increment();
        return new Outcome(symbol, new FetchPlan(FetchPlan.Kind.BACKFILL, from, target), history.size(), true, true, null);
    }

    /**
     * Fetches and validates; null when the provider does not know the symbol (then marked inactive): an error saying
     * so, or an empty answer for a symbol with no stored history.
     */
    private List<DailyBar> fetch(String symbol, LocalDate from, LocalDate to, boolean hasHistory) {
        List<DailyBar> fetched;
        try {
            fetched = provider.dailyBars(symbol, from, to);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.UNKNOWN_SYMBOL) {
                universe.markInactive(symbol, e.getMessage());
                return null;
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
            universe.markInactive(symbol, "no price history at provider " + provider.name());
            log.warn("{}: no history at provider {}; marked inactive", symbol, provider.name());
            return null;
        }
        return validate(symbol, fetched.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList());
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
            meters.counter("riskstream_invalid_bars_total", "provider", provider.name())
                    .increment(result.rejected().size());
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

    private void announce(String symbol, LocalDate through, boolean replaced, List<DailyBar> bars, UUID cause,
                          UUID runId, String what) {
        List<PriceBar> payload = new ArrayList<>(bars.size());
        bars.forEach(b -> payload.add(new PriceBar(b.date(), b.open(), b.high(), b.low(), b.close(), b.adjClose(),
                b.volume())));
        UUID eventId = EventIds.derive(cause, "prices-ready", symbol, what);
        outbox.enqueue(EventEnvelope.of(eventId, runId, clock.instant(), new PricesReady(symbol, through, replaced,
                payload)));
    }
}
