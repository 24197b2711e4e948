package io.riskstream.price.adapters.http;

import java.util.Locale;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.Contract;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.price.application.AddToUniverse;
import io.riskstream.price.application.BackfillHistory;
import io.riskstream.price.application.UniverseStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final AddToUniverse addToUniverse;
    private final BackfillHistory backfill;
    private final MarketClock marketClock;

    UniverseController(UniverseStore universe, AddToUniverse addToUniverse, BackfillHistory backfill,
                       MarketClock marketClock) {
        this.universe = universe;
        this.addToUniverse = addToUniverse;
        this.backfill = backfill;
        this.marketClock = marketClock;
    }

    @GetMapping("/universe")
    List<UniverseStore.Entry> list() {
        return universe.all();
    }

    @PostMapping("/universe")
    UniverseStore.Entry add(@RequestBody AddSymbol request) {
        String symbol = Contract.checkSymbol(request.symbol() == null ? null : request.symbol().trim().toUpperCase(Locale.ROOT), "symbol");
        return addToUniverse.add(new AddToUniverse.Command(symbol, parseTier(request.tier()), "operator"));
    }

    @DeleteMapping("/universe/{symbol}")
    void remove(@PathVariable String symbol) {
        String s = symbol.toUpperCase(Locale.ROOT);
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
        Contract.checkDate(request.from(), "from");
        LocalDate to = request.to() == null ? marketClock.latestCompletedSession() : Contract.checkDate(request.to(), "to");
        List<String> symbols = request.symbols() == null ? List.of()
                : request.symbols().stream().map(s -> Contract.checkSymbol(s == null ? null : s.trim().toUpperCase(Locale.ROOT),
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
            return Tier.valueOf(tier == null ? "WATCHLIST" : tier.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tier " + Contract.shown(tier) + " is not one of WATCHLIST, UNIVERSE");
        }
    }
}
