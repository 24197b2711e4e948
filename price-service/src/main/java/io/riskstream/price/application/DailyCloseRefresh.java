package io.riskstream.price.application;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * {@code daily-close} for D: brings every due symbol (ACTIVE and WATCHLIST tiers) up to D, one transaction per
 * symbol, so a crash part-way resumes where it stopped (finished symbols have their watermark at D and are skipped).
 * A close for a day that is not a trading day does nothing.
 */
public class DailyCloseRefresh {

    private static final Logger log = LoggerFactory.getLogger(DailyCloseRefresh.class);

    public record Summary(int due, int fetched, int upToDate, int failed) {
    }

    private final UniverseStore universe;
    private final PriceHistory history;
    private final MarketClock marketClock;
    private final TransactionTemplate tx;

    public DailyCloseRefresh(UniverseStore universe, PriceHistory history, MarketClock marketClock,
                             TransactionTemplate tx) {
        this.universe = universe;
        this.history = history;
        this.marketClock = marketClock;
        this.tx = tx;
    }

    public Summary handle(EventEnvelope<DailyClose> event) {
        var date = event.payload().tradingDate();
        if (!marketClock.calendar().isTradingDay(date)) {
            log.info("daily-close for {}: not a trading day, nothing to do", date);
            return new Summary(0, 0, 0, 0);
        }
        List<UniverseStore.Entry> due = universe.dueSymbols(List.of(Tier.ACTIVE, Tier.WATCHLIST));
        int fetched = 0, upToDate = 0, failed = 0;
        for (UniverseStore.Entry entry : due) {
            try {
                PriceHistory.Outcome outcome = tx.execute(s ->
                        history.bringUpToDate(entry.symbol(), date, event.eventId(), event.runId()));
                if (outcome != null && outcome.announced()) {
                    fetched++;
                } else {
                    upToDate++;
                }
            } catch (DataAccessException e) {
                throw e; // the database is the problem, not the symbol: retry the whole event (done symbols skip)
            } catch (RuntimeException e) {
                failed++;
                tx.executeWithoutResult(s -> universe.recordError(entry.symbol(), e.getMessage()));
                log.warn("daily-close {}: {} failed: {}", date, entry.symbol(), e.getMessage());
            }
        }
        log.info("daily-close {}: {} due, {} fetched, {} up to date, {} failed", date, due.size(), fetched, upToDate, failed);
        return new Summary(due.size(), fetched, upToDate, failed);
    }
}
