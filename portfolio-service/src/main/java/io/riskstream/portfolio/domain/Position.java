package io.riskstream.portfolio.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A position of a portfolio: signed quantity, its entry, and its exit once closed. */
public record Position(UUID id, UUID portfolioId, String symbol, BigDecimal quantity, BigDecimal entryPrice,
                       LocalDate entryDate, LocalDate exitDate, BigDecimal exitPrice, String type) {

    public InstrumentClass instrumentClass() {
        return InstrumentClass.of(symbol);
    }

    public boolean openOn(LocalDate date) {
        return !entryDate.isAfter(date) && (exitDate == null || exitDate.isAfter(date));
    }

    /**
     * Whether the position counts in the valuation of {@code date}: entered by then and open on it, or exited since
     * the previous snapshot ({@code previousSnapshot}, null for the first), so that it realizes its P&L on the date.
     */
    public boolean countsOn(LocalDate date, LocalDate previousSnapshot) {
        return !entryDate.isAfter(date) && (exitDate == null || exitDate.isAfter(date)
                || previousSnapshot != null && exitDate.isAfter(previousSnapshot));
    }
}
