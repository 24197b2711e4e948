package io.riskstream.portfolio.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.outbox.OutboxWriter;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Creates portfolios and records positions — from the REST API and from {@code position-events} alike — and
 * announces each symbol new to the system with {@code symbol-added}, in the same transaction (outbox). A symbol
 * already known causes no event and so no provider work.
 */
public class PortfolioCommands {

    public record NewPortfolio(UUID id, PositionEvent.PortfolioInfo info, List<PositionEvent.Position> positions) {
    }

    private final PortfolioStore portfolios;
    private final PortfolioAnalytics analytics;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PortfolioCommands(PortfolioStore portfolios, PortfolioAnalytics analytics, OutboxWriter outbox,
                             TransactionTemplate tx, Clock clock) {
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** API: creates a portfolio with its positions; the run id ties the onboarding's events together. */
    public UUID create(NewPortfolio request, UUID runId) {
        rejectFutureDates(request.positions());
        tx.executeWithoutResult(s -> {
            portfolios.create(new PortfolioStore.Portfolio(request.id(), request.info().name(), request.info().equity(),
                    request.info().currency()));
            for (PositionEvent.Position position : request.positions()) {
                record(request.id(), position, runId, runId);
            }
            analytics.refreshLatestReady(request.id(), null, runId, runId);
        });
        return request.id();
    }

    /** position-events: the same effects as the API, idempotent by portfolio and position id. */
    public void apply(EventEnvelope<PositionEvent> event) {
        PositionEvent e = event.payload();
        rejectFutureDates(List.of(e.position()));
        tx.executeWithoutResult(s -> {
            if (portfolios.find(e.portfolioId()).isEmpty()) {
                if (e.portfolio() == null) {
                    throw new IllegalArgumentException("position event for unknown portfolio " + e.portfolioId()
                            + " carries no portfolio (name, equity) to create it from");
                }
                portfolios.create(new PortfolioStore.Portfolio(e.portfolioId(), e.portfolio().name(),
                        e.portfolio().equity(), e.portfolio().currency()));
            }
            record(e.portfolioId(), e.position(), event.eventId(), event.runId());
            analytics.refreshLatestReady(e.portfolioId(), null, event.eventId(), event.runId());
        });
    }

    private void record(UUID portfolioId, PositionEvent.Position p, UUID cause, UUID runId) {
        portfolios.savePosition(new PortfolioStore.StoredPosition(p.positionId(), portfolioId, p.symbol(), p.quantity(),
                p.entryPrice(), p.entryDate(), p.exitDate(), p.exitPrice(), p.type().name()));
        long open = portfolios.openPositionCount(p.symbol());
        boolean firstEver = portfolios.markKnown(p.symbol());
        if (p.exitDate() == null && (firstEver || open == 1)) {
            // new to the system, or held again after all positions closed: ACTIVE (known symbols cost no provider call)
            outbox.enqueue(EventEnvelope.of(EventIds.derive(cause, "symbol-added", p.symbol()), runId, clock.instant(),
                    new SymbolAdded(p.symbol(), SymbolAdded.Tier.ACTIVE, "position in portfolio " + portfolioId)));
        } else if (p.exitDate() != null && open == 0) {
            outbox.enqueue(EventEnvelope.of(EventIds.derive(cause, "symbol-released", p.symbol()), runId, clock.instant(),
                    new SymbolAdded(p.symbol(), SymbolAdded.Tier.UNIVERSE, "no open positions", true)));
        }
    }

    private void rejectFutureDates(List<PositionEvent.Position> positions) {
        LocalDate today = LocalDate.now(clock);
        for (PositionEvent.Position p : positions) {
            if (p.entryDate().isAfter(today)) {
                throw new IllegalArgumentException("position.entryDate " + p.entryDate() + " is in the future");
            }
            if (p.exitDate() != null && p.exitDate().isAfter(today)) {
                throw new IllegalArgumentException("position.exitDate " + p.exitDate() + " is in the future");
            }
        }
    }
}
