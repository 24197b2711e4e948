package io.riskstream.price.application;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.Quote;
import io.riskstream.price.domain.SymbolRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code daily-close} for D: brings every due symbol up to D — ACTIVE and WATCHLIST every trading day, UNIVERSE
 * once a week (configurable weekday). Symbols exactly one day behind get D's bar from batch quotes (one provider call
 * per ~100 symbols); the rest fetch their missing range. One transaction per symbol, so a crash part-way resumes
 * where it stopped: finished symbols have their watermark at D and cost nothing. A second close for the same date,
 * or a close for a day that is not a trading day, does nothing.
 */
public class DailyCloseRefresh {

    private static final Logger log = LoggerFactory.getLogger(DailyCloseRefresh.class);

    public record Summary(int due, int fromQuotes, int fetched, int upToDate, int failed) {
    }

    private final UniverseStore universe;
    private final PriceHistory history;
    private final MarketDataProvider provider;
    private final TradingCalendar calendar;
    private final TransactionTemplate tx;
    private final DayOfWeek universeDay;
    private final RunReports reports;
    private final List<String> benchmarks;

    /**
     * @param benchmarks refreshed before every other symbol: factor-service computes a symbol's date once every
     *                   benchmark has a price for it, so bars that arrive before the benchmarks' only wait for them
     */
    public DailyCloseRefresh(UniverseStore universe, PriceHistory history, MarketDataProvider provider,
                             TradingCalendar calendar, TransactionTemplate tx, DayOfWeek universeDay,
                             RunReports reports, List<String> benchmarks) {
        this.reports = reports;
        this.benchmarks = List.copyOf(benchmarks);
        this.universe = universe;
        this.history = history;
        this.provider = provider;
        this.calendar = calendar;
        this.tx = tx;
        this.universeDay = universeDay;
    }

    public Summary handle(EventEnvelope<DailyClose> event) {
        LocalDate date = event.payload().tradingDate();
        if (!calendar.isTradingDay(date)) {
            log.info("daily-close for {}: not a trading day, nothing to do", date);
            tx.executeWithoutResult(s -> reports.expected(event.eventId(), event.runId(), "daily-close", List.of()));
            return new Summary(0, 0, 0, 0, 0);
        }
        List<Tier> tiers = universeRefreshDay(date) ? List.of(Tier.ACTIVE, Tier.WATCHLIST, Tier.UNIVERSE)
                : List.of(Tier.ACTIVE, Tier.WATCHLIST);
        List<UniverseStore.Entry> due = universe.dueSymbols(tiers).stream()
                .filter(e -> SymbolRules.isPricedByProvider(e.symbol()))
                .sorted(Comparator.comparing(e -> !benchmarks.contains(e.symbol()))).toList();
        LocalDate previous = calendar.previousTradingDay(date);
        List<String> oneBehind = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        int upToDate = 0;
        for (UniverseStore.Entry entry : due) {
            if (entry.watermark() != null && !entry.watermark().isBefore(date)) {
                upToDate++;
            } else if (previous.equals(entry.watermark())) {
                oneBehind.add(entry.symbol());
            } else {
                behind.add(entry.symbol());
            }
        }
        // the run's prices stage: every symbol this close has to bring up to date (a redelivery declares the rest)
        List<String> toRefresh = new ArrayList<>(oneBehind);
        toRefresh.addAll(behind);
        tx.executeWithoutResult(s -> reports.expected(event.eventId(), event.runId(), "daily-close", toRefresh));
        Map<String, Quote> quotes = quotes(oneBehind);
        int fromQuotes = 0, fetched = 0, failed = 0;
        for (String symbol : oneBehind) {
            Quote quote = quotes.get(symbol);
            if (quote == null || !date.equals(quote.date())) {
                behind.add(symbol);
                continue;
            }
            try {
                tx.execute(s -> skippedUnlessAnnounced(event,
                        history.storeQuote(symbol, quote, date, event.eventId(), event.runId())));
                fromQuotes++;
            } catch (DataAccessException e) {
                throw e; // the database is the problem, not the symbol: retry the whole event (done symbols skip)
            } catch (RuntimeException e) {
                failed++;
                recordFailure(event, symbol, date, e);
            }
        }
        for (String symbol : behind) {
            try {
                PriceHistory.Outcome outcome = tx.execute(s -> skippedUnlessAnnounced(event,
                        history.bringUpToDate(symbol, date, event.eventId(), event.runId())));
                if (outcome != null && outcome.announced()) {
                    fetched++;
                }
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                failed++;
                recordFailure(event, symbol, date, e);
            }
        }
        Summary summary = new Summary(due.size(), fromQuotes, fetched, upToDate, failed);
        log.info("daily-close {}: {} due, {} from batch quotes, {} fetched, {} already up to date, {} failed", date,
                summary.due(), fromQuotes, fetched, upToDate, failed);
        return summary;
    }

    private Map<String, Quote> quotes(List<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        try {
            return provider.quotes(symbols);
        } catch (ProviderException e) {
            log.warn("batch quotes failed ({}); fetching history per symbol instead", e.getMessage());
            return Map.of();
        }
    }

    /** A symbol with nothing new to announce is done for this run without a prices-ready: say so. */
    private PriceHistory.Outcome skippedUnlessAnnounced(EventEnvelope<DailyClose> event, PriceHistory.Outcome outcome) {
        if (outcome != null && !outcome.announced()) {
            reports.skipped(event.eventId(), event.runId(), outcome.symbol());
        }
        return outcome;
    }

    private void recordFailure(EventEnvelope<DailyClose> event, String symbol, LocalDate date, RuntimeException e) {
        tx.executeWithoutResult(s -> {
            universe.recordError(symbol, e.getMessage());
            reports.failed(event.eventId(), event.runId(), symbol, e.getClass().getName() + ": " + e.getMessage());
        });
        log.warn("daily-close {}: {} failed: {}", date, symbol, e.getMessage());
    }

    /**
     * The weekly UNIVERSE refresh runs on the configured weekday; when that day is a holiday, on the week's last
     * session after it (or before it, when it is the last weekday with a session).
     */
    boolean universeRefreshDay(LocalDate date) {
        LocalDate configured = date.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusDays(universeDay.getValue() - 1);
        if (date.equals(configured)) {
            return true;
        }
        if (calendar.isTradingDay(configured)) {
            return false;
        }
        // the configured day is closed: the first session after it in the same week, else the last one before it
        LocalDate next = calendar.nextTradingDay(configured);
        if (isoWeek(next) == isoWeek(configured)) {
            return date.equals(next);
        }
        return date.equals(calendar.previousTradingDay(configured));
    }

    private static int isoWeek(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
