package io.riskstream.price.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An operator's backfill from an explicit date: for each symbol (default: every ACTIVE and WATCHLIST symbol), the
 * bars in [from, to] that are not stored yet. A start before the symbol's first trading day is not an error: what
 * exists is stored and the first available date recorded. Stored bars are left alone (they change only through a
 * validated history replacement).
 *
 * <p>{@link #accept} checks the request, starts the run and declares its symbols, and returns at once; the bars are
 * fetched on the executor, one backfill after another, and the run's progress is what the runs API shows. Each
 * symbol's bars are fetched first, then stored and announced in a unit of work of its own. A backfill cut short by a
 * restart leaves its run running: asking again stores only what is still missing.
 */
public class BackfillHistory {

    public static final String KIND = "backfill";
    private static final Logger log = LoggerFactory.getLogger(BackfillHistory.class);

    public record SymbolResult(String symbol, int barsInserted, String problem) {
    }

    /** A backfill accepted: its run and the symbols it declared; the work goes on after this is returned. */
    public record Accepted(UUID runId, LocalDate from, LocalDate to, List<String> symbols) {
    }

    private final UniverseStore universe;
    private final PriceFetch fetch;
    private final PriceHistory history;
    private final UnitOfWork unitOfWork;
    private final RunReports reports;
    private final UniverseAnnouncements announcements;
    private final Executor executor;

    public BackfillHistory(UniverseStore universe, PriceFetch fetch, PriceHistory history, UnitOfWork unitOfWork,
                           RunReports reports, UniverseAnnouncements announcements, Executor executor) {
        this.universe = universe;
        this.fetch = fetch;
        this.history = history;
        this.unitOfWork = unitOfWork;
        this.reports = reports;
        this.announcements = announcements;
        this.executor = executor;
    }

    /**
     * Starts the run and declares its symbols in one transaction (so its total is known from the first look), then
     * hands the fetching to the executor. A request that cannot run is refused before any run exists.
     */
    public Accepted accept(List<String> symbols, LocalDate from, LocalDate to, String triggeredBy) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<String> targets = symbols == null || symbols.isEmpty()
                ? universe.dueSymbols(List.of(Tier.ACTIVE, Tier.WATCHLIST)).stream().map(UniverseStore.Entry::symbol).toList()
                : symbols.stream().distinct().toList();
        UUID runId = UUID.randomUUID();
        unitOfWork.run(() -> {
            reports.start(runId, KIND, to, triggeredBy);
            reports.expected(Cause.ofRun(runId), KIND, targets);
        });
        try {
            executor.execute(() -> {
                try {
                    run(runId, targets, from, to);
                } catch (RuntimeException e) { // the database went away between symbols: the run stays running
                    log.error("backfill {} stopped: {}", runId, e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // only when the service is shutting down: end the run as failed rather than leave it running
            for (String symbol : targets) {
                unitOfWork.run(() -> reports.failed(symbolCause(runId, symbol), symbol,
                        "not fetched: price-service was shutting down"));
            }
            throw e;
        }
        return new Accepted(runId, from, to, targets);
    }

    /** Fetches what is missing, symbol by symbol, then stores it; a failure is reported and skipped. */
    List<SymbolResult> run(UUID runId, List<String> targets, LocalDate from, LocalDate to) {
        List<SymbolResult> results = new ArrayList<>();
        for (String symbol : targets) {
            Cause cause = symbolCause(runId, symbol);
            try {
                FetchedPrices fetched = fetch.range(symbol, from, to);
                int inserted = unitOfWork.call(() -> {
                    announcements.registerAndAnnounce(symbol, Tier.UNIVERSE, "backfill", cause);
                    int n = history.store(fetched, cause).barsStored();
                    if (n == 0) {
                        reports.skipped(cause, symbol); // nothing missing: no prices-ready follows
                    }
                    return n;
                });
                results.add(new SymbolResult(symbol, inserted, null));
            } catch (RuntimeException e) {
                unitOfWork.run(() -> reports.failed(cause, symbol, e));
                results.add(new SymbolResult(symbol, 0, e.getMessage()));
            }
        }
        log.info("backfill {} ({}..{}): {} symbol(s), {} bar(s) stored, {} failed", runId, from, to, results.size(),
                results.stream().mapToInt(SymbolResult::barsInserted).sum(),
                results.stream().filter(r -> r.problem() != null).count());
        return results;
    }

    private static Cause symbolCause(UUID runId, String symbol) {
        return new Cause(EventIds.derive(runId, KIND, symbol), runId);
    }
}
