package io.riskstream.price.application;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * {@code symbol-added}: register the symbol and backfill its history at once (one transaction per symbol); a release
 * (no open positions left) only lowers its tier.
 */
public class OnboardSymbol {

    private final UniverseStore universe;
    private final PriceHistory history;
    private final MarketClock marketClock;
    private final TransactionTemplate tx;
    private final RunReports reports;

    public OnboardSymbol(UniverseStore universe, PriceHistory history, MarketClock marketClock, TransactionTemplate tx,
                         RunReports reports) {
        this.reports = reports;
        this.universe = universe;
        this.history = history;
        this.marketClock = marketClock;
        this.tx = tx;
    }

    public PriceHistory.Outcome handle(EventEnvelope<SymbolAdded> event) {
        SymbolAdded added = event.payload();
        if (UniverseAnnouncements.own(added)) {
            // announced by price-service itself, after it registered the symbol and stored its history
            return PriceHistory.Outcome.nothing(added.symbol(), "announced here");
        }
        if (added.released()) {
            tx.executeWithoutResult(status -> universe.release(added.symbol()));
            return PriceHistory.Outcome.nothing(added.symbol(), "released");
        }
        return tx.execute(status -> {
            universe.register(added.symbol(), added.tier());
            reports.expected(event.eventId(), event.runId(), null, List.of(added.symbol()));
            PriceHistory.Outcome outcome = history.bringUpToDate(added.symbol(), marketClock.latestCompletedSession(),
                    event.eventId(), event.runId());
            if (!outcome.announced()) {
                // already up to date, or not priced by a provider: the run's prices stage has nothing to wait for
                reports.skipped(event.eventId(), event.runId(), added.symbol());
            }
            return outcome;
        });
    }
}
