package io.riskstream.price.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.SymbolAdded.Tier;

import java.util.List;

/**
 * {@code symbol-added}: register the symbol and backfill its history at once; a release (no open positions left)
 * only lowers its tier. The symbol is registered and the run told to expect it first, then its history is fetched,
 * then stored and announced in a second unit of work.
 */
public class OnboardSymbol {

    /** A symbol-added: the symbol, its tier, why it was added, whether its last position closed, and its cause. */
    public record Command(String symbol, Tier tier, String reason, boolean released, Cause cause) {
    }

    private final UniverseStore universe;
    private final PriceFetch fetch;
    private final PriceHistory history;
    private final MarketClock marketClock;
    private final UnitOfWork unitOfWork;
    private final RunReports reports;

    public OnboardSymbol(UniverseStore universe, PriceFetch fetch, PriceHistory history, MarketClock marketClock,
                         UnitOfWork unitOfWork, RunReports reports) {
        this.universe = universe;
        this.fetch = fetch;
        this.history = history;
        this.marketClock = marketClock;
        this.unitOfWork = unitOfWork;
        this.reports = reports;
    }

    public PriceHistory.Outcome handle(Command command) {
        String symbol = command.symbol();
        if (UniverseAnnouncements.own(command.reason())) {
            // announced by price-service itself, after it registered the symbol and stored its history
            return PriceHistory.Outcome.nothing(symbol, "announced here");
        }
        if (command.released()) {
            unitOfWork.run(() -> universe.release(symbol));
            return PriceHistory.Outcome.nothing(symbol, "released");
        }
        Cause cause = command.cause();
        // registered before the fetch: a symbol the provider did not know is active again and asked once more
        unitOfWork.run(() -> {
            universe.register(symbol, command.tier());
            reports.expected(cause, null, List.of(symbol));
        });
        FetchedPrices fetched = fetch.upTo(symbol, marketClock.latestCompletedSession());
        return unitOfWork.call(() -> {
            PriceHistory.Outcome outcome = history.store(fetched, cause);
            if (!outcome.announced()) {
                // already up to date, or not priced by a provider: the run's prices stage has nothing to wait for
                reports.skipped(cause, symbol);
            }
            return outcome;
        });
    }
}
