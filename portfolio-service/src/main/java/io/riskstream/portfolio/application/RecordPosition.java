package io.riskstream.portfolio.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.portfolio.domain.Position;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Stores positions of a portfolio (inside the caller's unit of work), after declaring the portfolio in the run, and
 * announces what each changes for its symbol: held for the first time, or again after all its positions closed, it
 * is {@code symbol-added} ACTIVE (a symbol already known costs no provider call); no longer held by anyone, it is
 * released to the UNIVERSE tier.
 */
public class RecordPosition {

    private final PortfolioStore portfolios;
    private final EventPublisher events;
    private final RunStages stages;
    private final Clock clock;
    private final HoldingLocks locks;

    public RecordPosition(PortfolioStore portfolios, EventPublisher events, RunStages stages, Clock clock,
                          HoldingLocks locks) {
        this.portfolios = portfolios;
        this.events = events;
        this.stages = stages;
        this.clock = clock;
        this.locks = locks;
    }

    /** @param runKind the kind of run the command starts (see {@link RunStages}) */
    public void record(UUID portfolioId, String runKind, List<PositionEvent.Position> positions, Cause cause) {
        // before the positions are written: a profile, closes or betas of these symbols being stored now either
        // committed already (and are read after this) or wait for this unit of work and then see its holders
        locks.lockSymbols(positions.stream().map(PositionEvent.Position::symbol).toList());
        stages.declarePortfolio(portfolioId, runKind, cause);
        for (PositionEvent.Position position : positions) {
            record(portfolioId, position, cause);
        }
    }

    private void record(UUID portfolioId, PositionEvent.Position p, Cause cause) {
        portfolios.savePosition(new Position(p.positionId(), portfolioId, p.symbol(), p.quantity(), p.entryPrice(),
                p.entryDate(), p.exitDate(), p.exitPrice(), p.type().name()));
        long open = portfolios.openPositionCount(p.symbol());
        boolean firstEver = portfolios.markKnown(p.symbol());
        if (p.exitDate() == null && (firstEver || open == 1)) {
            events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "symbol-added", p.symbol()),
                    cause.runId(), clock.instant(),
                    new SymbolAdded(p.symbol(), SymbolAdded.Tier.ACTIVE, "position in portfolio " + portfolioId)));
        } else if (p.exitDate() != null && open == 0) {
            events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "symbol-released", p.symbol()),
                    cause.runId(), clock.instant(),
                    new SymbolAdded(p.symbol(), SymbolAdded.Tier.UNIVERSE, "no open positions", true)));
        }
    }
}
