package io.riskstream.price.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.common.marketdata.MarketDataProvider;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.price.domain.FetchPlan;
import io.riskstream.price.domain.SymbolRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings one symbol's stored history up to a target trading day: fetches only what is missing, stores it, and
 * announces the new bars with {@code prices-ready} through the outbox, in the caller's transaction.
 */
public class PriceHistory {

    private static final Logger log = LoggerFactory.getLogger(PriceHistory.class);

    public record Outcome(String symbol, FetchPlan plan, int barsStored, boolean announced, String problem) {
    }

    private final BarStore bars;
    private final UniverseStore universe;
    private final MarketDataProvider provider;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int historyDays;

    public PriceHistory(BarStore bars, UniverseStore universe, MarketDataProvider provider, OutboxWriter outbox,
                        Clock clock, int historyDays) {
        this.bars = bars;
        this.universe = universe;
        this.provider = provider;
        this.outbox = outbox;
        this.clock = clock;
        this.historyDays = historyDays;
    }

    /**
     * @param cause the id of the event that asked for this work; the outgoing event id derives from it, so a
     *              redelivery produces the same event (absorbed by the outbox) instead of a second one
     */
    public Outcome bringUpToDate(String symbol, LocalDate target, UUID cause, UUID runId) {
        if (!SymbolRules.isPricedByProvider(symbol)) {
            return new Outcome(symbol, new FetchPlan(FetchPlan.Kind.NOTHING, null, null), 0, false,
                    "not a provider symbol");
        }
        Optional<UniverseStore.Entry> entry = universe.find(symbol);
        if (entry.map(UniverseStore.Entry::inactive).orElse(false)) {
            return new Outcome(symbol, new FetchPlan(FetchPlan.Kind.NOTHING, null, null), 0, false,
                    "inactive: " + entry.get().lastError());
        }
        Optional<BarStore.StoredRange> stored = bars.range(symbol);
        FetchPlan plan = FetchPlan.decide(stored.map(BarStore.StoredRange::first), stored.map(BarStore.StoredRange::last),
                entry.map(UniverseStore.Entry::firstAvailableDate), target.minusDays(historyDays), target);
        if (!plan.fetches()) {
            return new Outcome(symbol, plan, 0, false, null);
        }
        List<DailyBar> fetched = provider.dailyBars(symbol, plan.from(), plan.to());
        if (fetched.isEmpty()) {
            if (stored.isEmpty()) {
                // nothing stored and nothing to be had: the provider does not know the symbol
                universe.markInactive(symbol, "no price history at provider " + provider.name());
                log.warn("{}: no history at provider {}; marked inactive", symbol, provider.name());
                return new Outcome(symbol, plan, 0, false, "unknown at provider");
            }
            return new Outcome(symbol, plan, 0, false, null); // nothing new yet; stored history untouched
        }
        int written = bars.upsert(fetched, provider.name());
        LocalDate first = stored.map(BarStore.StoredRange::first)
                .filter(f -> f.isBefore(fetched.getFirst().date())).orElse(fetched.getFirst().date());
        LocalDate firstAvailable = plan.kind() == FetchPlan.Kind.BACKFILL && fetched.getFirst().date().isAfter(plan.from())
                ? first : null;
        LocalDate watermark = stored.map(BarStore.StoredRange::last)
                .filter(l -> l.isAfter(fetched.getLast().date())).orElse(fetched.getLast().date());
        universe.recordFetch(symbol, watermark, firstAvailable);
        PricesReady payload = new PricesReady(symbol, watermark, false, fetched.stream().map(PriceHistory::toEvent).toList());
        UUID eventId = EventIds.derive(cause, "prices-ready", symbol, plan.from().toString(), plan.to().toString());
        outbox.enqueue(EventEnvelope.of(eventId, runId, clock.instant(), payload));
        return new Outcome(symbol, plan, written, true, null);
    }

    static PriceBar toEvent(DailyBar bar) {
        return new PriceBar(bar.date(), bar.open(), bar.high(), bar.low(), bar.close(), bar.adjClose(), bar.volume());
    }
}
