package io.riskstream.price.application;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * At start-up, makes sure the benchmark ETFs every factor regression needs are in the universe (WATCHLIST tier,
 * refreshed daily) and current. Ids derive from the date, so a restart or a second replica adds no new events.
 */
public class BenchmarkBootstrap {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkBootstrap.class);

    private final UniverseStore universe;
    private final PriceHistory history;
    private final MarketClock marketClock;
    private final TransactionTemplate tx;
    private final List<String> benchmarks;

    public BenchmarkBootstrap(UniverseStore universe, PriceHistory history, MarketClock marketClock,
                              TransactionTemplate tx, List<String> benchmarks) {
        this.universe = universe;
        this.history = history;
        this.marketClock = marketClock;
        this.tx = tx;
        this.benchmarks = benchmarks;
    }

    public void run() {
        LocalDate target = marketClock.latestCompletedSession();
        UUID runId = EventIds.named("benchmark-bootstrap", target.toString());
        for (String symbol : benchmarks) {
            PriceHistory.Outcome outcome = tx.execute(s -> {
                universe.register(symbol, Tier.WATCHLIST);
                return history.bringUpToDate(symbol, target, runId, runId);
            });
            log.info("benchmark {}: {} ({} bars)", symbol, outcome.plan().kind(), outcome.barsStored());
        }
    }
}
