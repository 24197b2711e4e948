package io.riskstream.price.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.price.domain.FetchPlan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storing half of keeping a symbol's history: stores what {@link PriceFetch} found, records the watermark and
 * announces the new bars with {@code prices-ready}, inside the caller's unit of work (no network call). Only what is
 * new or corrected is stored and announced, so storing the same answer again changes nothing; a re-based history
 * replaces the stored one as a whole.
 */
public class PriceHistory {

    public record Outcome(String symbol, FetchPlan plan, int barsStored, boolean announced, boolean replaced,
                          String problem) {
        public static Outcome nothing(String symbol, String problem) {
            return new Outcome(symbol, new FetchPlan(FetchPlan.Kind.NOTHING, null, null), 0, false, false, problem);
        }
    }

    private final BarStore bars;
    private final UniverseStore universe;
    private final EventPublisher events;
    private final Clock clock;
    private final PriceMetrics metrics;

    public PriceHistory(BarStore bars, UniverseStore universe, EventPublisher events, Clock clock, PriceMetrics metrics) {
        this.bars = bars;
        this.universe = universe;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Runs inside the caller's unit of work; outgoing event ids derive from {@code cause}. */
    public Outcome store(FetchedPrices fetched, Cause cause) {
        return switch (fetched) {
            case FetchedPrices.Nothing n -> n.outcome();
            case FetchedPrices.Unknown u -> {
                universe.markInactive(u.symbol(), u.reason());
                yield new Outcome(u.symbol(), u.plan(), 0, false, false, "unknown at provider");
            }
            case FetchedPrices.Bars b -> storeNews(b, cause);
            case FetchedPrices.Replacement r -> replace(r, cause);
            case FetchedPrices.Kept k -> {
                if (k.unknownReason() != null) {
                    universe.markInactive(k.symbol(), k.unknownReason());
                }
                universe.recordError(k.symbol(), k.problem());
                yield new Outcome(k.symbol(), k.plan(), 0, false, false, k.problem());
            }
            case FetchedPrices.Missing m -> insertMissing(m, cause);
        };
    }

    private Outcome storeNews(FetchedPrices.Bars fetched, Cause cause) {
        String symbol = fetched.symbol();
        List<DailyBar> answer = fetched.bars();
        Optional<BarStore.StoredRange> stored = fetched.stored();
        FetchPlan plan = fetched.plan();
        // announce only what is new or corrected; an identical re-fetch of recent days is not news
        Map<LocalDate, DailyBar> known = new HashMap<>();
        if (stored.isPresent() && !answer.getFirst().date().isAfter(stored.get().last())) {
            bars.load(symbol, answer.getFirst().date(), stored.get().last()).forEach(b -> known.put(b.date(), b));
        }
        List<DailyBar> news = answer.stream().filter(b -> !b.samePrices(known.get(b.date()))).toList();
        if (news.isEmpty()) {
            return new Outcome(symbol, plan, 0, false, false, null);
        }
        int written = bars.upsert(news);
        LocalDate first = stored.map(BarStore.StoredRange::first)
                .filter(f -> f.isBefore(answer.getFirst().date())).orElse(answer.getFirst().date());
        LocalDate firstAvailable = plan.kind() == FetchPlan.Kind.BACKFILL && answer.getFirst().date().isAfter(plan.from())
                ? first : null;
        LocalDate watermark = stored.map(BarStore.StoredRange::last)
                .filter(l -> l.isAfter(answer.getLast().date())).orElse(answer.getLast().date());
        universe.recordFetch(symbol, watermark, firstAvailable);
        announce(symbol, watermark, false, news, cause, plan.from() + ".." + plan.to());
        return new Outcome(symbol, plan, written, true, false, null);
    }

    private Outcome replace(FetchedPrices.Replacement r, Cause cause) {
        List<DailyBar> history = r.history();
        bars.replace(r.symbol(), history);
        universe.recordFetch(r.symbol(), history.getLast().date(), null);
        announce(r.symbol(), history.getLast().date(), true, history, cause, "replaced.." + r.target());
        metrics.historyReplaced();
        return new Outcome(r.symbol(), new FetchPlan(FetchPlan.Kind.BACKFILL, r.from(), r.target()), history.size(),
                true, true, null);
    }

    private Outcome insertMissing(FetchedPrices.Missing m, Cause cause) {
        List<DailyBar> inserted = bars.insertMissing(m.bars());
        BarStore.StoredRange range = bars.range(m.symbol()).orElseThrow();
        // the provider has nothing before its first bar: remember it, so a short history is not re-fetched forever
        LocalDate firstFetched = m.bars().getFirst().date();
        universe.recordFetch(m.symbol(), range.last(), firstFetched.isAfter(m.from()) ? firstFetched : null);
        if (!inserted.isEmpty()) {
            announce(m.symbol(), range.last(), false, inserted, cause, "backfill " + m.from() + ".." + m.to());
        }
        return new Outcome(m.symbol(), new FetchPlan(FetchPlan.Kind.BACKFILL, m.from(), m.to()), inserted.size(),
                !inserted.isEmpty(), false, null);
    }

    private void announce(String symbol, LocalDate through, boolean replaced, List<DailyBar> bars, Cause cause,
                          String what) {
        List<PriceBar> payload = bars.stream().map(b -> new PriceBar(b.date(), b.open(), b.high(), b.low(), b.close(),
                b.adjClose(), b.volume())).toList();
        events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "prices-ready", symbol, what), cause.runId(),
                clock.instant(), new PricesReady(symbol, through, replaced, payload)));
    }
}
