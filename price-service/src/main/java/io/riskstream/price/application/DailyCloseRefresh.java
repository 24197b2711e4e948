package io.riskstream.price.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.Quote;
import io.riskstream.price.domain.SymbolRules;
import io.riskstream.price.domain.UniverseRefreshDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code daily-close} for D: brings every due symbol up to D — ACTIVE and WATCHLIST every trading day, UNIVERSE
 * once a week. Symbols exactly one day behind get D's bar from batch quotes (one provider call per ~100 symbols);
 * the rest fetch their missing range. Each symbol is fetched first and then stored in a unit of work of its own, so
 * a crash part-way resumes where it stopped: finished symbols have their watermark at D and cost nothing. A second
 * close for the same date, or a close for a day that is not a trading day, does nothing.
 */
public class DailyCloseRefresh {

    private static final Logger log = LoggerFactory.getLogger(DailyCloseRefresh.class);
    static final String RUN_KIND = "daily-close";

    /** A daily close for {@code tradingDate}. */
    public record Command(LocalDate tradingDate, Cause cause) {
    }

    public record Summary(int due, int fromQuotes, int fetched, int upToDate, int failed) {
    }

    private final UniverseStore universe;
    private final PriceFetch fetch;
    private final PriceHistory history;
    private final MarketDataProvider provider;
    private final TradingCalendar calendar;
    private final UnitOfWork unitOfWork;
    private final StoreFailures storeFailures;
    private final UniverseRefreshDay universeDay;
    private final RunReports reports;
    private final List<String> benchmarks;

    /**
     * @param benchmarks refreshed before every other symbol: factor-service computes a symbol's date once every
     *                   benchmark has a price for it, so bars that arrive before the benchmarks' only wait for them
     */
    public DailyCloseRefresh(UniverseStore universe, PriceFetch fetch, PriceHistory history, MarketDataProvider provider,
                             TradingCalendar calendar, UnitOfWork unitOfWork, StoreFailures storeFailures,
                             UniverseRefreshDay universeDay, RunReports reports, List<String> benchmarks) {
        this.universe = universe;
        this.fetch = fetch;
        this.history = history;
        this.provider = provider;
        this.calendar = calendar;
        this.unitOfWork = unitOfWork;
        this.storeFailures = storeFailures;
        this.universeDay = universeDay;
        this.reports = reports;
        this.benchmarks = List.copyOf(benchmarks);
    }

    public Summary handle(Command command) {
        LocalDate date = command.tradingDate();
        Cause cause = command.cause();
        if (!calendar.isTradingDay(date)) {
            log.info("daily-close for {}: not a trading day, nothing to do", date);
            unitOfWork.run(() -> reports.expected(cause, RUN_KIND, List.of()));
            return new Summary(0, 0, 0, 0, 0);
        }
        List<Tier> tiers = universeDay.includes(date, calendar) ? List.of(Tier.ACTIVE, Tier.WATCHLIST, Tier.UNIVERSE)
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
        unitOfWork.run(() -> reports.expected(cause, RUN_KIND, toRefresh));
        Map<String, Quote> quotes = quotes(oneBehind);
        int fromQuotes = 0, fetched = 0, failed = 0;
        for (String symbol : oneBehind) {
            Quote quote = quotes.get(symbol);
            if (quote == null || !date.equals(quote.date())) {
                behind.add(symbol);
            } else if (refresh(cause, symbol, date, () -> fetch.fromQuote(symbol, quote, date)).isPresent()) {
                fromQuotes++;
            } else {
                failed++;
            }
        }
        for (String symbol : behind) {
            Optional<PriceHistory.Outcome> outcome = refresh(cause, symbol, date, () -> fetch.upTo(symbol, date));
            if (outcome.isEmpty()) {
                failed++;
            } else if (outcome.get().announced()) {
                fetched++;
            }
        }
        Summary summary = new Summary(due.size(), fromQuotes, fetched, upToDate, failed);
        log.info("daily-close {}: {} due, {} from batch quotes, {} fetched, {} already up to date, {} failed", date,
                summary.due(), fromQuotes, fetched, upToDate, failed);
        return summary;
    }

    /**
     * Fetches, then stores in a unit of work; empty when the symbol failed (recorded against it). A failure of the
     * database is the database's, not the symbol's: it fails the whole event, which is retried (done symbols skip).
     */
    private Optional<PriceHistory.Outcome> refresh(Cause cause, String symbol, LocalDate date,
                                                   Supplier<FetchedPrices> fetching) {
        try {
            FetchedPrices fetched = fetching.get();
            return Optional.of(unitOfWork.call(() -> {
                PriceHistory.Outcome outcome = history.store(fetched, cause);
                if (!outcome.announced()) {
                    reports.skipped(cause, symbol); // done for this run without a prices-ready: say so
                }
                return outcome;
            }));
        } catch (RuntimeException e) {
            if (storeFailures.isStoreFailure(e)) {
                throw e;
            }
            unitOfWork.run(() -> {
                universe.recordError(symbol, e.getMessage());
                reports.failed(cause, symbol, e);
            });
            log.warn("daily-close {}: {} failed: {}", date, symbol, e.getMessage());
            return Optional.empty();
        }
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
}
