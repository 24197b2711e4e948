package io.riskstream.price.adapters.http;

import io.riskstream.common.event.Contract;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.price.application.BackfillHistory;
import io.riskstream.price.application.PriceHistory;
import io.riskstream.price.application.RunReports;
import io.riskstream.price.application.RunStore;
import io.riskstream.price.application.UniverseAnnouncements;
import io.riskstream.price.application.UniverseStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/** The universe: list it with tiers and watermarks, add watchlist/universe symbols, remove them, backfill history. */
@RestController
@RequestMapping("/api")
class UniverseController {

    record AddSymbol(String symbol, String tier) {
    }

    record BackfillRequest(LocalDate from, LocalDate to, List<String> symbols) {
    }

    /** The backfill goes on after this answer; {@code runUrl} shows its progress. */
    record BackfillAccepted(UUID runId, String status, LocalDate from, LocalDate to, int symbols, String runUrl) {
    }

    private final UniverseStore universe;
    private final PriceHistory history;
    private final BackfillHistory backfill;
    private final MarketClock marketClock;
    private final TransactionTemplate tx;
    private final RunStore runs;
    private final RunReports reports;
    private final UniverseAnnouncements announcements;

    UniverseController(UniverseStore universe, PriceHistory history, BackfillHistory backfill, MarketClock marketClock,
                       PlatformTransactionManager txManager, RunStore runs, RunReports reports,
                       UniverseAnnouncements announcements) {
        this.announcements = announcements;
        this.reports = reports;
        this.runs = runs;
        this.universe = universe;
        this.history = history;
        this.backfill = backfill;
        this.marketClock = marketClock;
        this.tx = new TransactionTemplate(txManager);
    }

    @GetMapping("/universe")
    List<UniverseStore.Entry> list() {
        return universe.all();
    }

    @PostMapping("/universe")
    UniverseStore.Entry add(@RequestBody AddSymbol request) {
        String symbol = Contract.checkSymbol(request.symbol() == null ? null : request.symbol().trim().toUpperCase(), "symbol");
        Tier tier = parseTier(request.tier());
        if (tier == Tier.ACTIVE) {
            throw new IllegalArgumentException("tier ACTIVE follows open positions; add WATCHLIST or UNIVERSE symbols");
        }
        UUID runId = UUID.randomUUID();
        // the symbol is in the universe (and announced) even when its history cannot be fetched right now
        tx.executeWithoutResult(s -> {
            runs.start(runId, "universe-add", null, "operator");
            announcements.registerAndAnnounce(universe, symbol, tier, "universe-add", runId, runId);
            reports.expected(runId, runId, "universe-add", List.of(symbol));
        });
        try {
            tx.executeWithoutResult(s -> {
                PriceHistory.Outcome outcome = history.bringUpToDate(symbol, marketClock.latestCompletedSession(),
                        EventIds.derive(runId, symbol), runId);
                if (!outcome.announced()) {
                    reports.skipped(runId, runId, symbol);
                }
            });
        } catch (RuntimeException e) {
            // the provider could not answer: the error is on the universe entry, the next close fetches the history
            tx.executeWithoutResult(s -> {
                universe.recordError(symbol, e.getMessage());
                reports.failed(runId, runId, symbol, e.getClass().getName() + ": " + e.getMessage());
            });
        }
        return universe.find(symbol).orElseThrow();
    }

    @DeleteMapping("/universe/{symbol}")
    void remove(@PathVariable String symbol) {
        String s = symbol.toUpperCase();
        if (universe.find(s).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "symbol " + s + " is not in the universe");
        }
        if (!universe.remove(s)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, s + " is held in open positions (tier ACTIVE)");
        }
    }

    /** 202 with the run id at once: a backfill of many symbols takes minutes, its progress is the run's. */
    @PostMapping("/admin/backfill")
    ResponseEntity<BackfillAccepted> backfill(@RequestBody BackfillRequest request) {
        if (request == null || request.from() == null) {
            throw new IllegalArgumentException("from is required");
        }
        LocalDate to = request.to() == null ? marketClock.latestCompletedSession() : request.to();
        List<String> symbols = request.symbols() == null ? List.of()
                : request.symbols().stream().map(s -> Contract.checkSymbol(s == null ? null : s.trim().toUpperCase(),
                        "symbols[]")).toList();
        BackfillHistory.Accepted accepted;
        try {
            accepted = backfill.accept(symbols, request.from(), to, "operator");
        } catch (RejectedExecutionException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "price-service is shutting down");
        }
        String runUrl = "/api/runs/" + accepted.runId();
        return ResponseEntity.accepted().location(URI.create(runUrl)).body(new BackfillAccepted(accepted.runId(),
                "accepted", accepted.from(), accepted.to(), accepted.symbols().size(), runUrl));
    }

    private static Tier parseTier(String tier) {
        try {
            return Tier.valueOf(tier == null ? "WATCHLIST" : tier.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tier '" + tier + "' is not one of WATCHLIST, UNIVERSE");
        }
    }
}
