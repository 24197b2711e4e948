package io.riskstream.price.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure the benchmark ETFs every factor regression needs are in the universe (WATCHLIST tier, refreshed daily,
 * announced with symbol-added when new) and current. Ids derive from the date, so a restart or a second replica adds
 * no new events. A provider that cannot answer does not stop the service: {@link #run()} says which symbol failed and
 * why, the caller tries again later, and {@link #problem()} tells the readiness check.
 */
public class BenchmarkBootstrap {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkBootstrap.class);

    private final PriceFetch fetch;
    private final PriceHistory history;
    private final MarketClock marketClock;
    private final UnitOfWork unitOfWork;
    private final List<String> benchmarks;
    private final UniverseAnnouncements announcements;
    private volatile String problem = "not run yet";

    public BenchmarkBootstrap(PriceFetch fetch, PriceHistory history, MarketClock marketClock, UnitOfWork unitOfWork,
                              List<String> benchmarks, UniverseAnnouncements announcements) {
        this.fetch = fetch;
        this.history = history;
        this.marketClock = marketClock;
        this.unitOfWork = unitOfWork;
        this.benchmarks = benchmarks;
        this.announcements = announcements;
    }

    /** Brings every benchmark up to date; true when all are, false (with {@link #problem()}) when one failed. */
    public boolean run() {
        LocalDate target = marketClock.latestCompletedSession();
        Cause cause = Cause.ofRun(EventIds.named("benchmark-bootstrap", target.toString()));
        for (String symbol : benchmarks) {
            try {
                // registered first: a benchmark the provider did not know is active again and asked once more
                unitOfWork.run(() -> announcements.registerAndAnnounce(symbol, Tier.WATCHLIST, "benchmark-bootstrap",
                        cause));
                FetchedPrices fetched = fetch.upTo(symbol, target);
                PriceHistory.Outcome outcome = unitOfWork.call(() -> history.store(fetched, cause));
                log.info("benchmark {}: {} ({} bars)", symbol, outcome.plan().kind(), outcome.barsStored());
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                problem = message.startsWith(symbol + ":") ? message : symbol + ": " + message;
                log.warn("benchmark bootstrap for {} failed, retried later: {}", target, problem);
                return false;
            }
        }
        problem = null;
        return true;
    }

    /** Why the last run did not finish; empty once every benchmark is current. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
