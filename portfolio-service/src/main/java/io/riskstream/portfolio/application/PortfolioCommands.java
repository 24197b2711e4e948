package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.portfolio.domain.Position;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Creates portfolios and records positions — from the REST API and from {@code position-events} alike — announcing
 * each symbol new to the system in the same unit of work ({@link RecordPosition}), and requests the dates the change
 * touches, from its earliest on; up to {@link #SYNC_DATES} of them are valued before the command returns.
 */
public class PortfolioCommands {

    /** API: a new portfolio with its positions; the run id ties the onboarding's events together. */
    public record CreatePortfolio(UUID id, PositionEvent.PortfolioInfo info, List<PositionEvent.Position> positions,
                                  UUID runId) {
    }

    /** API: a new position in an existing portfolio. */
    public record AddPosition(UUID portfolioId, PositionEvent.Position position, UUID runId) {
    }

    /** API: closes a position on {@code exitDate} at {@code exitPrice}. */
    public record ClosePosition(UUID portfolioId, UUID positionId, LocalDate exitDate, BigDecimal exitPrice,
                                UUID runId) {
    }

    /** position-events: a position opened, changed or closed; {@code portfolio} creates the portfolio if new. */
    public record ApplyPositionEvent(UUID portfolioId, PositionEvent.PortfolioInfo portfolio,
                                     PositionEvent.Position position, Cause cause) {
    }

    /** A portfolio or position that does not exist (404, not 400). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /**
     * Dates a command values before it returns (a year and a half of trading days: an API caller sees its portfolio
     * valued at once); a longer history continues in the drainer.
     */
    private static final int SYNC_DATES = 400;

    private final PortfolioStore portfolios;
    private final RecordPosition positions;
    private final PositionTags tags;
    private final RequestRefresh refresh;
    private final DrainRefreshQueue drain;
    private final UnitOfWork unitOfWork;
    private final MarketClock market;

    public PortfolioCommands(PortfolioStore portfolios, RecordPosition positions, PositionTags tags,
                             RequestRefresh refresh, DrainRefreshQueue drain, UnitOfWork unitOfWork,
                             MarketClock market) {
        this.portfolios = portfolios;
        this.positions = positions;
        this.tags = tags;
        this.refresh = refresh;
        this.drain = drain;
        this.unitOfWork = unitOfWork;
        this.market = market;
    }

    /**
     * A portfolio whose positions start in the past is backfilled from its earliest entry date with the symbol data
     * already stored, in this call as far as its symbols are ready; the rest follows as their factors arrive.
     */
    public UUID create(CreatePortfolio command) {
        rejectFutureDates(command.positions());
        Cause cause = Cause.newRun(command.runId());
        unitOfWork.run(() -> {
            portfolios.create(new PortfolioStore.Portfolio(command.id(), command.info().name(),
                    command.info().equity(), command.info().currency()));
            positions.record(command.id(), RunStages.ONBOARDING, command.positions(), cause);
            tags.restoreSectorTags(command.id());
            command.positions().stream().map(PositionEvent.Position::entryDate).min(LocalDate::compareTo)
                    .ifPresent(from -> refresh.range(command.id(), from, market.latestCompletedSession(), cause));
        });
        drain.drainAfterCommit(command.id(), SYNC_DATES);
        return command.id();
    }

    /** Its dates from the entry date on are valued again. */
    public void addPosition(AddPosition command) {
        PositionEvent.Position position = command.position();
        rejectFutureDates(List.of(position));
        Cause cause = Cause.newRun(command.runId());
        unitOfWork.run(() -> {
            requirePortfolio(command.portfolioId());
            if (portfolios.positions(command.portfolioId()).stream().anyMatch(p -> p.id().equals(position.positionId()))) {
                throw new IllegalArgumentException("position " + position.positionId() + " exists already");
            }
            positions.record(command.portfolioId(), RunStages.POSITION_CHANGE, List.of(position), cause);
            tags.restoreSectorTags(command.portfolioId());
            refresh.range(command.portfolioId(), position.entryDate(), market.latestCompletedSession(), cause);
        });
        drain.drainAfterCommit(command.portfolioId(), SYNC_DATES);
    }

    /** Realized P&L follows from the stored exit; the dates from the exit date on are valued again. */
    public Position closePosition(ClosePosition command) {
        UUID portfolioId = command.portfolioId(), positionId = command.positionId();
        Cause cause = Cause.newRun(command.runId());
        Position closed = unitOfWork.call(() -> {
            requirePortfolio(portfolioId);
            Position open = position(portfolioId, positionId).orElseThrow(() ->
                    new NotFound("position " + positionId + " not found in portfolio " + portfolioId));
            if (open.exitDate() != null) {
                throw new IllegalArgumentException("position " + positionId + " is already closed on " + open.exitDate());
            }
            PositionEvent.Position position = new PositionEvent.Position(open.id(), open.symbol(), open.quantity(),
                    open.entryPrice(), open.entryDate(), command.exitDate(), command.exitPrice(),
                    PositionEvent.PositionType.valueOf(open.type()));
            rejectFutureDates(List.of(position));
            positions.record(portfolioId, RunStages.POSITION_CHANGE, List.of(position), cause);
            refresh.range(portfolioId, command.exitDate(), market.latestCompletedSession(), cause);
            return position(portfolioId, positionId).orElseThrow();
        });
        drain.drainAfterCommit(portfolioId, SYNC_DATES);
        return closed;
    }

    /** The same effects as the API, idempotent by portfolio and position id. */
    public void apply(ApplyPositionEvent command) {
        UUID portfolioId = command.portfolioId();
        PositionEvent.Position position = command.position();
        rejectFutureDates(List.of(position));
        unitOfWork.run(() -> {
            // a changed entry date moves the start of what must be recomputed either way
            LocalDate from = position(portfolioId, position.positionId()).map(Position::entryDate)
                    .filter(d -> d.isBefore(position.entryDate())).orElse(position.entryDate());
            if (portfolios.find(portfolioId).isEmpty()) {
                if (command.portfolio() == null) {
                    throw new IllegalArgumentException("position event for unknown portfolio " + portfolioId
                            + " carries no portfolio (name, equity) to create it from");
                }
                portfolios.create(new PortfolioStore.Portfolio(portfolioId, command.portfolio().name(),
                        command.portfolio().equity(), command.portfolio().currency()));
            }
            positions.record(portfolioId, RunStages.POSITION_EVENTS, List.of(position), command.cause());
            tags.restoreSectorTags(portfolioId);
            refresh.range(portfolioId, from, market.latestCompletedSession(), command.cause());
        });
        drain.drainAfterCommit(portfolioId, SYNC_DATES);
    }

    private java.util.Optional<Position> position(UUID portfolioId, UUID positionId) {
        return portfolios.positions(portfolioId).stream().filter(p -> p.id().equals(positionId)).findFirst();
    }

    private void requirePortfolio(UUID portfolioId) {
        if (portfolios.find(portfolioId).isEmpty()) {
            throw new NotFound("portfolio " + portfolioId + " not found");
        }
    }

    /** No date after today's in New York, where the sessions are. */
    private void rejectFutureDates(List<PositionEvent.Position> positions) {
        LocalDate today = LocalDate.ofInstant(market.clock().instant(), MarketClock.NEW_YORK);
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
