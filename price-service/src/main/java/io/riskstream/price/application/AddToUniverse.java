package io.riskstream.price.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded.Tier;

import java.util.List;
import java.util.UUID;

/**
 * An operator adds a WATCHLIST or UNIVERSE symbol: a run of its own, the symbol registered and announced at once
 * (even when its history cannot be fetched right now), then its history fetched and stored. A provider that cannot
 * answer leaves its error on the universe entry; the next close fetches the history.
 */
public class AddToUniverse {

    static final String RUN_KIND = "universe-add";

    public record Command(String symbol, Tier tier, String triggeredBy) {
    }

    private final UniverseStore universe;
    private final PriceFetch fetch;
    private final PriceHistory history;
    private final MarketClock marketClock;
    private final UnitOfWork unitOfWork;
    private final RunReports reports;
    private final UniverseAnnouncements announcements;

    public AddToUniverse(UniverseStore universe, PriceFetch fetch, PriceHistory history, MarketClock marketClock,
                         UnitOfWork unitOfWork, RunReports reports, UniverseAnnouncements announcements) {
        this.universe = universe;
        this.fetch = fetch;
        this.history = history;
        this.marketClock = marketClock;
        this.unitOfWork = unitOfWork;
        this.reports = reports;
        this.announcements = announcements;
    }

    public UniverseStore.Entry add(Command command) {
        String symbol = command.symbol();
        if (command.tier() == Tier.ACTIVE) {
            throw new IllegalArgumentException("tier ACTIVE follows open positions; add WATCHLIST or UNIVERSE symbols");
        }
        UUID runId = UUID.randomUUID();
        Cause run = Cause.ofRun(runId);
        unitOfWork.run(() -> {
            reports.start(runId, RUN_KIND, null, command.triggeredBy());
            announcements.registerAndAnnounce(symbol, command.tier(), RUN_KIND, run);
            reports.expected(run, RUN_KIND, List.of(symbol));
        });
        Cause cause = new Cause(EventIds.derive(runId, symbol), runId);
        try {
            FetchedPrices fetched = fetch.upTo(symbol, marketClock.latestCompletedSession());
            unitOfWork.run(() -> {
                if (!history.store(fetched, cause).announced()) {
                    reports.skipped(run, symbol);
                }
            });
        } catch (RuntimeException e) {
            unitOfWork.run(() -> {
                universe.recordError(symbol, e.getMessage());
                reports.failed(run, symbol, e);
            });
        }
        return universe.find(symbol).orElseThrow();
    }
}
