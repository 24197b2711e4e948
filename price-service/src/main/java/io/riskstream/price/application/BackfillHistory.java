package io.riskstream.price.application;

import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded.Tier;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An operator's backfill from an explicit date: for each symbol (default: every ACTIVE and WATCHLIST symbol), the
 * bars in [from, to] that are not stored yet. A start before the symbol's first trading day is not an error: what
 * exists is stored and the first available date recorded. Stored bars are left alone (they change only through a
 * validated history replacement).
 */
public class BackfillHistory {

    public record SymbolResult(String symbol, int barsInserted, String problem) {
    }

    private final UniverseStore universe;
    private final PriceHistory history;
    private final TransactionTemplate tx;
    private final RunReports reports;
    private final UniverseAnnouncements announcements;

    public BackfillHistory(UniverseStore universe, PriceHistory history, TransactionTemplate tx, RunReports reports,
                           UniverseAnnouncements announcements) {
        this.announcements = announcements;
        this.reports = reports;
        this.universe = universe;
        this.history = history;
        this.tx = tx;
    }

    public List<SymbolResult> run(List<String> symbols, LocalDate from, LocalDate to, UUID runId) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<String> targets = symbols == null || symbols.isEmpty()
                ? universe.dueSymbols(List.of(Tier.ACTIVE, Tier.WATCHLIST)).stream().map(UniverseStore.Entry::symbol).toList()
                : symbols;
        List<SymbolResult> results = new ArrayList<>();
        tx.executeWithoutResult(s -> reports.expected(runId, runId, "backfill", targets));
        for (String symbol : targets) {
            UUID cause = EventIds.derive(runId, "backfill", symbol);
            try {
                Integer n = tx.execute(s -> {
                    announcements.registerAndAnnounce(universe, symbol, Tier.UNIVERSE, "backfill", cause, runId);
                    int inserted = history.backfill(symbol, from, to, cause, runId);
                    if (inserted == 0) {
                        reports.skipped(cause, runId, symbol); // nothing missing: no prices-ready follows
                    }
                    return inserted;
                });
                results.add(new SymbolResult(symbol, n == null ? 0 : n, null));
            } catch (RuntimeException e) {
                tx.executeWithoutResult(s -> reports.failed(cause, runId, symbol, e.getClass().getName() + ": "
                        + e.getMessage()));
                results.add(new SymbolResult(symbol, 0, e.getMessage()));
            }
        }
        return results;
    }
}
