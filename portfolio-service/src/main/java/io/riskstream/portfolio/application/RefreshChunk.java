package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.BetasByDate;
import io.riskstream.portfolio.domain.Book;
import io.riskstream.portfolio.domain.Readiness;
import io.riskstream.portfolio.domain.SymbolArrivals;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One chunk of a portfolio's drain, inside the caller's unit of work: its earliest waiting dates up to the first
 * that must still wait, decided from data read once for all of them and handed to {@link ValueDates}.
 */
public class RefreshChunk {

    /** Dates per unit of work: short transactions, few round trips. */
    static final int DATES = 40;

    private final RefreshQueue queue;
    private final PortfolioStore portfolios;
    private final SymbolDataStore symbols;
    private final Readiness readiness;
    private final Clock clock;
    private final ValueDates values;

    public RefreshChunk(RefreshQueue queue, PortfolioStore portfolios, SymbolDataStore symbols, Readiness readiness,
                        Clock clock, ValueDates values) {
        this.queue = queue;
        this.portfolios = portfolios;
        this.symbols = symbols;
        this.readiness = readiness;
        this.clock = clock;
        this.values = values;
    }

    public DrainResult run(UUID portfolioId) {
        List<RefreshQueue.Pending> pending = queue.lockPending(portfolioId, DATES);
        if (pending.isEmpty()) {
            return DrainResult.NOTHING;
        }
        Optional<PortfolioStore.Portfolio> portfolio = portfolios.find(portfolioId);
        if (portfolio.isEmpty()) {
            queue.done(portfolioId, pending);
            return DrainResult.NOTHING;
        }
        Book book = new Book(portfolios.positions(portfolioId));
        Set<String> held = book.publicSymbols();
        SymbolArrivals arrivals = symbols.arrivals(held);
        BetasByDate betas = symbols.betasAndFits(held, pending.stream().map(RefreshQueue.Pending::date).toList(),
                SnapshotBetas.MARKET_BETA);
        Instant now = clock.instant();
        List<ValueDates.ReadyDate> ready = new ArrayList<>();
        for (RefreshQueue.Pending p : pending) {
            Readiness.Decision decision = readiness.decide(p.date(), book.publicSymbolsOpenOn(p.date()),
                    betas.symbolsOn(p.date()), arrivals, p.requestedAt(), now);
            if (!(decision instanceof Readiness.Ready go)) {
                break;
            }
            ready.add(new ValueDates.ReadyDate(p, go));
        }
        if (ready.isEmpty()) {
            return DrainResult.NOTHING;
        }
        values.valueAndStore(portfolio.get(), book, ready, betas);
        return new DrainResult(ready.size(), ready.size() == pending.size());
    }
}
