package io.riskstream.common.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static io.riskstream.common.event.Contract.*;

/**
 * A position was opened, changed or closed in a portfolio. An {@code OPENED} event for a portfolio that does not
 * exist yet carries {@code portfolio} (name and starting equity) so the portfolio can be created from the event.
 * Key: the portfolio id.
 */
public record PositionEvent(UUID portfolioId, Action action, PortfolioInfo portfolio, Position position)
        implements EventPayload {

    public enum Action { OPENED, CHANGED, CLOSED }

    public enum PositionType { LONG, SHORT, OPTION, PRIVATE }

    public record PortfolioInfo(String name, BigDecimal equity, String currency) {
        /** Decimal places equity is stored with. */
        public static final int EQUITY_SCALE = 6;

        public PortfolioInfo {
            text(name, "portfolio.name", 200);
            amount(equity, "portfolio.equity", EQUITY_SCALE);
            if (equity.signum() <= 0) {
                throw new IllegalArgumentException("portfolio.equity must be positive");
            }
            currency = currency == null ? "USD" : currency;
        }
    }

    /** quantity is signed: negative for a short. exitDate/exitPrice are set when the position is closed. */
    public record Position(UUID positionId, String symbol, BigDecimal quantity, BigDecimal entryPrice,
                           LocalDate entryDate, LocalDate exitDate, BigDecimal exitPrice, PositionType type) {
        public Position {
            required(positionId, "position.positionId");
            checkSymbol(symbol, "position.symbol");
            amount(quantity, "position.quantity");
            if (quantity.signum() == 0) {
                throw new IllegalArgumentException("position.quantity must not be zero");
            }
            amount(entryPrice, "position.entryPrice");
            if (entryPrice.signum() < 0) {
                throw new IllegalArgumentException("position.entryPrice must not be negative");
            }
            checkDate(entryDate, "position.entryDate");
            if (exitDate != null) {
                checkDate(exitDate, "position.exitDate");
                if (exitDate.isBefore(entryDate)) {
                    throw new IllegalArgumentException("position.exitDate " + exitDate + " is before entryDate " + entryDate);
                }
            }
            if (exitPrice != null) {
                amount(exitPrice, "position.exitPrice");
            }
            type = type == null ? (quantity.signum() < 0 ? PositionType.SHORT : PositionType.LONG) : type;
        }
    }

    public PositionEvent {
        required(portfolioId, "portfolioId");
        required(action, "action");
        required(position, "position");
        if (action == Action.CLOSED && position.exitDate() == null) {
            throw new IllegalArgumentException("a CLOSED position event needs position.exitDate");
        }
    }

    @Override
    public String key() {
        return portfolioId.toString();
    }
}
