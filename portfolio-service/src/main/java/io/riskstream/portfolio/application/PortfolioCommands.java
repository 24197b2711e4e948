package io.riskstream.portfolio.application;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.outbox.OutboxWriter;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
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

    /**
     * Dates a command computes before it returns (a year and a half of trading days: an API caller sees its
     * portfolio valued at once); a longer history continues in the drainer.
     */
    private static final int SYNC_DATES = 400;

    private final PortfolioStore portfolios;
    private final PortfolioAnalytics analytics;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MarketClock market;
    private final PositionTags tags;

    public PortfolioCommands(PortfolioStore portfolios, PortfolioAnalytics analytics, OutboxWriter outbox,
                             TransactionTemplate tx, Clock clock, MarketClock market, PositionTags tags) {
        this.tags = tags;
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.market = market;
    }

    /**
     * API: creates a portfolio with its positions; the run id ties the onboarding's events together. A portfolio
     * whose positions start in the past is backfilled from its earliest entry date with the symbol data already
     * stored, in this call, as far as its symbols are ready; the rest follows as their factors arrive.
     */
    public UUID create(NewPortfolio request, UUID runId) {
        rejectFutureDates(request.positions());
        tx.executeWithoutResult(s -> {
            portfolios.create(new PortfolioStore.Portfolio(request.id(), request.info().name(), request.info().equity(),
                    request.info().currency()));
            declarePortfolio(request.id(), "onboarding", runId, runId);
            for (PositionEvent.Position position : request.positions()) {
                record(request.id(), position, runId, runId);
            }
            tags.restoreSectorTags(request.id());
            request.positions().stream().map(PositionEvent.Position::entryDate).min(LocalDate::compareTo)
                    .ifPresent(from -> analytics.requestRange(request.id(), from, market.latestCompletedSession(),
                            runId, runId));
        });
        analytics.drainAfterCommit(request.id(), SYNC_DATES);
        return request.id();
    }

    /** API: adds a position to an existing portfolio; its dates from the entry date on are recomputed. */
    public void addPosition(UUID portfolioId, PositionEvent.Position position, UUID runId) {
        rejectFutureDates(List.of(position));
        tx.executeWithoutResult(s -> {
            requirePortfolio(portfolioId);
            if (portfolios.positions(portfolioId).stream().anyMatch(p -> p.id().equals(position.positionId()))) {
                throw new IllegalArgumentException("position " + position.positionId() + " exists already");
            }
            declarePortfolio(portfolioId, "position-change", runId, runId);
            record(portfolioId, position, runId, runId);
            tags.restoreSectorTags(portfolioId);
            analytics.requestRange(portfolioId, position.entryDate(), market.latestCompletedSession(), runId, runId);
        });
        analytics.drainAfterCommit(portfolioId, SYNC_DATES);
    }

    /** API: closes a position on {@code exitDate} at {@code exitPrice}; realized P&L follows from the stored exit. */
    public PortfolioStore.StoredPosition closePosition(UUID portfolioId, UUID positionId, LocalDate exitDate,
                                                      BigDecimal exitPrice, UUID runId) {
        PortfolioStore.StoredPosition closed = tx.execute(s -> {
            requirePortfolio(portfolioId);
            PortfolioStore.StoredPosition open = portfolios.positions(portfolioId).stream()
                    .filter(p -> p.id().equals(positionId)).findFirst()
                    .orElseThrow(() -> new NotFound("position " + positionId + " not found in portfolio " + portfolioId));
            if (open.exitDate() != null) {
                throw new IllegalArgumentException("position " + positionId + " is already closed on " + open.exitDate());
            }
            PositionEvent.Position position = new PositionEvent.Position(open.id(), open.symbol(), open.quantity(),
                    open.entryPrice(), open.entryDate(), exitDate, exitPrice,
                    PositionEvent.PositionType.valueOf(open.type()));
            rejectFutureDates(List.of(position));
            declarePortfolio(portfolioId, "position-change", runId, runId);
            record(portfolioId, position, runId, runId);
            analytics.requestRange(portfolioId, exitDate, market.latestCompletedSession(), runId, runId);
            return portfolios.positions(portfolioId).stream().filter(p -> p.id().equals(positionId)).findFirst()
                    .orElseThrow();
        });
        analytics.drainAfterCommit(portfolioId, SYNC_DATES);
        return closed;
    }

    /** A portfolio or position that does not exist (404, not 400). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    private void requirePortfolio(UUID portfolioId) {
        if (portfolios.find(portfolioId).isEmpty()) {
            throw new NotFound("portfolio " + portfolioId + " not found");
        }
    }

    /** position-events: the same effects as the API, idempotent by portfolio and position id. */
    public void apply(EventEnvelope<PositionEvent> event) {
        PositionEvent e = event.payload();
        rejectFutureDates(List.of(e.position()));
        tx.executeWithoutResult(s -> {
            // a changed entry date moves the start of what must be recomputed either way
            LocalDate from = portfolios.positions(e.portfolioId()).stream()
                    .filter(p -> p.id().equals(e.position().positionId())).map(PortfolioStore.StoredPosition::entryDate)
                    .filter(d -> d.isBefore(e.position().entryDate())).findFirst().orElse(e.position().entryDate());
            if (portfolios.find(e.portfolioId()).isEmpty()) {
                if (e.portfolio() == null) {
                    throw new IllegalArgumentException("position event for unknown portfolio " + e.portfolioId()
                            + " carries no portfolio (name, equity) to create it from");
                }
                portfolios.create(new PortfolioStore.Portfolio(e.portfolioId(), e.portfolio().name(),
                        e.portfolio().equity(), e.portfolio().currency()));
            }
            declarePortfolio(e.portfolioId(), "position-events", event.eventId(), event.runId());
            record(e.portfolioId(), e.position(), event.eventId(), event.runId());
            tags.restoreSectorTags(e.portfolioId());
            analytics.requestRange(e.portfolioId(), from, market.latestCompletedSession(), event.eventId(),
                    event.runId());
        });
        analytics.drainAfterCommit(e.portfolioId(), SYNC_DATES);
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

    /** The run's portfolios stage: this portfolio is refreshed for it (its analytics-ready completes it). */
    private void declarePortfolio(UUID portfolioId, String runKind, UUID cause, UUID runId) {
        outbox.enqueue(EventEnvelope.of(EventIds.derive(cause, "run-status", RunStage.PORTFOLIOS.label(),
                        portfolioId.toString()),
                runId, clock.instant(), RunStageReport.expected(runId, runKind, RunStage.PORTFOLIOS,
                        List.of(portfolioId.toString()))));
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
            if (p.exitPrice() != null && p.exitPrice().signum() < 0) {
                throw new IllegalArgumentException("position.exitPrice must not be negative");
            }
        }
    }
}
