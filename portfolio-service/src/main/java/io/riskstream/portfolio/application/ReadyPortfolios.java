package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.Book;
import io.riskstream.portfolio.domain.Readiness;
import io.riskstream.portfolio.domain.SymbolArrivals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which waiting portfolios can move: those whose earliest date is {@link Readiness ready}, told from a handful of
 * queries for all of them. Without this, every pass of the drainer would open a transaction and read positions and
 * betas for each portfolio still waiting for a factors-ready: a thousand portfolios waiting on a daily close would
 * cost thousands of queries per pass, competing with the work they wait for. The chunk decides again, in its unit of
 * work.
 */
public class ReadyPortfolios {

    private final PortfolioStore portfolios;
    private final SymbolDataStore symbols;
    private final Readiness readiness;
    private final Clock clock;

    public ReadyPortfolios(PortfolioStore portfolios, SymbolDataStore symbols, Readiness readiness, Clock clock) {
        this.portfolios = portfolios;
        this.symbols = symbols;
        this.readiness = readiness;
        this.clock = clock;
    }

    public List<UUID> among(List<RefreshQueue.Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<UUID, Book> books = new HashMap<>();
        portfolios.positions(heads.stream().map(RefreshQueue.Head::portfolioId).toList())
                .forEach((id, positions) -> books.put(id, new Book(positions)));
        Set<String> held = new TreeSet<>();
        books.values().forEach(book -> held.addAll(book.publicSymbols()));
        SymbolArrivals arrivals = symbols.arrivals(held);
        Map<LocalDate, Set<String>> withBetas = symbols.symbolsWithBetas(held,
                heads.stream().map(RefreshQueue.Head::date).distinct().toList());
        List<UUID> ready = new ArrayList<>();
        for (RefreshQueue.Head head : heads) {
            Book book = books.getOrDefault(head.portfolioId(), new Book(List.of()));
            Readiness.Decision decision = readiness.decide(head.date(), book.publicSymbolsOpenOn(head.date()),
                    withBetas.getOrDefault(head.date(), Set.of()), arrivals, head.requestedAt(), now);
            if (decision instanceof Readiness.Ready) {
                ready.add(head.portfolioId());
            }
        }
        return ready;
    }
}
